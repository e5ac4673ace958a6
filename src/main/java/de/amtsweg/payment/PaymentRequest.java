package de.amtsweg.payment;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Ask for a payment at one tenant's payment service.
 *
 * @param tenantArs the authority that receives the money (12-digit ARS)
 * @param idempotencyKey the caller's key: asking again with it returns the same payment
 * @param items at least one, all positive
 * @param accountId the payer's Servicekonto, if logged in
 * @param payerReference what the payer is known as in the bookings (e.g. the cart id), no personal
 *     data
 * @param returnUrl where the provider sends the payer after paying (or failing)
 * @param cancelUrl where the provider sends the payer who cancels
 */
public record PaymentRequest(
    String tenantArs,
    UUID idempotencyKey,
    List<PaymentItem> items,
    @Nullable UUID accountId,
    String payerReference,
    URI returnUrl,
    URI cancelUrl) {

  public PaymentRequest {
    items = List.copyOf(items);
  }
}
