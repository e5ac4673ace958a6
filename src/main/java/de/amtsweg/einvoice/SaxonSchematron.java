package de.amtsweg.einvoice;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.SingleError;
import com.helger.diagnostics.error.list.ErrorList;
import com.helger.io.resource.IReadableResource;
import com.helger.phive.api.EValidationType;
import com.helger.phive.api.executor.AbstractValidationExecutor;
import com.helger.phive.api.executor.IValidationExecutor;
import com.helger.phive.api.result.ValidationResult;
import com.helger.phive.xml.schematron.CustomErrorDetails;
import com.helger.phive.xml.schematron.ValidationExecutorSchematron;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.schematron.svrl.SVRLHelper;
import com.helger.schematron.svrl.SVRLMarshaller;
import com.helger.schematron.svrl.jaxb.SchematronOutputType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.DOMDestination;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Runs phive's compiled Schematron (XSLT) over Saxon's own tree instead of over the DOM.
 *
 * <p>phive hands Saxon a DOM; Saxon then walks it through wrapper objects, and a Xerces DOM finds
 * the n-th child by counting. The EN 16931 and XRechnung Schematron visit every node many times, so
 * that walk is most of the validation time. Here the invoice is copied once into a Saxon TinyTree,
 * which both Schematron runs share, and the same XSLT files from the phive rule jars are compiled
 * once with one Saxon {@link Processor}. The SVRL result is read with ph-schematron's own classes,
 * exactly as phive reads it, so rule ids, levels, texts and locations stay the same (the test
 * {@code SaxonSchematronTest} compares every shared file with phive's result). Everything else (XML
 * Schema, the order of the layers, stopping after a failed layer) stays phive's (ADR 0012).
 */
final class SaxonSchematron {

  private static final Logger LOG = LoggerFactory.getLogger(SaxonSchematron.class);
  private static final Processor PROCESSOR = new Processor(false);
  private static final Map<String, XsltExecutable> COMPILED = new ConcurrentHashMap<>();
  private static final DocumentBuilderFactory SVRL_DOCUMENTS = svrlDocuments();

  /** How often a run fell back to phive on the DOM (the tests expect none). */
  static final AtomicLong FALLBACKS = new AtomicLong();

  private SaxonSchematron() {}

  /**
   * The invoice for phive: the DOM (for XML Schema and anything else), and once the tree for Saxon.
   */
  static final class Source extends ValidationSourceXML {
    private final Document document;
    private @Nullable XdmNode tree;

    Source(String systemId, Document document) {
      super(systemId, document, false);
      this.document = document;
    }

    synchronized XdmNode tree() throws SaxonApiException {
      if (tree == null) {
        tree = PROCESSOR.newDocumentBuilder().build(new DOMSource(document));
      }
      return tree;
    }
  }

  /**
   * phive's executors of one rule set, with each XSLT Schematron executor replaced by one that runs
   * on the shared tree. Executors with a prerequisite XPath are kept as they are.
   */
  static List<IValidationExecutor<IValidationSourceXML>> executors(
      List<IValidationExecutor<IValidationSourceXML>> phive) {
    return phive.stream().map(SaxonSchematron::replace).toList();
  }

  private static IValidationExecutor<IValidationSourceXML> replace(
      IValidationExecutor<IValidationSourceXML> executor) {
    if (executor instanceof ValidationExecutorSchematron schematron
        && schematron.getValidationArtefact().getValidationType() == EValidationType.SCHEMATRON_XSLT
        && (schematron.getPrerequisiteXPath() == null
            || schematron.getPrerequisiteXPath().isBlank())) {
      Map<String, CustomErrorDetails> details = customErrorDetails(schematron);
      if (details != null) {
        return new Executor(schematron, details);
      }
    }
    return executor;
  }

