package de.amtsweg.applications.receipt;

import de.amtsweg.forms.AppDefinition;
import de.amtsweg.platform.PdfDocuments;
import de.amtsweg.platform.Times;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the receipt (Eingangsbestätigung) of a submitted Antrag as PDF/A-3b: the authority, the
 * reference number, when it was received, every answer as the applicant gave it, attachments,
 * confirmed declarations and the fee, in the applicant's language (German or English). The answers
 * are embedded machine-readably as the associated files {@code antrag.json} and {@code antrag.xml}
 * (AFRelationship {@code Data} and {@code Source}). Rendered by {@link PdfDocuments} (tagged, one
 * embedded font).
 *
 * <p>Thread-safe; one instance serves the whole application.
 */
@Component
public class ReceiptPdf {

  static final String TEMPLATE = "applications/receipt/receipt";
  static final String JSON_NAME = "antrag.json";
  static final String XML_NAME = "antrag.xml";

  private final Times times;
  private final MessageSource messages;
  private final PdfDocuments pdf;

  public ReceiptPdf(MessageSource messages, PdfDocuments pdf, Times times) {
    this.messages = messages;
    this.pdf = pdf;
    this.times = times;
  }

  /**
   * Renders the receipt.
   *
   * @param app the definition the Antrag was filled in on (labels, options, steps)
   * @param data what the receipt shows
   * @param answersJson the answers as JSON, embedded as {@code antrag.json}
   * @param answersXml the answers as XML ({@link AnswersXml#write}), embedded as {@code antrag.xml}
   * @return the PDF/A-3b document
   */
  public byte[] render(AppDefinition app, ReceiptData data, String answersJson, String answersXml) {
    GregorianCalendar submitted = GregorianCalendar.from(data.submittedAt().toZonedDateTime());
    return pdf.render(
        html(app, data),
        data.locale(),
        document -> {
          Map<String, PDComplexFileSpecification> files = new LinkedHashMap<>();
          files.put(
              JSON_NAME,
              attach(
                  document,
                  JSON_NAME,
                  "application/json",
                  answersJson,
                  "Data",
                  messages.getMessage("receipt.file.json", null, data.locale()),
                  submitted));
          files.put(
              XML_NAME,
              attach(
                  document,
                  XML_NAME,
                  "application/xml",
                  answersXml,
                  "Source",
                  messages.getMessage("receipt.file.xml", null, data.locale()),
                  submitted));
          associate(document, files);
        });
  }

  /** The receipt as XHTML, before it becomes a PDF. */
  String html(AppDefinition app, ReceiptData data) {
    Locale locale = PdfDocuments.language(data.locale());
    return pdf.html(
        TEMPLATE,
        Map.of("view", ReceiptView.of(app, data, messages, times.zone()), "data", data),
        locale);
  }

  private static PDComplexFileSpecification attach(
      PDDocument document,
      String name,
      String mediaType,
      String content,
      String relationship,
      String description,
      GregorianCalendar date)
      throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(bytes));
    file.setSubtype(mediaType);
    file.setSize(bytes.length);
    file.setCreationDate(date);
    file.setModDate(date);
    PDComplexFileSpecification spec = new PDComplexFileSpecification();
    spec.setFile(name);
    spec.setFileUnicode(name);
    spec.setFileDescription(description);
    spec.setEmbeddedFile(file);
    spec.setEmbeddedFileUnicode(file);
    spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), relationship);
    return spec;
  }

  /** PDF/A-3: embedded files are listed in the name tree and associated with the document (/AF). */
  private static void associate(
      PDDocument document, Map<String, PDComplexFileSpecification> files) {
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(files);
    PDDocumentNameDictionary names =
        catalog.getNames() != null ? catalog.getNames() : new PDDocumentNameDictionary(catalog);
    names.setEmbeddedFiles(tree);
    catalog.setNames(names);
    COSArray associated = new COSArray();
    files.values().forEach(spec -> associated.add(spec.getCOSObject()));
    catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
  }
}
