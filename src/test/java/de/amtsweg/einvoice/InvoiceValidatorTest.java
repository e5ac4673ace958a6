package de.amtsweg.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.einvoice.ValidationReport.Severity;
import de.amtsweg.einvoice.ValidationReport.Unusable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator against the KoSIT reference verdicts of the shared test data (all 567 files; about
 * a minute on the 2-core build machine) and against hostile input.
 */
class InvoiceValidatorTest {

  private static final XRechnungManifest MANIFEST = XRechnungManifest.load();
  private static final Map<XRechnungManifest.Entry, ValidationReport> REPORTS =
      new java.util.LinkedHashMap<>();
  private final InvoiceValidator validator = new InvoiceValidator();

  /** Each file is validated once; the tests below look at the reports. */
  @org.junit.jupiter.api.BeforeAll
  static void validateAll() {
    InvoiceValidator validator = new InvoiceValidator();
    for (XRechnungManifest.Entry entry : MANIFEST.entries()) {
      REPORTS.put(entry, validator.validate(entry.content(MANIFEST.folder())));
    }
  }

  @Test
  void everyFileGetsTheVerdictOfTheReferenceValidator() {
    List<String> disagreements = new ArrayList<>();
    for (XRechnungManifest.Entry entry : MANIFEST.entries()) {
      ValidationReport report = REPORTS.get(entry);
      if (report.valid() != entry.valid()) {
        disagreements.add(
            entry.file()
                + ": expected "
                + (entry.valid() ? "valid" : "invalid")
                + ", got "
                + report.errors().stream().map(ValidationReport.Finding::rule).toList());
      }
    }
    assertThat(MANIFEST.entries()).hasSize(567);
    assertThat(disagreements).isEmpty();
  }

