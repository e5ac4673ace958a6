package de.amtsweg.casework;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case in the inbox: one Antrag the tenant received through the case inbox channel. Holds no
 * answers; those stay with the Antrag, read through delivery.
 *
 * @param antragId the Antrag's id (the delivered document's)
 * @param status the case's status; the Antrag follows it through the back channel
 * @param assignee the staff account working on it, if any
 * @param fellBack whether it came here because its Fachverfahren route gave up
 * @param openedAt when a caseworker first opened it (the authority acknowledged receipt)
 * @param closedAt when it became ABGESCHLOSSEN; retention counts from here
 */
public record Vorgang(
    UUID antragId,
    String reference,
    String tenantArs,
    String appId,
    VorgangStatus status,
    OffsetDateTime submittedAt,
    @Nullable String assignee,
    boolean fellBack,
    @Nullable OffsetDateTime openedAt,
    @Nullable OffsetDateTime closedAt) {}
