package de.amtsweg.delivery;

import java.util.UUID;

/**
 * The receiver is done with a document and its retention period is over: its owner deletes it with
 * everything personal it holds. Published synchronously, so the receiver's own deletion and the
 * owner's happen together or not at all.
 */
public record DocumentDiscarded(
    UUID deliveryId, DocumentType type, UUID documentId, String tenantArs) {}