  /**
   * The rule set's own changes of level and text per rule (phive-rules registers the KoSIT
   * configuration's overrides there). phive has no getter for them, so they are read from its
   * field; if that ever fails (a new phive), the executor stays phive's own: slower, never
   * different.
   */
  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, CustomErrorDetails> customErrorDetails(
      ValidationExecutorSchematron schematron) {
    try {
      Field field = ValidationExecutorSchematron.class.getDeclaredField("m_aCustomErrorDetails");
      field.setAccessible(true);
      Map<String, CustomErrorDetails> details =
          (Map<String, CustomErrorDetails>) field.get(schematron);
      return details == null ? Map.of() : Map.copyOf(details);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "phive's custom error details cannot be read ({}); Schematron runs on the DOM",
          e.getClass().getSimpleName());
      return null;
    }
  }

  /** One compiled Schematron, run on the tree; any other source goes to phive's executor. */
  private static final class Executor
      extends AbstractValidationExecutor<IValidationSourceXML, Executor> {
    private final ValidationExecutorSchematron phive;
    private final Map<String, CustomErrorDetails> details;

    Executor(ValidationExecutorSchematron phive, Map<String, CustomErrorDetails> details) {
      super(phive.getValidationArtefact());
      this.phive = phive;
      this.details = details;
      setStopValidationOnError(phive.isStopValidationOnError());
    }

    @Override
    public ValidationResult applyValidation(IValidationSourceXML source, Locale locale) {
      if (!(source instanceof Source invoice)) {
        return phive.applyValidation(source, locale);
      }
      long start = System.nanoTime();
      ErrorList errors = new ErrorList();
      try {
        Xslt30Transformer transformer =
            compiled(getValidationArtefact().getRuleResource()).load30();
        transformer.setMessageHandler(
            message -> {}); // xsl:message is no finding; phive does not report it either
        Document svrlDocument = newSvrlDocument();
        transformer.setGlobalContextItem(invoice.tree());
        transformer.applyTemplates(invoice.tree(), new DOMDestination(svrlDocument));
        SchematronOutputType svrl = new SVRLMarshaller(false).read(svrlDocument);
        if (svrl == null) {
          throw new IllegalStateException("no SVRL");
        }
        // As phive: failed assertions first, then successful reports.
        SVRLHelper.getAllFailedAssertions(svrl)
            .forEach(f -> errors.add(custom(f.getAsResourceError(source.getSystemID()))));
        SVRLHelper.getAllSuccessfulReports(svrl)
            .forEach(r -> errors.add(custom(r.getAsResourceError(source.getSystemID()))));
      } catch (SaxonApiException | RuntimeException e) {
        // Never a different verdict because of this shortcut: phive runs it the usual way instead.
        LOG.warn(
            "Schematron {} on the Saxon tree failed ({}); running it on the DOM",
            getValidationArtefact().getRuleResourcePath(),
            e.getClass().getSimpleName());
        FALLBACKS.incrementAndGet();
        return phive.applyValidation(source, locale);
      }
      return createValidationResult(errors, (System.nanoTime() - start) / 1_000_000);
    }

    /** The rule set's own level and text for this rule, applied as phive applies them. */
    private IError custom(IError error) {
      CustomErrorDetails custom =
          error.getErrorID() == null ? null : details.get(error.getErrorID());
      if (custom == null) {
        return error;
      }
      return SingleError.builder(error)
          .errorLevel(custom.getErrorLevel())
          .errorText(custom.getWithErrorTextPrefixAndSuffixApplied(error.getErrorText(Locale.ROOT)))
          .build();
    }

    @Override
    public Executor getClone() {
      return new Executor(phive, details);
    }
  }

  private static XsltExecutable compiled(IReadableResource rules) {
    return COMPILED.computeIfAbsent(
        rules.getPath(),
        path -> {
          try (InputStream in = rules.getInputStream()) {
            if (in == null) {
              throw new IllegalStateException("Schematron not found: " + path);
            }
            String systemId = rules.getAsURL() == null ? path : rules.getAsURL().toExternalForm();
            XsltCompiler compiler = PROCESSOR.newXsltCompiler();
            // Saxon's style warnings about the rule files (xsl:value-of in functions) are not ours
            // to fix.
            compiler.setErrorReporter(
                error -> {
                  if (!error.isWarning()) {
                    LOG.warn("Schematron {}: {}", path, error.getMessage());
                  }
                });
            return compiler.compile(new StreamSource(in, systemId));
          } catch (IOException | SaxonApiException e) {
            throw new IllegalStateException("Schematron cannot be compiled: " + path, e);
          }
        });
  }

  private static Document newSvrlDocument() {
    try {
      return SVRL_DOCUMENTS.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DocumentBuilderFactory svrlDocuments() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory;
  }
}
