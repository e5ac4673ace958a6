package de.amtsweg.einvoice;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands an invoice to the finance system along the tenant's route ({@link ExportRoutes}).
 *
 * <ul>
 *   <li><b>File drop:</b> {@code <id>.json} (metadata) and then {@code <id>.xml} (the invoice XML)
 *       in the route's folder, each written to a temporary file in the same folder and moved into
 *       place atomically, so the finance system never reads half a file; the XML comes last, so its
 *       metadata is there when it appears.
 *   <li><b>Webhook:</b> {@code POST} of the XML with {@code X-Amtsweg-Timestamp} (Unix seconds),
 *       {@code X-Amtsweg-Signature: sha256=<hex HMAC-SHA256 over "<timestamp>.<body>">} with the
 *       route's key, and {@code Idempotency-Key: <invoice id>} (the same on every retry). Any 2xx
 *       answer counts as delivered; no redirect is followed, no answer body is read.
 * </ul>
 */
@Component
class InvoiceExport {

  static final String SIGNATURE = "X-Amtsweg-Signature";
  static final String TIMESTAMP = "X-Amtsweg-Timestamp";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /**
   * The export did not happen; the message is technical and goes to the inbox (no invoice data).
   */
  static final class ExportFailed extends Exception {
    ExportFailed(String message) {
      super(message);
    }
  }

  private final ExportRoutes routes;
  private final Duration timeout;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();

  InvoiceExport(ExportRoutes routes, EinvoiceProperties properties) {
    this.routes = routes;
    this.timeout = properties.webhookTimeout();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * Exports the invoice.
   *
   * @throws ExportFailed when it did not arrive
   * @throws EinvoiceException {@code einvoice-export-unconfigured} when the tenant has no route
   */
  void export(Einvoices.Invoice invoice, byte[] xml) throws ExportFailed {
    String tenant = invoice.recipient() == null ? "" : invoice.recipient().slug();
    ExportRoutes.Target target;
    try {
      target =
          routes
              .target(tenant)
              .orElseThrow(
                  () ->
                      new EinvoiceException(
                          org.springframework.http.HttpStatus.CONFLICT,
                          "einvoice-export-unconfigured"));
    } catch (IllegalStateException unreadableKey) {
      // The sealed webhook key does not open (amtsweg.account.secret-key changed): admins must
      // generate a new one.
      throw new ExportFailed("Webhook: Schlüssel nicht lesbar, bitte neu erzeugen");
    }
    if (target.kind() == ExportRoutes.Kind.WEBHOOK) {
      post(target, invoice, xml);
    } else {
      drop(java.util.Objects.requireNonNull(target.folder()), invoice, xml);
    }
  }

  private void drop(Path folder, Einvoices.Invoice invoice, byte[] xml) throws ExportFailed {
    try {
      Files.createDirectories(folder);
      writeAtomically(folder, invoice.id() + ".json", json.writeValueAsBytes(metadata(invoice)));
      writeAtomically(folder, invoice.id() + ".xml", xml);
    } catch (IOException | RuntimeException e) {
      throw new ExportFailed("Datei: " + e.getClass().getSimpleName());
    }
  }

  private static void writeAtomically(Path folder, String name, byte[] content) throws IOException {
    Path temporary = Files.createTempFile(folder, ".amtsweg-", ".part");
    try {
      Files.write(temporary, content);
      Files.move(
          temporary,
          folder.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private void post(ExportRoutes.Target target, Einvoices.Invoice invoice, byte[] xml)
      throws ExportFailed {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(target.url())
            .timeout(timeout)
            .header("Content-Type", "application/xml")
            .header(TIMESTAMP, timestamp)
            .header(
                SIGNATURE,
                "sha256=" + sign(java.util.Objects.requireNonNull(target.key()), timestamp, xml))
            .header(IDEMPOTENCY_KEY, invoice.id().toString())
            .POST(HttpRequest.BodyPublishers.ofByteArray(xml))
            .build();
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new ExportFailed("Webhook: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExportFailed("Webhook: interrupted");
    }
    if (response.statusCode() / 100 != 2) {
      throw new ExportFailed("Webhook: HTTP " + response.statusCode());
    }
  }

  /** Hex HMAC-SHA256 over {@code "<timestamp>.<body>"}. */
  static String sign(String key, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> metadata(Einvoices.Invoice invoice) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", invoice.id().toString());
    m.put("receivedAt", invoice.receivedAt().toString());
    m.put("recipientArs", invoice.recipient() == null ? null : invoice.recipient().ars());
    m.put("leitwegId", invoice.leitwegId());
    m.put("format", invoice.format());
    m.put("syntax", invoice.syntax());
    m.put("specification", invoice.specification());
    m.put("invoiceNumber", invoice.invoiceNumber());
    m.put("issueDate", invoice.issueDate() == null ? null : invoice.issueDate().toString());
    m.put("dueDate", invoice.dueDate() == null ? null : invoice.dueDate().toString());
    m.put("currency", invoice.currency());
    m.put(
        "payableAmount",
        invoice.payableAmount() == null ? null : invoice.payableAmount().toPlainString());
    m.put("sellerName", invoice.sellerName());
    m.put("xmlFile", invoice.id() + ".xml");
    return m;
  }
}
