package de.amtsweg.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report of a barrier, sent through a tenant's accessibility statement.
 *
 * @param id its id
 * @param receivedAt when it arrived
 * @param page where the person met the barrier, as they gave it (may be empty)
 * @param message what they report
 * @param name who reports it, if they said (personal data)
 * @param email where to answer, if they want an answer (personal data)
 */
public record AccessibilityFeedback(
    UUID id,
    Instant receivedAt,
    @Nullable String page,
    String message,
    @Nullable String name,
    @Nullable String email) {}
