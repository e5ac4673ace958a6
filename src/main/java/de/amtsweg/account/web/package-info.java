/**
 * The Servicekonto's web layer: registration, login (password, second factor, OIDC), profile,
 * Postfach, Datenschutz-Cockpit, organisations, access tokens, {@code /api/v1/me}, and the tenant
 * staff's pages for API clients and Postfach replies. Internal to the module.
 */
@NullMarked
package de.amtsweg.account.web;

import org.jspecify.annotations.NullMarked;
