package de.amtsweg.einvoice;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar amtsweg.jar einvoice validate FILE…}: validates invoice files without web server
 * or database and prints one JSON object per file and line ({@code file}, {@code valid}, {@code
 * syntax}, {@code leitwegId}, {@code errors} with rule ids). Exit code 0 when all files are valid,
 * 1 when one is not, 2 on wrong usage or an unreadable file.
 */
public final class EinvoiceCli {

  private EinvoiceCli() {}

  /** Whether the arguments ask for this command (checked in {@code main} before Spring starts). */
  public static boolean wanted(String[] args) {
    return args.length >= 2 && "einvoice".equals(args[0]) && "validate".equals(args[1]);
  }

  /** Runs the command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    quietLogging();
    if (!wanted(args) || args.length < 3) {
      err.println("Aufruf: java -jar amtsweg.jar einvoice validate DATEI…");
      return 2;
    }
    long maxBytes = Long.getLong("amtsweg.einvoice.max-bytes", InvoiceValidator.DEFAULT_MAX_BYTES);
    InvoiceValidator validator =
        new InvoiceValidator(
            maxBytes, Boolean.getBoolean("amtsweg.einvoice.accept-outdated-xrechnung"));
    JsonMapper json = JsonMapper.builder().build();
    int code = 0;
    for (int i = 2; i < args.length; i++) {
      Path file = Path.of(args[i]);
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("file", args[i]);
      try {
        if (Files.size(file) > maxBytes) {
          line.putAll(
              result(
                  validator.validate(
                      new byte[(int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)])));
        } else {
          line.putAll(result(validator.validate(Files.readAllBytes(file))));
        }
        if (!Boolean.TRUE.equals(line.get("valid"))) {
          code = Math.max(code, 1);
        }
      } catch (IOException e) {
        line.put("valid", false);
        line.put("error", "Datei nicht lesbar: " + e.getMessage());
        code = 2;
      }
      out.println(json.writeValueAsString(line));
    }
    out.flush();
    return code;
  }

  private static Map<String, Object> result(ValidationReport report) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("valid", report.valid());
    m.put("format", report.format());
    m.put("syntax", report.syntax());
    m.put("specification", report.specification());
    String bt10 = report.buyerReference();
    m.put("leitwegId", bt10);
    LeitwegId.Parsed parsed = LeitwegId.parse(bt10);
    m.put(
        "leitwegIdCheck",
        parsed.ok() ? "ok" : String.valueOf(parsed.problem()).toLowerCase(java.util.Locale.ROOT));
    List<Map<String, String>> errors = new ArrayList<>();
    List<Map<String, String>> warnings = new ArrayList<>();
    for (ValidationReport.Finding f : report.findings()) {
      Map<String, String> finding = new LinkedHashMap<>();
      finding.put("rule", f.rule());
      finding.put("severity", f.severity().name());
      finding.put("location", f.location());
      finding.put("message", f.message());
      (f.severity() == ValidationReport.Severity.ERROR ? errors : warnings).add(finding);
    }
    m.put("errors", errors);
    m.put("warnings", warnings);
    return m;
  }

  /** The CLI prints JSON on stdout: library logging must not go there. */
  private static void quietLogging() {
    if (org.slf4j.LoggerFactory.getILoggerFactory()
        instanceof ch.qos.logback.classic.LoggerContext context) {
      context.reset();
      context
          .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
          .setLevel(ch.qos.logback.classic.Level.OFF);
    }
  }
}
