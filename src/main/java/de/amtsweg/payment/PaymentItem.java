package de.amtsweg.payment;

import org.jspecify.annotations.Nullable;

/**
 * One line of a payment: one Antrag's fee at one authority.
 *
 * @param antragReference the Antrag's reference number
 * @param description what is paid for, shown to the payer and in the bookings export
 * @param amountCents the amount in euro cents, positive
 * @param haushaltsstelle booking account in the authority's budget; null: the tenant's default
 * @param objektnummer object number for the cash system; null: the tenant's default
 */
public record PaymentItem(
    String antragReference,
    String description,
    long amountCents,
    @Nullable String haushaltsstelle,
    @Nullable String objektnummer) {}
