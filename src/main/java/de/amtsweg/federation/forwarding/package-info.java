/** Forwarding to other providers' online services: exit page, click statistics, link checker. */
@NullMarked
package de.amtsweg.federation.forwarding;

import org.jspecify.annotations.NullMarked;
