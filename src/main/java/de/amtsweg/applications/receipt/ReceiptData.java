package de.amtsweg.applications.receipt;

import de.amtsweg.forms.Text;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a receipt and the XML answer document say about one submitted Antrag.
 *
 * @param reference the citizen-facing reference number, e.g. {@code HUND-2026-000123}
 * @param appId the Antrags-App's id
 * @param appName the Antrags-App's name
 * @param appVersion the published version the Antrag was filled in on
 * @param tenantName the responsible authority, as applicants know it
 * @param tenantArs the responsible authority's Amtlicher Regionalschlüssel
 * @param leistungen the names of the Leistungen applied for
 * @param submittedAt when the Antrag was submitted
 * @param applicantName who applied, as shown on the receipt; null for anonymous applicants
 * @param answers the normalized answers ({@code FormEngine.normalized()})
 * @param computed the computed values ({@code FormEngine.computed()})
 * @param fee the fee, if the app charges one
 * @param declarations the ids of the declarations the applicant confirmed
 * @param attachments the uploaded files
 * @param locale the language of the receipt (German unless English)
 * @param payment the online payment of the fee, if it was paid before submission or is open
 */
public record ReceiptData(
    String reference,
    String appId,
    Text appName,
    int appVersion,
    String tenantName,
    String tenantArs,
    List<String> leistungen,
    OffsetDateTime submittedAt,
    @Nullable String applicantName,
    Map<String, Object> answers,
    Map<String, Object> computed,
    @Nullable BigDecimal fee,
    List<String> declarations,
    List<Attachment> attachments,
    Locale locale,
    @Nullable Paid payment) {

  /** An Antrag without an online payment. */
  public ReceiptData(
      String reference,
      String appId,
      Text appName,
      int appVersion,
      String tenantName,
      String tenantArs,
      List<String> leistungen,
      OffsetDateTime submittedAt,
      @Nullable String applicantName,
      Map<String, Object> answers,
      Map<String, Object> computed,
      @Nullable BigDecimal fee,
      List<String> declarations,
      List<Attachment> attachments,
      Locale locale) {
    this(
        reference,
        appId,
        appName,
        appVersion,
        tenantName,
        tenantArs,
        leistungen,
        submittedAt,
        applicantName,
        answers,
        computed,
        fee,
        declarations,
        attachments,
        locale,
        null);
  }

  /**
   * The payment of the fee as the receipt and the answer document show it.
   *
   * @param status the payment's status, e.g. {@code PAID} or {@code PENDING}
   * @param kassenzeichen the authority's payment reference
   * @param amount in euros
   */
  public record Paid(String status, String kassenzeichen, BigDecimal amount) {}

  public ReceiptData {
    leistungen = List.copyOf(leistungen);
    answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    computed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(computed));
    declarations = List.copyOf(declarations);
    attachments = List.copyOf(attachments);
  }

  /** An uploaded file as listed on the receipt. */
  public record Attachment(String name, String contentType, long size) {}
}
