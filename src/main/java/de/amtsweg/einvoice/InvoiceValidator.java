package de.amtsweg.einvoice;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.level.EErrorLevel;
import com.helger.diagnostics.error.level.IErrorLevel;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executor.IValidationExecutor;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xrechnung.XRechnungValidation;
import de.amtsweg.einvoice.ValidationReport.Finding;
import de.amtsweg.einvoice.ValidationReport.Scenario;
import de.amtsweg.einvoice.ValidationReport.Severity;
import de.amtsweg.einvoice.ValidationReport.Unusable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates an invoice (XML or ZUGFeRD/Factur-X PDF) as the KoSIT validator does with the official
 * XRechnung 3.0.2 configuration: choose the scenario by syntax and CustomizationID, run XML Schema,
 * EN 16931 and XRechnung Schematron (phive, ADR 0012), apply the scenario's severity overrides
 * (customLevel), accept when no finding is an error. Thread-safe; no Spring, no database: the CLI
 * and the benchmark use it as it is.
 */
public final class InvoiceValidator {

  /** Default size limit of one invoice (XML or PDF). */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  static final String CIUS_3 =
      "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
  static final String EXTENSION_3 =
      CIUS_3 + "#conformant#urn:xeinkauf.de:kosit:extension:xrechnung_3.0";
  static final String CVD_3 = CIUS_3 + "#compliant#urn:xeinkauf.de:kosit:xrechnung:cvd_0.9";
  static final String EN16931 = "urn:cen.eu:en16931:2017";

  /** ZUGFeRD 2 / Factur-X profiles EXTENDED (above EN 16931) and below it. */
  static final String FACTURX_EXTENDED = EN16931 + "#conformant#urn:factur-x.eu:1p0:extended";

  static final List<String> BELOW_EN16931 =
      List.of(
          "urn:factur-x.eu:1p0:minimum",
          "urn:factur-x.eu:1p0:basicwl",
          EN16931 + "#compliant#urn:factur-x.eu:1p0:basic",
          "urn:zugferd.de:2p0:minimum",
          "urn:zugferd.de:2p0:basicwl",
          EN16931 + "#compliant#urn:zugferd.de:2p0:basic");

  /**
   * The customLevel overrides of the scenarios of the XRechnung 3.0.2 configuration (phive applies
   * most of them itself; they are repeated here so that the verdict does not depend on that).
   */
  private static final Map<String, Severity> CIUS_LEVELS =
      Map.of(
          "BR-CL-21",
          Severity.WARNING,
          "BR-CL-23",
          Severity.WARNING,
          "UBL-CR-646",
          Severity.ERROR,
          "CII-SR-452",
          Severity.ERROR,
          "CII-SR-453",
          Severity.ERROR,
          "CII-SR-454",
          Severity.ERROR);

  private static final Map<String, Severity> CVD_LEVELS =
      Map.of(
          "BR-CL-21",
          Severity.WARNING,
          "BR-CL-23",
          Severity.WARNING,
          "BR-CL-13",
          Severity.INFORMATION,
          "UBL-CR-646",
          Severity.ERROR,
          "CII-SR-452",
          Severity.ERROR,
          "CII-SR-453",
          Severity.ERROR,
          "CII-SR-454",
          Severity.ERROR);
  private static final Map<String, Severity> EXTENSION_UBL_LEVELS =
      Map.of(
          "BR-CL-21",
          Severity.INFORMATION,
          "BR-CL-23",
          Severity.WARNING,
          "BR-CL-24",
          Severity.WARNING,
          "BR-CL-10",
          Severity.INFORMATION,
          "BR-CL-11",
          Severity.INFORMATION,
          "BR-CL-25",
          Severity.INFORMATION,
          "BR-CL-26",
          Severity.INFORMATION,
          "BR-CO-16",
          Severity.INFORMATION);
  private static final Map<String, Severity> EXTENSION_CII_LEVELS =
      Map.of(
          "BR-CL-21",
          Severity.INFORMATION,
          "BR-CL-23",
          Severity.WARNING,
          "BR-CL-10",
          Severity.INFORMATION,
          "BR-CL-11",
          Severity.INFORMATION,
          "BR-CL-25",
          Severity.INFORMATION,
          "BR-CL-26",
          Severity.INFORMATION,
          "CII-SR-452",
          Severity.ERROR,
          "CII-SR-453",
          Severity.ERROR,
          "CII-SR-454",
          Severity.ERROR);

