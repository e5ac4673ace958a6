package de.amtsweg.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The delivery of one document to its authority. Carries no personal data.
 *
 * @param id the submission id the receiver sees
 * @param documentId the owner's id of the document (the Antrag's, the invoice's)
 * @param subject the app id of an Antrag, {@code ""} for an e-invoice
 * @param idempotencyKey stays the same for every attempt, so a receiver can tell a repeat
 * @param attempts how often it was handed out or pushed
 * @param lastError the last technical error (never personal data)
 * @param nextAttemptAt when the worker pushes it (again); null when it is not the worker's
 * @param fellBackAt when its push route gave up and it went to the case inbox instead
 */
public record Delivery(
    UUID id,
    DocumentType type,
    UUID documentId,
    String reference,
    String tenantArs,
    String subject,
    DeliveryChannel channel,
    DeliveryState state,
    UUID idempotencyKey,
    int attempts,
    @Nullable String lastError,
    OffsetDateTime submittedAt,
    @Nullable OffsetDateTime deliveredAt,
    @Nullable OffsetDateTime acknowledgedAt,
    @Nullable OffsetDateTime nextAttemptAt,
    @Nullable OffsetDateTime fellBackAt,
    OffsetDateTime updatedAt) {

  /** Whether the document is in Amtsweg's case inbox: by its route, or because the push gave up. */
  public boolean inCaseInbox() {
    return channel.caseInbox() || fellBackAt != null;
  }
}
