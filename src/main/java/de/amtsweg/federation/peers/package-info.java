/**
 * Federated search: peer portals asked in parallel, with timeouts, circuit breakers and a cache.
 */
@NullMarked
package de.amtsweg.federation.peers;

import org.jspecify.annotations.NullMarked;