  private static final ValidationExecutorSetRegistry<IValidationSourceXML> REGISTRY = registry();

  /**
   * Per rule set, phive's executors with Schematron run on Saxon's tree ({@link SaxonSchematron}).
   */
  private static final Map<DVRCoordinate, List<IValidationExecutor<IValidationSourceXML>>>
      EXECUTORS = new ConcurrentHashMap<>();

  private final long maxBytes;
  private final boolean acceptOutdatedXRechnung;

  public InvoiceValidator() {
    this(DEFAULT_MAX_BYTES, false);
  }

  /**
   * @param maxBytes size limit of one input (XML, PDF, and the XML embedded in a PDF)
   * @param acceptOutdatedXRechnung validate XRechnung 2.3 invoices with the 2.3.1 rules instead of
   *     rejecting them (the reference rejects them; default false, see docs/modules/einvoice.md)
   */
  public InvoiceValidator(long maxBytes, boolean acceptOutdatedXRechnung) {
    this.maxBytes = maxBytes;
    this.acceptOutdatedXRechnung = acceptOutdatedXRechnung;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public ValidationReport validate(byte[] content) {
    if (content.length == 0) {
      return unusable(Unusable.EMPTY, "XML", "empty", "The input is empty.");
    }
    if (content.length > maxBytes) {
      return unusable(
          Unusable.TOO_LARGE,
          "XML",
          "too-large",
          "The input has " + content.length + " bytes; the limit is " + maxBytes + ".");
    }
    if (ZugferdPdf.isPdf(content)) {
      return validatePdf(content);
    }
    return validateXml(content, "XML", false);
  }

  private ValidationReport validatePdf(byte[] pdf) {
    byte[] xml;
    try {
      xml = ZugferdPdf.invoiceXml(pdf, maxBytes);
    } catch (IOException | RuntimeException e) {
      return unusable(
          Unusable.PDF_UNREADABLE,
          "PDF",
          "pdf-unreadable",
          "The PDF cannot be read: " + e.getMessage());
    }
    if (xml == null) {
      return unusable(
          Unusable.PDF_WITHOUT_INVOICE,
          "PDF",
          "pdf-without-invoice",
          "The PDF has no embedded invoice XML ("
              + String.join(", ", ZugferdPdf.INVOICE_FILE_NAMES)
              + ").");
    }
    return validateXml(xml, "PDF", true);
  }

  private ValidationReport validateXml(byte[] xml, String format, boolean fromPdf) {
    if (!looksLikeXml(xml)) {
      return unusable(Unusable.NOT_XML, format, "not-XML", "The input is not XML.");
    }
    Document document;
    try {
      document = SafeXml.parse(xml);
    } catch (SafeXml.DoctypeForbidden e) {
      return unusable(
          Unusable.DTD_FORBIDDEN,
          format,
          "xml-doctype",
          "A DOCTYPE (DTD, entity declarations) is not allowed in an invoice.");
    } catch (SAXParseException e) {
      return new ValidationReport(
          false,
          Unusable.NOT_WELL_FORMED,
          format,
          null,
          null,
          null,
          null,
          List.of(
              new Finding(
                  "not-well-formed",
                  Severity.ERROR,
                  e.getLineNumber() + ":" + e.getColumnNumber(),
                  String.valueOf(e.getMessage()))),
          null);
    } catch (SAXException | IOException e) {
      return unusable(
          Unusable.NOT_WELL_FORMED, format, "not-well-formed", String.valueOf(e.getMessage()));
    }
    Element root = document.getDocumentElement();
    String syntax = InvoiceReader.syntax(root);
    if (syntax == null) {
      return rejected(
          format,
          null,
          null,
          null,
          null,
          xml,
          new Finding(
              "no-scenario",
              Severity.ERROR,
              "/",
              "The document is neither a UBL 2.1 Invoice or CreditNote nor a UN/CEFACT CII invoice ("
                  + root.getNamespaceURI()
                  + " "
                  + root.getLocalName()
                  + ")."));
    }
    String spec = InvoiceReader.specification(root, syntax);
    InvoiceData data = InvoiceReader.read(root, syntax);
    if (spec != null && fromPdf && BELOW_EN16931.contains(spec)) {
      return rejected(
          format,
          syntax,
          spec,
          null,
          data,
          xml,
          new Finding(
              "profile-below-en16931",
              Severity.ERROR,
              "/",
              "The ZUGFeRD/Factur-X profile "
                  + spec
                  + " does not carry all EN 16931 business terms; profile EN 16931, EXTENDED or XRechnung is required."));
    }
    if (spec != null && isOutdatedXRechnung(spec)) {
      DVRCoordinate old =
          acceptOutdatedXRechnung && spec.endsWith("xrechnung_2.3") ? outdated(syntax) : null;
      if (old == null) {
        return rejected(
            format,
            syntax,
            spec,
            Scenario.XRECHNUNG_2_OUTDATED,
            data,
            xml,
            new Finding(
                "outdated-version",
                Severity.ERROR,
                "/",
                "XRechnung versions before 3.0 are no longer accepted (" + spec + ")."));
      }
      return run(
          REGISTRY.getOfID(old),
          Map.of(),
          format,
          syntax,
          spec,
          Scenario.XRECHNUNG_2_OUTDATED,
          data,
          document,
          xml);
    }
    Scenario scenario = scenario(syntax, spec, fromPdf);
    DVRCoordinate rules = scenario == null ? null : coordinate(scenario, syntax);
    if (scenario == null || rules == null) {
      return rejected(
          format,
          syntax,
          spec,
          null,
          data,
          xml,
          new Finding(
              "no-scenario",
              Severity.ERROR,
              "/",
              "No validation scenario for specification identifier "
                  + spec
                  + " ("
                  + syntax
                  + ")."));
    }
    return run(
        REGISTRY.getOfID(rules),
        levels(scenario, syntax),
        format,
        syntax,
        spec,
        scenario,
        data,
        document,
        xml);
  }

  private ValidationReport run(
      IValidationExecutorSet<IValidationSourceXML> rules,
      Map<String, Severity> levels,
      String format,
      String syntax,
      @Nullable String spec,
      Scenario scenario,
      InvoiceData data,
      Document document,
      byte[] xml) {
    List<Finding> findings = findings(execute(rules, document), levels);
    if (scenario != Scenario.EN16931 && scenario != Scenario.XRECHNUNG_2_OUTDATED) {
      supplementBrDe25b(document.getDocumentElement(), syntax, findings);
    }
    findings.sort(Comparator.comparing(Finding::severity));
    boolean valid = findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    return new ValidationReport(
        valid, null, format, syntax, spec, scenario, data, List.copyOf(findings), xml);
  }

  /**
   * Runs a rule set: phive's layers, with the Schematron on Saxon's tree ({@link SaxonSchematron}).
   */
  static ValidationResultList execute(
      IValidationExecutorSet<IValidationSourceXML> rules, Document document) {
    SaxonSchematron.Source source = new SaxonSchematron.Source("invoice.xml", document);
    ValidationResultList results = new ValidationResultList(source);
    new ValidationExecutionManager<>(
            IValidityDeterminator.<IValidationSourceXML>createDefault(), executors(rules))
        .executeValidation(source, results, Locale.GERMAN);
    return results;
  }

  /** phive's results as findings, with the scenario's severity overrides applied. */
  static List<Finding> findings(ValidationResultList results, Map<String, Severity> levels) {
    List<Finding> findings = new ArrayList<>();
    for (ValidationResult result : results) {
      if (result.isSkipped()) {
        continue;
      }
      boolean schema =
          result
              .getValidationArtefact()
              .getValidationType()
              .getID()
              .toLowerCase(Locale.ROOT)
              .contains("xsd");
      for (IError error : result.getErrorList()) {
        findings.add(finding(error, schema, levels));
      }
    }
    return findings;
  }

  /**
   * BR-DE-25-b as the XRechnung Schematron 2.5.0 of the 3.0.2 configuration checks it for CII: with
   * payment means 59 (SEPA direct debit) neither BG-17, BG-18 nor a BT-86 (in either CII path) may
   * be given. The 3.0.2 Schematron in phive-rules 4.0.0 predates this and misses BT-86 (ADR 0012).
   */
  private static void supplementBrDe25b(Element root, String syntax, List<Finding> findings) {
    if (!InvoiceReader.CII.equals(syntax)
        || findings.stream().anyMatch(f -> f.rule().equals("BR-DE-25-b"))) {
      return;
    }
    org.w3c.dom.NodeList means =
        root.getElementsByTagNameNS(
            "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
            "SpecifiedTradeSettlementPaymentMeans");
    for (int i = 0; i < means.getLength(); i++) {
      Element m = (Element) means.item(i);
      if ("59".equals(InvoiceReader.text(m, "TypeCode"))
          && (m.getElementsByTagNameNS("*", "PayeeSpecifiedCreditorFinancialInstitution")
                      .getLength()
                  > 0
              || m.getElementsByTagNameNS("*", "PayerSpecifiedDebtorFinancialInstitution")
                      .getLength()
                  > 0)) {
        findings.add(
            new Finding(
                "BR-DE-25-b",
                Severity.ERROR,
                "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
                    + "/ram:SpecifiedTradeSettlementPaymentMeans["
                    + (i + 1)
                    + "]",
                "[BR-DE-25-b] Wenn BT-81 \"Payment means type code\" einen Schlüssel für Lastschriften enthält (59), "
                    + "dürfen BG-17 und BG-18 nicht übermittelt werden."));
        return;
      }
    }
  }

  private static Finding finding(IError error, boolean schema, Map<String, Severity> levels) {
    String id = error.getErrorID();
    String rule = schema || id == null || id.isBlank() ? "XSD" : id;
    Severity severity = levels.getOrDefault(rule, severity(error.getErrorLevel()));
    String location = error.getErrorFieldName();
    if ((location == null || location.isBlank()) && error.hasErrorLocation()) {
      var at = error.getErrorLocation();
      location = at.getLineNumber() > 0 ? at.getLineNumber() + ":" + at.getColumnNumber() : "";
    }
    String text = error.getErrorText(Locale.GERMAN);
    return new Finding(
        rule, severity, location == null ? "" : location, text == null ? "" : text.strip());
  }

  private static Severity severity(IErrorLevel level) {
    if (level.isGE(EErrorLevel.ERROR)) {
      return Severity.ERROR;
    }
    return level.isGE(EErrorLevel.WARN) ? Severity.WARNING : Severity.INFORMATION;
  }

  private static @Nullable Scenario scenario(
      String syntax, @Nullable String spec, boolean fromPdf) {
    if (spec == null) {
      return null;
    }
    return switch (spec) {
      case CIUS_3 -> Scenario.XRECHNUNG_3_CIUS;
      case EXTENSION_3 ->
          InvoiceReader.UBL_CREDIT_NOTE.equals(syntax) ? null : Scenario.XRECHNUNG_3_EXTENSION;
      case CVD_3 -> Scenario.XRECHNUNG_3_CVD;
      case EN16931 -> Scenario.EN16931;
      // ZUGFeRD/Factur-X EXTENDED carries EN 16931 plus more: checked against EN 16931.
      case FACTURX_EXTENDED ->
          fromPdf && InvoiceReader.CII.equals(syntax) ? Scenario.EN16931 : null;
      default -> null;
    };
  }

  private static @Nullable DVRCoordinate coordinate(Scenario scenario, String syntax) {
    return switch (scenario) {
      case XRECHNUNG_3_CIUS, XRECHNUNG_3_CVD ->
          switch (syntax) {
            case InvoiceReader.UBL_INVOICE -> XRechnungValidation.VID_XRECHNUNG_UBL_INVOICE_302;
            case InvoiceReader.UBL_CREDIT_NOTE ->
                XRechnungValidation.VID_XRECHNUNG_UBL_CREDITNOTE_302;
            default -> XRechnungValidation.VID_XRECHNUNG_CII_302;
          };
      case XRECHNUNG_3_EXTENSION ->
          switch (syntax) {
            case InvoiceReader.UBL_INVOICE ->
                XRechnungValidation.VID_XRECHNUNG_EXTENSION_UBL_INVOICE_302;
            case InvoiceReader.CII -> XRechnungValidation.VID_XRECHNUNG_EXTENSION_CII_302;
            default -> null;
          };
      case EN16931 ->
          switch (syntax) {
            case InvoiceReader.UBL_INVOICE -> EN16931Validation.VID_UBL_INVOICE_1314_2;
            case InvoiceReader.UBL_CREDIT_NOTE -> EN16931Validation.VID_UBL_CREDIT_NOTE_1314_2;
            default -> EN16931Validation.VID_CII_1314_2;
          };
      case XRECHNUNG_2_OUTDATED -> null;
    };
  }

  static Map<String, Severity> levels(Scenario scenario, String syntax) {
    return switch (scenario) {
      case XRECHNUNG_3_CIUS -> CIUS_LEVELS;
      case XRECHNUNG_3_CVD -> CVD_LEVELS;
      case XRECHNUNG_3_EXTENSION ->
          InvoiceReader.CII.equals(syntax) ? EXTENSION_CII_LEVELS : EXTENSION_UBL_LEVELS;
      default -> Map.of();
    };
  }

  private static @Nullable DVRCoordinate outdated(String syntax) {
    return switch (syntax) {
      case InvoiceReader.UBL_INVOICE -> XRechnungValidation.VID_XRECHNUNG_UBL_INVOICE_231;
      case InvoiceReader.UBL_CREDIT_NOTE -> XRechnungValidation.VID_XRECHNUNG_UBL_CREDITNOTE_231;
      default -> XRechnungValidation.VID_XRECHNUNG_CII_231;
    };
  }

  static boolean isOutdatedXRechnung(String spec) {
    return spec.contains("kosit:standard:xrechnung_")
        || spec.contains("xrechnung_1.")
        || spec.contains("xrechnung_2.");
  }

  /** The business terms of an invoice XML that was stored after validation; null if unreadable. */
  public @Nullable InvoiceData read(byte[] xml) {
    try {
      Element root = SafeXml.parse(xml).getDocumentElement();
      String syntax = InvoiceReader.syntax(root);
      return syntax == null ? null : InvoiceReader.read(root, syntax);
    } catch (SafeXml.DoctypeForbidden | SAXException | IOException e) {
      return null;
    }
  }

  /** XML begins, after an optional BOM and whitespace, with '<'. */
  private static boolean looksLikeXml(byte[] content) {
    int i = 0;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xef
        && (content[1] & 0xff) == 0xbb
        && (content[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < content.length
        && (content[i] == ' ' || content[i] == '\n' || content[i] == '\r' || content[i] == '\t')) {
      i++;
    }
    return i < content.length && content[i] == '<';
  }

  private static ValidationReport unusable(
      Unusable why, String format, String rule, String message) {
    return new ValidationReport(
        false,
        why,
        format,
        null,
        null,
        null,
        null,
        List.of(new Finding(rule, Severity.ERROR, "", message)),
        null);
  }

  private static ValidationReport rejected(
      String format,
      @Nullable String syntax,
      @Nullable String spec,
      @Nullable Scenario scenario,
      @Nullable InvoiceData data,
      byte[] xml,
      Finding finding) {
    return new ValidationReport(
        false, null, format, syntax, spec, scenario, data, List.of(finding), xml);
  }

  /** The rule set a scenario runs for a syntax; null where there is none. */
  static @Nullable IValidationExecutorSet<IValidationSourceXML> ruleSet(
      Scenario scenario, String syntax) {
    DVRCoordinate rules = coordinate(scenario, syntax);
    return rules == null ? null : REGISTRY.getOfID(rules);
  }

  private static List<IValidationExecutor<IValidationSourceXML>> executors(
      IValidationExecutorSet<IValidationSourceXML> rules) {
    return EXECUTORS.computeIfAbsent(
        rules.getID(), id -> SaxonSchematron.executors(rules.getAllExecutors()));
  }

  private static ValidationExecutorSetRegistry<IValidationSourceXML> registry() {
    ValidationExecutorSetRegistry<IValidationSourceXML> registry =
        new ValidationExecutorSetRegistry<>();
    EN16931Validation.initEN16931(registry);
    XRechnungValidation.initXRechnung(registry);
    return registry;
  }
}
