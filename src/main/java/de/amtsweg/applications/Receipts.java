package de.amtsweg.applications;

import de.amtsweg.applications.receipt.AnswersXml;
import de.amtsweg.applications.receipt.ReceiptData;
import de.amtsweg.applications.receipt.ReceiptPdf;
import de.amtsweg.catalog.Catalog;
import de.amtsweg.catalog.Leistung;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The receipt of an Antrag: its answers as XML, and the PDF/A-3 with both JSON and XML inside. */
@Component
class Receipts implements ReceiptRenderer {

  private final ReceiptPdf pdf;
  private final Catalog catalog;

  Receipts(ReceiptPdf pdf, Catalog catalog) {
    this.pdf = pdf;
    this.catalog = catalog;
  }

  @Override
  public String xml(Input input) {
    return AnswersXml.write(input.app(), data(input));
  }

  @Override
  public byte[] pdf(Input input, String answersJson, String answersXml) {
    return pdf.render(input.app(), data(input), answersJson, answersXml);
  }

  private ReceiptData data(Input input) {
    List<ReceiptData.Attachment> files = input.files().stream().map(Receipts::attachment).toList();
    return new ReceiptData(
        input.reference(),
        input.app().id(),
        input.app().name(),
        input.appVersion(),
        input.authorityName(),
        input.tenantArs(),
        leistungen(input),
        input.submittedAt(),
        input.applicantName(),
        input.answers(),
        input.computed(),
        input.fee(),
        input.declarations(),
        files,
        input.locale(),
        input.payment());
  }

  /** The Leistungen by name, as the catalog knows them. */
  private List<String> leistungen(Input input) {
    return input.app().leikaKeys().stream()
        .map(key -> catalog.find(key).map(Leistung::name).orElse(key))
        .distinct()
        .toList();
  }

  private static ReceiptData.Attachment attachment(Map<String, Object> file) {
    return new ReceiptData.Attachment(
        String.valueOf(file.get("name")),
        String.valueOf(file.get("contentType")),
        file.get("size") instanceof Number size ? size.longValue() : 0);
  }
}
