package de.amtsweg.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The delivery of one Antrag to its authority. Carries no personal data.
 *
 * @param id the submission id the Fachverfahren sees
 * @param idempotencyKey stays the same for every attempt, so a receiver can tell a repeat
 * @param attempts how often it was handed out or pushed
 * @param lastError the last technical error (never personal data)
 */
public record Delivery(
    UUID id,
    UUID antragId,
    String reference,
    String tenantArs,
    String appId,
    DeliveryChannel channel,
    DeliveryState state,
    UUID idempotencyKey,
    int attempts,
    @Nullable String lastError,
    OffsetDateTime submittedAt,
    @Nullable OffsetDateTime deliveredAt,
    @Nullable OffsetDateTime acknowledgedAt) {}
