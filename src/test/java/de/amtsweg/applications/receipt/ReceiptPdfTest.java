package de.amtsweg.applications.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.forms.AppDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

class ReceiptPdfTest {

  private final AppDefinition app = Receipts.hundesteuer();
  private final ReceiptPdf receipts =
      new ReceiptPdf(
          Receipts.messages(),
          new de.amtsweg.platform.PdfDocuments(Receipts.messages()),
          de.amtsweg.platform.Times.in(java.time.ZoneId.of("Europe/Berlin")));

  @Test
  void receiptIsPdfA3bWithTitleAndLanguageInItsMetadata() throws Exception {
    ReceiptData data = Receipts.data(app, Locale.GERMAN);

    try (PDDocument pdf = Loader.loadPDF(render(data))) {
      PDMetadata metadata = pdf.getDocumentCatalog().getMetadata();
      String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
      DomXmpParser parser = new DomXmpParser();
      parser.setStrictParsing(false);
      XMPMetadata parsed = parser.parse(metadata.toByteArray());

      assertThat(parsed.getPDFAIdentificationSchema().getPart()).isEqualTo(3);
      assertThat(parsed.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
      assertThat(parsed.getDublinCoreSchema().getTitle())
          .isEqualTo("Eingangsbestätigung HUND-2026-000123");
      assertThat(parsed.getDublinCoreSchema().getLanguages()).containsExactly("de");
      assertThat(xmp).doesNotContain("Müller");
      assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("de");
      assertThat(pdf.getDocumentCatalog().getOutputIntents()).isNotEmpty();
      assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("tagged PDF").isNotNull();
      for (var page : pdf.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void veraPdfFindsTheReceiptCompliantWithPdfA3bAndPdfUa1() throws Exception {
    byte[] pdf = render(Receipts.data(app, Locale.GERMAN));

    assertThat(violations(pdf, PDFAFlavour.PDFA_3_B)).isEmpty();
    assertThat(violations(pdf, PDFAFlavour.PDFUA_1)).isEmpty();
  }

  @Test
  void receiptShowsEveryAnswerAsTheApplicantGaveIt() throws Exception {
    String lines = text(render(Receipts.data(app, Locale.GERMAN)));
    String text = lines.replaceAll("\\s+", " ");

    assertThat(lines).contains("Fischmarkt 1\n99084 Erfurt");
    assertThat(text)
        .contains(
            "Stadtverwaltung Erfurt",
            "Eingangsbestätigung",
            "HUND-2026-000123",
            "Eingegangen am 14.03.2026 um 09:05 Uhr",
            "Hundesteuer: Hund anmelden oder abmelden (Version 3)",
            "Hundesteuer Anmeldung");
    assertThat(text).contains("Ihr Anliegen", "Was möchten Sie tun? Einen Hund anmelden");
    assertThat(text)
        .contains(
            "Angaben zur Halterin oder zum Halter",
            "Vorname(n) Erika",
            "Familienname " + Receipts.FAMILY_NAME,
            "Geburtsdatum 12.08.1984",
            "Anschrift (Hauptwohnsitz) Fischmarkt 1 99084 Erfurt",
            "E-Mail-Adresse erika.mustermann@example.org");
    assertThat(text)
        .contains(
            "Angaben zum Hund",
            "Hund 1",
            "Name des Hundes Bello",
            "Rasse Labrador Retriever",
            "Geschlecht Rüde",
            "Fellfarbe weiß-braun",
            "Wurfdatum (ungefähr) 01.04.2023",
            "Ist der Hund ein gefährlicher Hund (Listenhund)? Nein",
            "Hund 2",
            "Name des Hundes " + Receipts.SECOND_DOG,
            "Rasse Deutscher Schäferhund",
            "Geschlecht Hündin");
    assertThat(text)
        .contains(
            "Möchten Sie eine Steuerbefreiung oder Ermäßigung beantragen? Ja",
            "Grund Blindenführhund",
            "Nachweis Ausweis Größe.pdf (180 KB)");
    assertThat(text)
        .contains(
            "Voraussichtliche Jahressteuer 1.234,50 €",
            "Anlagen",
            "Ausweis Größe.pdf (180 KB)",
            "Von Ihnen bestätigte Erklärungen",
            "Ich versichere, dass meine Angaben richtig und vollständig sind.");
    assertThat(text)
        .doesNotContain("labrador", "ruede", "true", "1984-08-12", "Abmeldung des Hundes");
    assertThat(text.indexOf("Hund 1"))
        .isLessThan(text.indexOf("Bello"))
        .isLessThan(text.indexOf("Hund 2"));
  }

  @Test
  void englishApplicantsGetTheReceiptInEnglish() throws Exception {
    String text = text(render(Receipts.data(app, Locale.ENGLISH))).replaceAll("\\s+", " ");

    assertThat(text)
        .contains(
            "Confirmation of receipt",
            "HUND-2026-000123",
            "Received on 14.03.2026 at 09:05",
            "Dog tax: register or deregister a dog (version 3)",
            "Dog 1",
            "Breed Labrador Retriever",
            "Sex Male",
            "Breed German Shepherd",
            "Is the dog a dangerous dog (listed breed)? No",
            "Expected annual tax €1,234.50");
    assertThat(text).doesNotContain("Eingangsbestätigung", "Rüde");
  }

  @Test
  void feeIsShownInEurosWhenTheAppChargesOne() throws Exception {
    ReceiptData data =
        Receipts.withFee(Receipts.data(app, Locale.GERMAN), new BigDecimal("1234.50"));

    assertThat(text(render(data)).replaceAll("\\s+", " ")).contains("Beträge", "Gebühr 1.234,50 €");
  }

  @Test
  void answersAreEmbeddedAsAssociatedJsonAndXmlFiles() throws Exception {
    ReceiptData data = Receipts.data(app, Locale.GERMAN);
    String json = Receipts.json(data);
    String xml = AnswersXml.write(app, data);

    try (PDDocument pdf = Loader.loadPDF(receipts.render(app, data, json, xml))) {
      Map<String, PDComplexFileSpecification> files =
          pdf.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();

      assertThat(files).containsOnlyKeys("antrag.json", "antrag.xml");
      assertThat(content(files.get("antrag.json")))
          .isEqualTo(json)
          .contains("\"Bello\"", Receipts.SECOND_DOG);
      assertThat(content(files.get("antrag.xml"))).isEqualTo(xml);
      assertThat(files.get("antrag.json").getEmbeddedFile().getSubtype())
          .isEqualTo("application/json");
      assertThat(files.get("antrag.xml").getEmbeddedFile().getSubtype())
          .isEqualTo("application/xml");
      assertThat(files.get("antrag.json").getCOSObject().getNameAsString("AFRelationship"))
          .isEqualTo("Data");
      assertThat(files.get("antrag.xml").getCOSObject().getNameAsString("AFRelationship"))
          .isEqualTo("Source");
      assertThat(associatedFiles(pdf)).containsExactly("antrag.json", "antrag.xml");
    }
  }

  @Test
  void rendersAReceiptInReasonableTime() {
    ReceiptData data = Receipts.data(app, Locale.GERMAN);
    String json = Receipts.json(data);
    String xml = AnswersXml.write(app, data);
    receipts.render(app, data, json, xml);

    int runs = 5;
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      receipts.render(app, data, json, xml);
    }
    long millis = (System.nanoTime() - start) / 1_000_000 / runs;
    System.out.println(
        "ReceiptPdf: " + millis + " ms per receipt (after warm-up, " + runs + " runs)");

    assertThat(millis).as("an applicant waits for it after submitting").isLessThan(5_000);
  }

  private byte[] render(ReceiptData data) {
    return receipts.render(app, data, Receipts.json(data), AnswersXml.write(app, data));
  }

  private static List<String> violations(byte[] pdf, PDFAFlavour flavour) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    try (PDFAParser parser =
            Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
      ValidationResult result = validator.validate(parser);
      return result.getTestAssertions().stream()
          .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
          .map(assertion -> assertion.getRuleId().getClause() + ": " + assertion.getMessage())
          .distinct()
          .toList();
    }
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setLineSeparator("\n");
      return stripper.getText(document);
    }
  }

  private static String content(PDComplexFileSpecification file) throws IOException {
    return new String(file.getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
  }

  private static List<String> associatedFiles(PDDocument pdf) {
    COSArray af = pdf.getDocumentCatalog().getCOSObject().getCOSArray(COSName.getPDFName("AF"));
    List<String> names = new ArrayList<>();
    for (COSBase entry : af) {
      COSBase spec = entry instanceof COSObject object ? object.getObject() : entry;
      names.add(((COSDictionary) spec).getString(COSName.UF));
    }
    return names;
  }
}
