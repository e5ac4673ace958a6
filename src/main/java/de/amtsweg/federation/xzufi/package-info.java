/** Reading and writing XZuFi 2.2 messages (internal to the federation module). */
@NullMarked
package de.amtsweg.federation.xzufi;

import org.jspecify.annotations.NullMarked;
