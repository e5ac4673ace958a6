/**
 * The App-Store's web layer: the App-Redaktion's editor ({@code /redaktion}), the tenants'
 * activation of apps with their parameters ({@code /verwaltung/apps}) and the apps API. Internal to
 * the module.
 */
@NullMarked
package de.amtsweg.appstore.web;

import org.jspecify.annotations.NullMarked;
