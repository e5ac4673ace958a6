package de.amtsweg.payment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a payment stands. One transition table; every change goes through {@link #canBecome}.
 * Staying in the same status is no transition, except for a further partial refund ({@code
 * PARTIALLY_REFUNDED → PARTIALLY_REFUNDED}), which changes the refunded amount.
 *
 * <pre>
 * CREATED ──► PENDING ──► PAID ──► PARTIALLY_REFUNDED ──► REFUNDED
 *    │           │          └──────────────────────────────►┘
 *    └───────────┴──► FAILED | CANCELLED | EXPIRED ──(late payment)──► PAID
 * </pre>
 *
 * <p>{@code CANCELLED → PAID} is in the table so that money is never ignored, but {@link Payments}
 * allows it only for a payment Amtsweg cancelled itself ({@link Payment#cancelRequested()}): such a
 * late payment is booked and refunded in full at once. A payment the payer cancelled at the service
 * stays cancelled.
 */
public enum PaymentStatus {
  /** Written, the provider not yet asked (or it did not answer). */
  CREATED,
  /** The provider knows the payment; the payer has been sent there. */
  PENDING,
  /** The money has arrived. */
  PAID,
  /** The provider refused the payment. Final. */
  FAILED,
  /**
   * The payer cancelled at the provider, or Amtsweg cancelled it ({@link Payments#cancel}). Final,
   * except that money arriving after Amtsweg cancelled it is booked (and refunded at once).
   */
  CANCELLED,
  /** Nobody paid in time. A late confirmation of the provider still makes it paid. */
  EXPIRED,
  /** All of it was given back. Final. */
  REFUNDED,
  /** Part of it was given back. */
  PARTIALLY_REFUNDED;

  private static final Map<PaymentStatus, Set<PaymentStatus>> TRANSITIONS =
      Map.of(
          CREATED, EnumSet.of(PENDING, PAID, FAILED, CANCELLED, EXPIRED),
          PENDING, EnumSet.of(PAID, FAILED, CANCELLED, EXPIRED),
          PAID, EnumSet.of(REFUNDED, PARTIALLY_REFUNDED),
          PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED),
          EXPIRED, EnumSet.of(PAID),
          FAILED, EnumSet.noneOf(PaymentStatus.class),
          CANCELLED, EnumSet.of(PAID),
          REFUNDED, EnumSet.noneOf(PaymentStatus.class));

  /** Whether a payment in this status may change to {@code next}. */
  public boolean canBecome(PaymentStatus next) {
    return Objects.requireNonNull(TRANSITIONS.get(this), "every status has its row").contains(next);
  }

  /** Whether the payer may still pay: {@link #CREATED} or {@link #PENDING}. */
  public boolean open() {
    return this == CREATED || this == PENDING;
  }

  /** Whether money has arrived (paid, possibly refunded in part or in full later). */
  public boolean paid() {
    return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
  }
}
