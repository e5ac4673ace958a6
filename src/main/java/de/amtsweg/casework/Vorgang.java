package de.amtsweg.casework;

import de.amtsweg.applications.AntragStatus;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case in the inbox: one Antrag the tenant received. Holds no answers; those stay with the
 * Antrag.
 *
 * @param status the Antrag's status, mirrored here so the inbox can filter by it
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
    AntragStatus status,
    OffsetDateTime submittedAt,
    @Nullable String assignee,
    boolean fellBack,
    @Nullable OffsetDateTime openedAt,
    @Nullable OffsetDateTime closedAt) {}
