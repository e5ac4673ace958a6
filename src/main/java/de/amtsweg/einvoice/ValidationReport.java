package de.amtsweg.einvoice;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The verdict on one invoice and everything found on the way.
 *
 * @param valid accept (true) or reject (false), as the KoSIT reference would recommend
 * @param unusable set when the input could not be read as an invoice at all (then there are no
 *     business data and one finding says why)
 * @param format {@code XML} or {@code PDF}
 * @param syntax {@code UBL-Invoice}, {@code UBL-CreditNote} or {@code CII}; null when unknown
 * @param specification the CustomizationID / GuidelineID as written in the invoice
 * @param scenario which rules were applied ({@link Scenario}); null when none matched
 * @param data the business terms read for routing and the inbox (null when unusable)
 * @param findings every finding, errors first
 * @param xml the XML that was validated (the embedded one for a PDF); null when unusable
 */
public record ValidationReport(
    boolean valid,
    @Nullable Unusable unusable,
    String format,
    @Nullable String syntax,
    @Nullable String specification,
    @Nullable Scenario scenario,
    @Nullable InvoiceData data,
    List<Finding> findings,
    byte @Nullable [] xml) {

  /** The rule sets the KoSIT configuration for XRechnung 3.0.2 knows, and the policy cases. */
  public enum Scenario {
    XRECHNUNG_3_CIUS,
    XRECHNUNG_3_EXTENSION,
    XRECHNUNG_3_CVD,
    EN16931,
    XRECHNUNG_2_OUTDATED
  }

  /** Why an input is not an invoice one can validate. */
  public enum Unusable {
    EMPTY,
    TOO_LARGE,
    NOT_XML,
    NOT_WELL_FORMED,
    DTD_FORBIDDEN,
    PDF_WITHOUT_INVOICE,
    PDF_UNREADABLE
  }

  /** Severity as in the reference's report. */
  public enum Severity {
    ERROR,
    WARNING,
    INFORMATION
  }

  /**
   * One finding.
   *
   * @param rule the rule id ({@code BR-DE-15}, {@code XSD}, {@code no-scenario}, …)
   * @param severity error, warning or information (after the scenario's overrides)
   * @param location an XPath or line:column in the XML, empty when there is none
   * @param message the technical message of the rule set
   */
  public record Finding(String rule, Severity severity, String location, String message) {}

  /** The errors (the findings that reject the invoice). */
  public List<Finding> errors() {
    return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  /** The Leitweg-ID (BT-10) as written, or null. */
  public @Nullable String buyerReference() {
    return data == null ? null : data.buyerReference();
  }
}
