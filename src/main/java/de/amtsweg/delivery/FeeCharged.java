package de.amtsweg.delivery;

import java.util.UUID;

/**
 * A receiver set the fee it charges for a delivered document (pay after the Bescheid): its owner
 * asks the applicant to pay it. Published synchronously, because the owner may refuse (nothing is
 * due online for the document); the refusal then reaches the receiver.
 *
 * @param by who set it (a staff member's user name), for the payment's history
 */
public record FeeCharged(
    UUID deliveryId,
    DocumentType type,
    UUID documentId,
    String tenantArs,
    String reference,
    long amountCents,
    String by) {}
