/**
 * The one delivery engine for everything Amtsweg hands to another system (ADR 0021): submitted
 * Anträge to the authorities' Fachverfahren or the case inbox, e-invoices to the finance systems;
 * later FIT-Connect and peer portals. It knows no Antrag and no invoice: their owners hand them
 * over ({@link de.amtsweg.delivery.Deliveries#handOver}) in their own transaction and give out the
 * content through the {@link de.amtsweg.delivery.DocumentSource} SPI. Routes per tenant, document
 * type and subject choose a {@link de.amtsweg.delivery.Channel} (pull API, webhook with optional
 * JWE, e-mail notice, file drop; the case inbox is registered by {@code casework}). The outbox
 * record carries state, idempotency key, attempts and last error; the worker pushes with a lease,
 * backoff with jitter and, for Anträge, a fallback to the case inbox. Receivers answer through the
 * {@link de.amtsweg.delivery.BackChannel}; status travels back to the owners as events ({@link
 * de.amtsweg.delivery.DeliveryDelivered}, {@link de.amtsweg.delivery.DeliveryAcknowledged}, {@link
 * de.amtsweg.delivery.StatusReported}, {@link de.amtsweg.delivery.FeeCharged}, {@link
 * de.amtsweg.delivery.DocumentDiscarded}).
 */
@ApplicationModule(
    displayName = "Delivery",
    allowedDependencies = {"account", "appstore", "forms", "tenancy"})
@NullMarked
package de.amtsweg.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
