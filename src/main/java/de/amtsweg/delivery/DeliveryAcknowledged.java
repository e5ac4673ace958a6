package de.amtsweg.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The receiver confirmed it has the document (a Fachverfahren's acknowledgement, the first opening
 * in the case inbox). Published in the transaction that records it. Carries ids only.
 */
public record DeliveryAcknowledged(
    UUID deliveryId, DocumentType type, UUID documentId, String tenantArs, OffsetDateTime at) {}
