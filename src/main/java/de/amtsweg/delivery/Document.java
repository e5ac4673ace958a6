package de.amtsweg.delivery;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A document as its receiver gets it, read from its owner ({@link DocumentSource}) whenever a
 * channel needs it. An Antrag fills every part; an e-invoice has its XML and {@code metadata} only.
 * Holds personal data: never logged, never stored by delivery.
 *
 * @param reference what people quote (reference number, invoice number)
 * @param authority the receiving authority's name
 * @param subject the app id of an Antrag, {@code ""} for an e-invoice
 * @param subjectVersion the app version the Antrag was filled in on (0 when none)
 * @param leikaKey the Leistung applied for, if known
 * @param status the owner's status of the document now
 * @param accountId the applicant's Servicekonto, where the authority can write back (Postfach);
 *     null without one
 * @param data the data as JSON (the answers of an Antrag)
 * @param xml the data as XML (the answers of an Antrag, the e-invoice itself)
 * @param computed values the app computed from the answers
 * @param fee the fee the app computed, if any
 * @param files the attachments, without their bytes
 * @param receipt whether there is a receipt PDF ({@link DocumentSource#receipt})
 * @param paymentPolicy when the authority wants its fee paid online ({@code NONE}, {@code
 *     BEFORE_SUBMISSION}, {@code AFTER_SUBMISSION}, {@code AFTER_BESCHEID})
 * @param payment what is due online and how far it is paid; null when nothing is
 * @param history what happened to the document, oldest first (the applicant's timeline)
 * @param metadata descriptive fields of document types without answers (an e-invoice's number,
 *     amount, supplier …), in the order a file drop writes them
 * @param original the document's bytes as received, where they are what is handed on (the XML of an
 *     e-invoice, in its own encoding); null for an Antrag
 */
public record Document(
    DocumentType type,
    UUID id,
    String reference,
    String tenantArs,
    String authority,
    String subject,
    int subjectVersion,
    @Nullable String leikaKey,
    String status,
    OffsetDateTime submittedAt,
    @Nullable String applicantName,
    @Nullable String contactEmail,
    @Nullable UUID accountId,
    Map<String, Object> data,
    @Nullable String xml,
    Map<String, Object> computed,
    @Nullable BigDecimal fee,
    List<File> files,
    boolean receipt,
    String paymentPolicy,
    @Nullable Payment payment,
    List<Entry> history,
    Map<String, Object> metadata,
    byte @Nullable [] original) {

  /** An attachment of the document. */
  public record File(UUID id, String name, String contentType, long size) {}

  /** An attachment with its bytes. */
  public record FileContent(String name, String contentType, byte[] bytes) {}

  /**
   * The fee due online.
   *
   * @param status the payment's status ({@code payment.PaymentStatus} name), {@code OPEN} when no
   *     payment was started yet
   */
  public record Payment(
      String status, long amountCents, String currency, @Nullable String kassenzeichen) {}

  /** One entry of the document's history; {@code type} names it for the owner's messages. */
  public record Entry(OffsetDateTime at, String type, @Nullable String note) {}

  /** An e-invoice: its XML and what a finance system files it under. */
  public static Document invoice(
      UUID id,
      String reference,
      String tenantArs,
      String authority,
      String status,
      OffsetDateTime receivedAt,
      byte[] xml,
      Map<String, Object> metadata) {
    return new Document(
        DocumentType.E_RECHNUNG,
        id,
        reference,
        tenantArs,
        authority,
        "",
        0,
        null,
        status,
        receivedAt,
        null,
        null,
        null,
        Map.of(),
        null,
        Map.of(),
        null,
        List.of(),
        false,
        "NONE",
        null,
        List.of(),
        metadata,
        xml);
  }
}
