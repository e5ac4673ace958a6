/**
 * The E-Rechnung web layer: the intake API and supplier upload, the tenant's invoice inbox, the
 * Leitweg-ID registry and the export routes of a tenant. Internal to the module.
 */
@NullMarked
package de.amtsweg.einvoice.web;

import org.jspecify.annotations.NullMarked;
