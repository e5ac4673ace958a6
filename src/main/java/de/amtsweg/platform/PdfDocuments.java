package de.amtsweg.platform;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Documents as PDF/A-3b the way Amtsweg writes all of them (receipts, Bescheide): from a Thymeleaf
 * template under {@code templates/} that must be well-formed XHTML, tagged for accessibility
 * (PDF/UA structure), with the language declared in the catalog and the XMP metadata, and one
 * embedded font family, Liberation Sans.
 *
 * <p>Thread-safe; one instance serves the whole application.
 */
@Component
public class PdfDocuments {

  private static final String FONT_FAMILY = "Liberation Sans";
  private static final String DC_TITLE_END = "</dc:title>";

  private static final byte[] REGULAR = resource("liberation/LiberationSans-Regular.ttf");
  private static final byte[] BOLD = resource("liberation/LiberationSans-Bold.ttf");
  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

  /** Changes a rendered document before it is saved (embedded files, for example). */
  @FunctionalInterface
  public interface Finisher {
    void finish(PDDocument document) throws IOException;
  }

  private final SpringTemplateEngine templates;

  public PdfDocuments(MessageSource messages) {
    ClassLoaderTemplateResolver resolver =
        new ClassLoaderTemplateResolver(PdfDocuments.class.getClassLoader());
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
   * Renders a template as PDF/A-3b.
   *
   * @param template e.g. {@code casework/bescheid-pdf}
   * @param variables what the template reads
   * @param locale the document's language (German unless English)
   */
  public byte[] document(String template, Map<String, Object> variables, Locale locale) {
    return render(html(template, variables, locale), locale, document -> {});
  }

  /** The template as XHTML, before it becomes a PDF; it gets {@code lang} besides the variables. */
  public String html(String template, Map<String, Object> variables, Locale locale) {
    Locale language = language(locale);
    Context context = new Context(language);
    context.setVariables(variables);
    context.setVariable("lang", language.getLanguage());
    return templates.process(template, context);
  }

  /** Renders XHTML as PDF/A-3b; {@code finisher} may add to it before it is saved. */
  public byte[] render(String html, Locale locale, Finisher finisher) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
    try (PdfBoxRenderer renderer = builder(html).buildPdfRenderer()) {
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument document = renderer.getPdfDocument();
      declareLanguage(document, language(locale).getLanguage());
      finisher.finish(document);
      document.save(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException("could not render a PDF", e);
    }
    return pdf.toByteArray();
  }

  /** German unless English: the languages documents are written in. */
  public static Locale language(Locale locale) {
    return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
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

  private static byte[] resource(String path) {
    try (InputStream in = PdfDocuments.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("font missing from the class path: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
