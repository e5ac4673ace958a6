package de.amtsweg.applications;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An Antrag being filled in.
 *
 * @param answers the raw answers as entered (kept even when invalid, so nothing typed is lost)
 * @param prefillDecided whether the applicant already accepted or declined the prefill
 * @param submittedReference the Antrag's reference once submitted
 */
public record Draft(
    UUID id,
    String appId,
    int appVersion,
    String tenantArs,
    String authorityName,
    @Nullable String leikaKey,
    @Nullable UUID accountId,
    Map<String, Object> answers,
    List<String> declarations,
    boolean prefillDecided,
    @Nullable String resumeEmail,
    @Nullable String submittedReference,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public boolean submitted() {
    return submittedReference != null;
  }
}
