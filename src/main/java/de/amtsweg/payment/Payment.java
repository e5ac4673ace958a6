package de.amtsweg.payment;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A payment transaction at one tenant's payment service.
 *
 * @param id public id (random)
 * @param tenantArs the authority that receives the money
 * @param kassenzeichen the reference it is booked under in the authority's cash system
 * @param status where it stands
 * @param amountCents the total in euro cents
 * @param refundedCents how much of it has been given back
 * @param currency always {@code EUR}
 * @param payUrl where the payer pays, while the payment is open and the provider knows it
 * @param items its lines, with the booking data filled in
 * @param provider id of the provider that handles it ({@code test}, {@code xbezahldienste})
 * @param cancelRequested Amtsweg cancelled it ({@link Payments#cancel}): while it is still open the
 *     service has not confirmed the cancel yet, it has no {@code payUrl} and the reconciliation
 *     tries again; once paid, the money came after the cancel and is refunded in full
 */
public record Payment(
    UUID id,
    String tenantArs,
    String kassenzeichen,
    PaymentStatus status,
    long amountCents,
    long refundedCents,
    String currency,
    @Nullable URI payUrl,
    List<PaymentItem> items,
    String provider,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    boolean cancelRequested) {

  public Payment {
    items = List.copyOf(items);
  }

  /** Whether the payer may pay it now: open, and not being cancelled by Amtsweg. */
  public boolean payable() {
    return status.open() && !cancelRequested;
  }

  /**
   * Whether money arrived for it after Amtsweg had cancelled it (it is, or will be, refunded in
   * full).
   */
  public boolean paidAfterCancel() {
    return cancelRequested && status.paid();
  }

  /** What may still be refunded. */
  public long refundableCents() {
    return status.paid() ? amountCents - refundedCents : 0;
  }
}
