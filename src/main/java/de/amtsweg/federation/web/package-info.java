/**
 * The Portalverbund's public API: export in the Bereitstelldienst shape, routes, JWKS; operator
 * pages.
 */
@NullMarked
package de.amtsweg.federation.web;

import org.jspecify.annotations.NullMarked;
