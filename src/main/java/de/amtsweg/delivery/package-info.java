/**
 * Delivery of submitted Anträge to the responsible authority: a route per tenant and app (the
 * built-in case inbox by default, or the pull API for a Fachverfahren modelled on the FIT-Connect
 * Submission API), a delivery record written in the submitting transaction (outbox) with its state,
 * idempotency key, attempts and last error, and the back-channel through which the Fachverfahren
 * acknowledges receipt and reports status and Bescheid (ADR 0015).
 *
 * <p>API: {@link de.amtsweg.delivery.Deliveries}, {@link de.amtsweg.delivery.DeliveryRoutes},
 * records {@link de.amtsweg.delivery.Delivery}, enums {@link de.amtsweg.delivery.DeliveryState},
 * {@link de.amtsweg.delivery.DeliveryChannel}.
 */
@ApplicationModule(displayName = "Delivery")
@NullMarked
package de.amtsweg.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
