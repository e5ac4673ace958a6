package de.amtsweg.applications.receipt;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import de.amtsweg.forms.AppDefinition;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the receipt (Eingangsbestätigung) of a submitted Antrag as PDF/A-3b: the authority, the
 * reference number, when it was received, every answer as the applicant gave it, attachments,
 * confirmed declarations and the fee, in the applicant's language (German or English). The answers
 * are embedded machine-readably as the associated files {@code antrag.json} and {@code antrag.xml}
 * (AFRelationship {@code Data} and {@code Source}). The PDF is tagged for accessibility (PDF/UA
 * structure) and embeds its only font, Liberation Sans.
 *
 * <p>Thread-safe; one instance serves the whole application.
 */
@Component
public class ReceiptPdf {

  static final String TEMPLATE = "applications/receipt/receipt";
  static final String JSON_NAME = "antrag.json";
  static final String XML_NAME = "antrag.xml";
  private static final String FONT_FAMILY = "Liberation Sans";
  private static final String DC_TITLE_END = "</dc:title>";

  private static final byte[] REGULAR = resource("liberation/LiberationSans-Regular.ttf");
  private static final byte[] BOLD = resource("liberation/LiberationSans-Bold.ttf");
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  private final MessageSource messages;
  private final SpringTemplateEngine templates;

  public ReceiptPdf(MessageSource messages) {
    this.messages = messages;
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(ReceiptPdf.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    this.templates = new SpringTemplateEngine();
    this.templates.setTemplateResolver(resolver);
    this.templates.setTemplateEngineMessageSource(messages);
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
    String html = html(app, data);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
    try (PdfBoxRenderer renderer = builder(html).buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument document = renderer.getPdfDocument();
      declareLanguage(document, language(data.locale()).getLanguage());
      GregorianCalendar submitted = GregorianCalendar.from(data.submittedAt().toZonedDateTime());
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
      document.save(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the receipt " + data.reference(), e);
    }
    return pdf.toByteArray();
  }

  /**
   * Renders another document about an Antrag (a Bescheid, for example) the way the receipt is
   * rendered: PDF/A-3b, tagged, with the receipt's embedded font, from a template under {@code
   * templates/} that must be well-formed XHTML.
   *
   * @param template e.g. {@code casework/bescheid-pdf}
   * @param variables what the template reads
   * @param locale the document's language (German unless English)
   */
  public byte[] document(String template, Map<String, Object> variables, Locale locale) {
    Locale language = language(locale);
    Context context = new Context(language);
    context.setVariables(variables);
    context.setVariable("lang", language.getLanguage());
    String html = templates.process(template, context);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(32 * 1024);
    try (PdfBoxRenderer renderer = builder(html).buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      declareLanguage(renderer.getPdfDocument(), language.getLanguage());
      renderer.getPdfDocument().save(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException("could not render " + template, e);
    }
    return pdf.toByteArray();
  }

  private static PdfRendererBuilder builder(String html) {
    return new PdfRendererBuilder()
        .useFastMode()
        .usePdfVersion(1.7f)
        .usePdfAConformance(PdfAConformance.PDFA_3_B)
        .usePdfUaAccessibility(true)
        .useColorProfile(SRGB)
        .useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true)
        .useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true)
        .withProducer("Amtsweg")
        .withHtmlContent(html, null);
  }

  /** The receipt as XHTML, before it becomes a PDF. */
  String html(AppDefinition app, ReceiptData data) {
    Locale locale = language(data.locale());
    Context context = new Context(locale);
    context.setVariable("view", ReceiptView.of(app, data, messages));
    context.setVariable("data", data);
    context.setVariable("lang", locale.getLanguage());
    return templates.process(TEMPLATE, context);
  }

  private static Locale language(Locale locale) {
    return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
  }

  /**
   * The renderer puts the language into the catalog (/Lang) but not into the XMP metadata, where
   * PDF/A readers and archives look for it.
   */
  private static void declareLanguage(PDDocument document, String language) throws IOException {
    PDMetadata metadata = document.getDocumentCatalog().getMetadata();
    if (metadata == null) {
      return;
    }
    String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
    int title = xmp.indexOf(DC_TITLE_END);
    if (title < 0 || xmp.contains("<dc:language>")) {
      return;
    }
    int at = title + DC_TITLE_END.length();
    String declared =
        xmp.substring(0, at)
            + "<dc:language><rdf:Bag><rdf:li>"
            + language
            + "</rdf:li></rdf:Bag></dc:language>"
            + xmp.substring(at);
    document
        .getDocumentCatalog()
        .setMetadata(
            new PDMetadata(
                document, new ByteArrayInputStream(declared.getBytes(StandardCharsets.UTF_8))));
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

  private static byte[] resource(String path) {
    try (InputStream in = ReceiptPdf.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the class path: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
