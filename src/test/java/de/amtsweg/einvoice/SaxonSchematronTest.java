package de.amtsweg.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import de.amtsweg.einvoice.ValidationReport.Finding;
import de.amtsweg.einvoice.ValidationReport.Scenario;
import de.amtsweg.einvoice.ValidationReport.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The Schematron shortcut (Saxon's tree instead of the DOM, ADR 0012) must not change a single
 * finding: for every XML file of the shared test data, phive's own run on the DOM and Amtsweg's run
 * give the same findings: rule ids, severities (after the scenario's overrides), locations, texts,
 * in the same order. One deliberate difference: phive adds Saxon's compiler warnings about its own
 * rule files ("Transformationswarnung") to every CII invoice; they say nothing about the invoice
 * and are left out.
 */
class SaxonSchematronTest {

  private static final String RULE_FILE_WARNING = "Transformationswarnung";

  @Test
  void everySharedFileGetsExactlyPhivesFindings() throws Exception {
    XRechnungManifest manifest = XRechnungManifest.load();
    InvoiceValidator validator = new InvoiceValidator();
    long fallbacksBefore = SaxonSchematron.FALLBACKS.get();
    List<String> differences = new ArrayList<>();
    int compared = 0;
    int findings = 0;
    for (XRechnungManifest.Entry entry : manifest.entries()) {
      byte[] xml = entry.content(manifest.folder());
      ValidationReport report = validator.validate(xml);
      if (!"XML".equals(report.format())
          || report.scenario() == null
          || report.syntax() == null
          || report.scenario() == Scenario.XRECHNUNG_2_OUTDATED) {
        continue;
      }
      IValidationExecutorSet<IValidationSourceXML> rules =
          InvoiceValidator.ruleSet(report.scenario(), report.syntax());
      if (rules == null) {
        continue;
      }
      Document document = SafeXml.parse(xml);
      Map<String, Severity> levels = InvoiceValidator.levels(report.scenario(), report.syntax());
      List<Finding> phive =
          InvoiceValidator.findings(
                  ValidationExecutionManager.executeValidation(
                      IValidityDeterminator.createDefault(),
                      rules,
                      ValidationSourceXML.create("invoice.xml", document),
                      Locale.GERMAN),
                  levels)
              .stream()
              .filter(f -> !f.message().equals(RULE_FILE_WARNING))
              .toList();
      List<Finding> amtsweg =
          InvoiceValidator.findings(InvoiceValidator.execute(rules, document), levels);
      if (!phive.equals(amtsweg)) {
        differences.add(entry.file() + "\n  phive:   " + phive + "\n  Amtsweg: " + amtsweg);
      }
      compared++;
      findings += phive.size();
      if (!SaxonSchematron.FALLBACKS.compareAndSet(fallbacksBefore, fallbacksBefore)) {
        differences.add(entry.file() + ": fell back to the DOM");
      }
    }
    assertThat(differences).isEmpty();
    assertThat(compared).as("files compared").isGreaterThan(500);
    assertThat(findings).as("findings compared").isGreaterThan(1000);
    assertThat(SaxonSchematron.FALLBACKS.get())
        .as("runs that fell back to the DOM")
        .isEqualTo(fallbacksBefore);
  }

  @Test
  void aCiiInvoiceGetsNoWarningAboutTheRuleFiles() {
    XRechnungManifest manifest = XRechnungManifest.load();
    ValidationReport report =
        new InvoiceValidator()
            .validate(
                manifest.entries().stream()
                    .filter(e -> e.file().endsWith("standard/01.01a-INVOICE_uncefact.xml"))
                    .findFirst()
                    .orElseThrow()
                    .content(manifest.folder()));
    assertThat(report.valid()).isTrue();
    assertThat(report.findings()).extracting(Finding::message).doesNotContain(RULE_FILE_WARNING);
    assertThat(report.findings()).extracting(Finding::rule).doesNotContain("XSD");
  }
}
