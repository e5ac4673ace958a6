package de.amtsweg.einvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The business terms of an invoice that Amtsweg reads itself: for routing, duplicate detection, the
 * inbox list and the human-readable view. Everything may be missing in an invalid invoice.
 */
public record InvoiceData(
    @Nullable String invoiceNumber,
    @Nullable String typeCode,
    @Nullable LocalDate issueDate,
    @Nullable LocalDate dueDate,
    @Nullable String currency,
    @Nullable String buyerReference,
    @Nullable String sellerName,
    @Nullable String sellerVatId,
    @Nullable String buyerName,
    @Nullable BigDecimal netAmount,
    @Nullable BigDecimal taxAmount,
    @Nullable BigDecimal grossAmount,
    @Nullable BigDecimal payableAmount,
    @Nullable String paymentTerms,
    @Nullable String iban,
    List<Line> lines,
    List<Attachment> attachments) {

  /** An invoice line (BG-25). */
  public record Line(
      @Nullable String id,
      @Nullable String name,
      @Nullable BigDecimal quantity,
      @Nullable String unit,
      @Nullable BigDecimal netPrice,
      @Nullable BigDecimal netAmount,
      @Nullable String vatCategory,
      @Nullable BigDecimal vatRate) {}

  /** A document embedded in the XML (BG-24 with BT-125). */
  public record Attachment(
      String filename, String mimeType, @Nullable String description, byte[] content) {}
}
