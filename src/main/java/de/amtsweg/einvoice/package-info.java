/**
 * E-Rechnung: suppliers' XRechnung and ZUGFeRD invoices are received (web upload, REST API),
 * validated like the KoSIT reference validator with the XRechnung 3.0.2 configuration, routed to a
 * tenant by their Leitweg-ID (BT-10) and handled in the tenant's invoice inbox.
 *
 * <p>API: {@link de.amtsweg.einvoice.LeitwegId}, {@link de.amtsweg.einvoice.InvoiceValidator},
 * {@link de.amtsweg.einvoice.LeitwegRegistry}, {@link de.amtsweg.einvoice.Einvoices}, {@link
 * de.amtsweg.einvoice.EinvoiceCli}.
 */
@ApplicationModule(
    displayName = "E-Rechnung",
    allowedDependencies = {"account", "delivery", "tenancy"})
@NullMarked
package de.amtsweg.einvoice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
