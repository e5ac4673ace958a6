package de.amtsweg.casework;

import de.amtsweg.delivery.Document;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.platform.PdfDocuments;
import de.amtsweg.platform.Times;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A Bescheid as PDF/A-3b, rendered like the receipt: letterhead of the authority, reference and
 * date, then the caseworker's text, paragraph by paragraph. Always German.
 */
@Component
class BescheidPdf {

  static final String TEMPLATE = "casework/bescheid-pdf";
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

  private final Times times;
  private final PdfDocuments pdf;

  BescheidPdf(PdfDocuments pdf, Times times) {
    this.pdf = pdf;
    this.times = times;
  }

  byte[] render(Document antrag, AppDefinition app, String text, OffsetDateTime date) {
    List<List<String>> paragraphs =
        Arrays.stream(text.strip().split("\\R\\s*\\R"))
            .map(p -> Arrays.asList(p.strip().split("\\R")))
            .toList();
    return pdf.document(
        TEMPLATE,
        Map.of(
            "authority", antrag.authority(),
            "reference", antrag.reference(),
            "date", date.atZoneSameInstant(times.zone()).format(DATE),
            "appName", app.name().in(Locale.GERMAN),
            "paragraphs", paragraphs),
        Locale.GERMAN);
  }

  static String fileName(String reference) {
    return "Bescheid-" + reference + ".pdf";
  }
}
