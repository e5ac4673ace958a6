/**
 * The rules for outbound addresses staff set and the HTTP clients that keep to them when connecting
 * ({@link de.amtsweg.platform.OutboundTargets}).
 */
@NullMarked
package de.amtsweg.platform.outbound;

import org.jspecify.annotations.NullMarked;
