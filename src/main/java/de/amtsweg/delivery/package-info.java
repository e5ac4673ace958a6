/**
 * Delivery of submitted Anträge to the responsible authority: a route per tenant and app (the
 * built-in case inbox by default, the pull API for a Fachverfahren modelled on the FIT-Connect
 * Submission API, a signed webhook with optional JWE, or the case inbox with an e-mail notice), a
 * delivery record written in the submitting transaction (outbox) with its state, idempotency key,
 * attempts and last error, the worker that pushes webhooks with a lease, backoff and fallback to
 * the case inbox, and the back-channel through which the Fachverfahren acknowledges receipt and
 * reports status and Bescheid (ADR 0015, ADR 0016).
 *
 * <p>API: {@link de.amtsweg.delivery.Deliveries}, {@link de.amtsweg.delivery.DeliveryRoutes},
 * {@link de.amtsweg.delivery.DeliveryWorker}, {@link de.amtsweg.delivery.DeliveryCallbacks},
 * records {@link de.amtsweg.delivery.Delivery}, {@link de.amtsweg.delivery.SubmissionDocument},
 * event {@link de.amtsweg.delivery.CaseInboxDelivered}, enums {@link
 * de.amtsweg.delivery.DeliveryState}, {@link de.amtsweg.delivery.DeliveryChannel}.
 */
@ApplicationModule(
    displayName = "Delivery",
    allowedDependencies = {"account", "applications", "appstore", "forms", "payment", "tenancy"})
@NullMarked
package de.amtsweg.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
