/**
 * Payment of fees (ePayment) modelled on XBezahldienste: payment transactions per tenant with their
 * Kassenzeichen and booking data (Haushaltsstelle, Objektnummer), one state machine ({@link
 * de.amtsweg.payment.PaymentStatus}), payment providers behind one SPI ({@link
 * de.amtsweg.payment.PaymentProvider}: the built-in test payment service and an
 * XBezahldienste-style HTTP client), verified and deduplicated notifications, reconciliation of
 * payments whose notification never came, refunds by caseworkers, the per-tenant configuration and
 * the bookings export for the authority's cash system (HKR) (ADR 0018).
 *
 * <p>API: {@link de.amtsweg.payment.Payments}, records {@link de.amtsweg.payment.Payment}, {@link
 * de.amtsweg.payment.PaymentItem}, {@link de.amtsweg.payment.PaymentRequest}, enum {@link
 * de.amtsweg.payment.PaymentStatus}, event {@link de.amtsweg.payment.PaymentStatusChanged}. The
 * module does not know Anträge beyond their reference numbers: its users (the Warenkorb) call it
 * and listen to its events.
 */
@ApplicationModule(
    displayName = "Payment",
    allowedDependencies = {"appstore", "tenancy"})
@NullMarked
package de.amtsweg.payment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
