package de.amtsweg.einvoice;

import de.amtsweg.delivery.DeliveryException;
import de.amtsweg.delivery.Document;
import de.amtsweg.delivery.DocumentSource;
import de.amtsweg.delivery.DocumentType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives e-invoices to delivery for the export to the finance system: the invoice XML as received
 * (for a ZUGFeRD PDF the XML it embeds), and the metadata a finance system files it under.
 */
@Component
class InvoiceDocuments implements DocumentSource {

  private final Einvoices einvoices;
  private final JdbcClient jdbc;

  InvoiceDocuments(Einvoices einvoices, JdbcClient jdbc) {
    this.einvoices = einvoices;
    this.jdbc = jdbc;
  }

  @Override
  public DocumentType type() {
    return DocumentType.E_RECHNUNG;
  }

  @Override
  public Document document(UUID id) {
    Einvoices.Invoice invoice;
    try {
      invoice = einvoices.any(id);
    } catch (EinvoiceException e) {
      throw new DeliveryException.NotFound();
    }
    if (invoice.recipient() == null) {
      throw new DeliveryException.NotFound();
    }
    byte[] xml =
        jdbc.sql("select coalesce(xml, original) from einvoice where id = ?")
            .param(id)
            .query(byte[].class)
            .single();
    return Document.invoice(
        id,
        invoice.invoiceNumber() == null ? id.toString() : invoice.invoiceNumber(),
        invoice.recipient().ars(),
        invoice.recipient().name(),
        invoice.status().name(),
        invoice.receivedAt(),
        xml,
        metadata(invoice));
  }

  @Override
  public Optional<Document.FileContent> file(UUID documentId, UUID fileId) {
    return Optional.empty();
  }

  @Override
  public Optional<byte[]> receipt(UUID documentId) {
    return Optional.empty();
  }

  /** What a file drop writes next to the XML ({@code <id>.json}); no personal data of citizens. */
  static Map<String, Object> metadata(Einvoices.Invoice invoice) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", invoice.id().toString());
    m.put("receivedAt", invoice.receivedAt().toString());
    m.put("recipientArs", invoice.recipient() == null ? null : invoice.recipient().ars());
    m.put("leitwegId", invoice.leitwegId());
    m.put("format", invoice.format());
    m.put("syntax", invoice.syntax());
    m.put("specification", invoice.specification());
    m.put("invoiceNumber", invoice.invoiceNumber());
    m.put("issueDate", invoice.issueDate() == null ? null : invoice.issueDate().toString());
    m.put("dueDate", invoice.dueDate() == null ? null : invoice.dueDate().toString());
    m.put("currency", invoice.currency());
    m.put(
        "payableAmount",
        invoice.payableAmount() == null ? null : invoice.payableAmount().toPlainString());
    m.put("sellerName", invoice.sellerName());
    return m;
  }
}
