package de.amtsweg.payment;

import java.util.List;
import java.util.UUID;

/**
 * Published in the transaction that changes a payment's status, exactly once per change (also for
 * every further partial refund).
 *
 * @param antragReferences the reference numbers of the payment's items
 */
public record PaymentStatusChanged(
    UUID paymentId,
    String tenantArs,
    PaymentStatus from,
    PaymentStatus to,
    List<String> antragReferences) {

  public PaymentStatusChanged {
    antragReferences = List.copyOf(antragReferences);
  }
}