  @Test
  void rejectedFilesNameTheRuleTheReferenceReports() {
    List<String> missing = new ArrayList<>();
    for (XRechnungManifest.Entry entry : MANIFEST.entries()) {
      if (entry.valid() || entry.referenceErrors().isEmpty()) {
        continue;
      }
      List<String> rules =
          REPORTS.get(entry).errors().stream().map(ValidationReport.Finding::rule).toList();
      // XRechnung 2.x: the reference has no scenario for it; Amtsweg says why (outdated-version).
      List<String> expected =
          entry.expectedRules().contains("outdated-version")
              ? List.of("outdated-version")
              : entry.referenceErrors();
      if (expected.stream().noneMatch(rules::contains)) {
        missing.add(entry.file() + ": reference " + expected + ", Amtsweg " + rules);
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void aValidInvoiceCarriesItsBusinessTerms() {
    ValidationReport report =
        validator.validate(
            MANIFEST.entries().stream()
                .filter(e -> e.file().endsWith("01.01a-INVOICE_uncefact.xml"))
                .findFirst()
                .orElseThrow()
                .content(MANIFEST.folder()));
    assertThat(report.valid()).isTrue();
    assertThat(report.syntax()).isEqualTo("CII");
    assertThat(report.scenario()).isEqualTo(ValidationReport.Scenario.XRECHNUNG_3_CIUS);
    assertThat(report.buyerReference()).isEqualTo("04011000-12345-03");
    assertThat(report.data().invoiceNumber()).isNotBlank();
    assertThat(report.data().grossAmount()).isPositive();
    assertThat(report.data().lines()).isNotEmpty();
  }

  @Test
  void externalEntitiesAreNeverRead(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "GEHEIM");
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE Invoice [<!ENTITY x SYSTEM "%s">]>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">&x;</Invoice>
        """
            .formatted(secret.toUri());
    ValidationReport report = validator.validate(xxe.getBytes(StandardCharsets.UTF_8));
    assertThat(report.unusable()).isEqualTo(Unusable.DTD_FORBIDDEN);
    assertThat(report.findings())
        .extracting(ValidationReport.Finding::message)
        .noneMatch(m -> m.contains("GEHEIM"));
  }

  @Test
  void entityExpansionIsRefusedBeforeItStarts() {
    StringBuilder lol =
        new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      lol.append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    lol.append("]><lolz>&lol9;</lolz>");
    long start = System.nanoTime();
    ValidationReport report = validator.validate(lol.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(report.unusable()).isEqualTo(Unusable.DTD_FORBIDDEN);
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void externalDtdIsNotFetched() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE Invoice SYSTEM \"http://127.0.0.1:9/evil.dtd\"><Invoice/>";
    assertThat(validator.validate(xml.getBytes(StandardCharsets.UTF_8)).unusable())
        .isEqualTo(Unusable.DTD_FORBIDDEN);
  }

  @Test
  void unusableInputIsRejectedWithItsReason() {
    assertThat(validator.validate(new byte[0]).unusable()).isEqualTo(Unusable.EMPTY);
    assertThat(validator.validate(new byte[] {'B', 'M', 0, 1, 2, (byte) 0xff}).unusable())
        .isEqualTo(Unusable.NOT_XML);
    assertThat(
            validator
                .validate("<Invoice><ID>1</Invoice>".getBytes(StandardCharsets.UTF_8))
                .unusable())
        .isEqualTo(Unusable.NOT_WELL_FORMED);
    assertThat(
            new InvoiceValidator(100, false)
                .validate(("<a>" + "x".repeat(200) + "</a>").getBytes(StandardCharsets.UTF_8))
                .unusable())
        .isEqualTo(Unusable.TOO_LARGE);
    ValidationReport notAnInvoice =
        validator.validate("<html><body/></html>".getBytes(StandardCharsets.UTF_8));
    assertThat(notAnInvoice.valid()).isFalse();
    assertThat(notAnInvoice.errors())
        .extracting(ValidationReport.Finding::rule)
        .containsExactly("no-scenario");
  }

  @Test
  void outdatedXRechnungIsRejectedByDefault() {
    byte[] v23 = content("mustang-samples/validXRV23.xml");
    ValidationReport report = validator.validate(v23);
    assertThat(report.valid()).isFalse();
    assertThat(report.errors())
        .extracting(ValidationReport.Finding::rule)
        .containsExactly("outdated-version");
    ValidationReport accepted =
        new InvoiceValidator(InvoiceValidator.DEFAULT_MAX_BYTES, true).validate(v23);
    assertThat(accepted.errors())
        .extracting(ValidationReport.Finding::rule)
        .doesNotContain("outdated-version");
  }

  @Test
  void theXmlInAZugferdPdfIsValidated() throws IOException {
    byte[] xml = content("testsuite/business-cases/standard/01.01a-INVOICE_uncefact.xml");
    ValidationReport report = validator.validate(pdfWith("factur-x.xml", xml));
    assertThat(report.format()).isEqualTo("PDF");
    assertThat(report.valid()).isTrue();
    assertThat(report.buyerReference()).isEqualTo("04011000-12345-03");
  }

  @Test
  void zugferdProfilesBelowEn16931AreRejectedWithTheReason() throws IOException {
    String xml =
        new String(
                content("testsuite/business-cases/standard/01.01a-INVOICE_uncefact.xml"),
                StandardCharsets.UTF_8)
            .replace(InvoiceValidator.CIUS_3, "urn:factur-x.eu:1p0:basicwl");
    ValidationReport report =
        validator.validate(pdfWith("factur-x.xml", xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(report.valid()).isFalse();
    assertThat(report.errors())
        .extracting(ValidationReport.Finding::rule)
        .containsExactly("profile-below-en16931");
  }

  @Test
  void aPdfWithoutInvoiceIsUnusable() throws IOException {
    assertThat(
            validator
                .validate(pdfWith("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)))
                .unusable())
        .isEqualTo(Unusable.PDF_WITHOUT_INVOICE);
    assertThat(validator.validate("%PDF-1.7 garbage".getBytes(StandardCharsets.UTF_8)).unusable())
        .isEqualTo(Unusable.PDF_UNREADABLE);
  }

  @Test
  void severityOverridesOfTheScenarioApply() {
    // Extension: BR-CO-16 is lowered to information, so the test suite's 05.01a is accepted.
    ValidationReport report =
        validator.validate(content("testsuite/business-cases/extension/05.01a-INVOICE_ubl.xml"));
    assertThat(report.valid()).isTrue();
    assertThat(report.findings())
        .anyMatch(f -> f.rule().equals("BR-CO-16") && f.severity() == Severity.INFORMATION);
  }

  private static byte[] content(String file) {
    return MANIFEST.entries().stream()
        .filter(e -> e.file().equals(file))
        .findFirst()
        .orElseThrow()
        .content(MANIFEST.folder());
  }

  /**
   * A one-page PDF with the given file embedded, as ZUGFeRD does it (without the PDF/A metadata).
   */
  static byte[] pdfWith(String name, byte[] attachment) throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      PDEmbeddedFile file =
          new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(attachment));
      file.setSubtype("text/xml");
      file.setSize(attachment.length);
      PDComplexFileSpecification spec = new PDComplexFileSpecification();
      spec.setFile(name);
      spec.setFileUnicode(name);
      spec.setEmbeddedFile(file);
      spec.setEmbeddedFileUnicode(file);
      PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(Map.of(name, spec));
      PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      document.getDocumentCatalog().setNames(names);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
