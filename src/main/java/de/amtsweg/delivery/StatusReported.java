package de.amtsweg.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A receiver reported on a delivered document through the back channel: a new status, or only an
 * entry for the applicant's timeline (an answer arrived). Published synchronously in the reporting
 * transaction, because the document's owner may refuse the status (it cannot follow the current
 * one); the refusal then reaches the reporter and nothing is recorded. Carries no texts.
 *
 * @param status the new status; null for a timeline entry only
 * @param entry what the timeline entry says ({@code applications.event.<entry>}): the status name,
 *     or e.g. {@code ANTWORT}
 * @param note a reference for the entry (the id of a Postfach message), never a text
 */
public record StatusReported(
    UUID deliveryId,
    DocumentType type,
    UUID documentId,
    String tenantArs,
    @Nullable ReportedStatus status,
    String entry,
    @Nullable String note,
    OffsetDateTime at) {}
