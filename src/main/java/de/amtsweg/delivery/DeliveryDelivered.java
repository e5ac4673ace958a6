package de.amtsweg.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document reached its receiver: fetched, pushed, written to its folder, or handed to the case
 * inbox (also as the fallback of a push route). Published in the transaction that records it.
 * Carries ids only.
 *
 * @param at when it was delivered (for the applicant's timeline)
 */
public record DeliveryDelivered(
    UUID deliveryId,
    DocumentType type,
    UUID documentId,
    String tenantArs,
    DeliveryChannel channel,
    boolean fellBack,
    OffsetDateTime at) {}
