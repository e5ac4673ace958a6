package de.amtsweg.applications;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A submitted application. Its answers never change.
 *
 * @param reference the number the applicant and the authority quote, e.g. {@code HUND-2026-000123}
 * @param answers the normalized answers (the JSON document)
 * @param answersXml the same as XML ({@code urn:amtsweg:antrag:1})
 * @param submittedAt when it was submitted (while it waits for payment: when it was completed)
 * @param paymentPolicy when the tenant wants the fee paid online ({@code NONE}: not online)
 * @param amountDueCents what is to be paid online in euro cents; null when nothing is (yet)
 * @param feeExemption why no fee is charged, if an exemption applied
 */
public record Antrag(
    UUID id,
    String reference,
    String appId,
    int appVersion,
    String tenantArs,
    String authorityName,
    @Nullable String leikaKey,
    @Nullable UUID accountId,
    @Nullable String contactEmail,
    @Nullable String applicantName,
    Map<String, Object> answers,
    String answersXml,
    Map<String, Object> computed,
    @Nullable BigDecimal fee,
    AntragStatus status,
    OffsetDateTime submittedAt,
    String paymentPolicy,
    @Nullable Long amountDueCents,
    @Nullable String feeExemption) {

  /** Whether the Antrag is complete but not submitted until its fee is paid. */
  public boolean waitingForPayment() {
    return status == AntragStatus.WARTET_AUF_ZAHLUNG;
  }
}
