package de.amtsweg.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Suppliers submit invoices through {@code POST /api/v1/einvoices} with the OAuth client {@code
 * lieferant-demo}.
 */
class EinvoiceApiIT extends AmtswegIT {

  static final XRechnungManifest MANIFEST = XRechnungManifest.load();
  static final String STANDARD = "testsuite/business-cases/standard/01.01a-INVOICE_uncefact.xml";
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everySharedFileGetsTheReferenceVerdictThroughTheApi() {
    String token = supplierToken();
    List<String> disagreements = new ArrayList<>();
    for (XRechnungManifest.Entry entry : MANIFEST.entries()) {
      HttpResponse<String> response =
          post(token, "application/xml", entry.content(MANIFEST.folder()));
      boolean valid =
          response.statusCode() == 201 && json.readTree(response.body()).path("valid").asBoolean();
      if (response.statusCode() != 201
          && response.statusCode() != 400
          && response.statusCode() != 415) {
        disagreements.add(entry.file() + ": HTTP " + response.statusCode());
      } else if (valid != entry.valid()) {
        disagreements.add(
            entry.file() + ": expected " + entry.valid() + ", got " + response.body());
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void aValidInvoiceIsRoutedByItsLeitwegId() {
    HttpResponse<String> response = post(supplierToken(), "application/xml", numbered(STANDARD));
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).startsWith("/api/v1/einvoices/"));
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("valid").asBoolean()).isTrue();
    assertThat(body.path("syntax").asString()).isEqualTo("CII");
    assertThat(body.path("leitwegId").asString()).isEqualTo("04011000-12345-03");
    assertThat(body.path("recipient").path("ars").asString()).isEqualTo("160510000000");
    assertThat(body.path("recipient").path("name").asString()).isEqualTo("Stadt Erfurt");
    assertThat(body.path("status").asString()).isEqualTo("EINGEGANGEN");
    assertThat(body.path("errors")).isEmpty();
  }

  @Test
  void anInvalidInvoiceIsRejectedWithRuleAndGermanExplanation() {
    byte[] xml =
        new String(numbered(STANDARD), StandardCharsets.UTF_8)
            .replace("<ram:BuyerReference>04011000-12345-03</ram:BuyerReference>", "")
            .getBytes(StandardCharsets.UTF_8);
    JsonNode body = json.readTree(post(supplierToken(), "application/xml", xml).body());
    assertThat(body.path("valid").asBoolean()).isFalse();
    assertThat(body.path("status").asString()).isEqualTo("ZURUECKGEWIESEN");
    JsonNode error = body.path("errors").get(0);
    assertThat(error.path("rule").asString()).isEqualTo("BR-DE-15");
    assertThat(error.path("severity").asString()).isEqualTo("ERROR");
    assertThat(error.path("location").asString()).isNotBlank();
    assertThat(error.path("explanation").asString()).contains("Leitweg-ID (BT-10");
    assertThat(error.path("message").asString()).contains("BR-DE-15");
    assertThat(body.path("routingProblem").asString()).contains("keine Leitweg-ID");
  }

  @Test
  void unknownOrWrongLeitwegIdsAreRejectedButKept() {
    for (String[] c :
        new String[][] {
          {"991-33333TEST-33", "bei keiner Behörde"},
          {"04011000-12345-34", "Prüfziffer"},
          {"Rechnungsstelle", "keine Leitweg-ID"}
        }) {
      byte[] xml =
          new String(numbered(STANDARD), StandardCharsets.UTF_8)
              .replace(">04011000-12345-03<", ">" + c[0] + "<")
              .getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> response = post(supplierToken(), "application/xml", xml);
      assertThat(response.statusCode()).isEqualTo(201);
      JsonNode body = json.readTree(response.body());
      assertThat(body.path("recipient").isNull()).as(c[0]).isTrue();
      assertThat(body.path("status").asString()).isEqualTo("ZURUECKGEWIESEN");
      assertThat(body.path("routingProblem").asString()).contains(c[1]);
      // kept: the supplier can look it up again
      assertThat(get(supplierToken(), body.path("id").asString()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theSameInvoiceNumberAgainIsFlaggedAsDuplicate() {
    byte[] xml = numbered(STANDARD);
    JsonNode first = json.readTree(post(supplierToken(), "application/xml", xml).body());
    JsonNode second = json.readTree(post(supplierToken(), "application/xml", xml).body());
    assertThat(first.path("status").asString()).isEqualTo("EINGEGANGEN");
    assertThat(second.path("duplicateOf").asString()).isEqualTo(first.path("id").asString());
    assertThat(second.path("status").asString()).isEqualTo("ZURUECKGEWIESEN");
  }

  @Test
  void multipartAndPdfAreAccepted() throws IOException {
    HttpResponse<String> pdf =
        post(
            supplierToken(),
            "application/pdf",
            InvoiceValidatorTest.pdfWith("factur-x.xml", numbered(STANDARD)));
    assertThat(pdf.statusCode()).isEqualTo(201);
    assertThat(json.readTree(pdf.body()).path("format").asString()).isEqualTo("PDF");
    assertThat(json.readTree(pdf.body()).path("valid").asBoolean()).isTrue();
  }

  @Test
  void attacksAndUnusableInputAreRefusedCleanly() {
    String token = supplierToken();
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
    assertProblem(
        post(token, "application/xml", xxe.getBytes(StandardCharsets.UTF_8)),
        400,
        "einvoice-doctype",
        "root:");
    String lol =
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]><l>&d;&d;&d;</l>";
    assertProblem(
        post(token, "application/xml", lol.getBytes(StandardCharsets.UTF_8)),
        400,
        "einvoice-doctype",
        "aaaaaaaaaaaaaaaaaaaa");
    assertProblem(
        post(token, "application/xml", new byte[21 * 1024 * 1024]),
        413,
        "einvoice-too-large",
        null);
    assertProblem(
        post(token, "application/xml", new byte[] {'B', 'M', 0x36, 0, 0, 0, 0, 0}),
        415,
        "einvoice-not-xml",
        null);
    assertProblem(post(token, "application/xml", new byte[0]), 400, "einvoice-empty", null);
    assertProblem(
        post(token, "application/xml", "<Invoice><ID>1</Invoice>".getBytes(StandardCharsets.UTF_8)),
        400,
        "einvoice-not-well-formed",
        null);
    assertProblem(
        post(token, "application/pdf", "%PDF-1.7 kaputt".getBytes(StandardCharsets.UTF_8)),
        400,
        "einvoice-pdf-unreadable",
        null);
    assertThat(post(token, "text/plain", "hallo".getBytes(StandardCharsets.UTF_8)).statusCode())
        .isEqualTo(415);
  }

  @Test
  void onlyTheSupplierAndTheRecipientsStaffSeeAnInvoice() {
    assertThat(post(null, "application/xml", numbered(STANDARD)).statusCode())
        .as("anonymous")
        .isEqualTo(401);
    String id =
        json.readTree(post(supplierToken(), "application/xml", numbered(STANDARD)).body())
            .path("id")
            .asString();
    assertThat(get(supplierToken(), id).statusCode()).isEqualTo(200);
    Browser erfurt = browser();
    erfurt.signIn("sachbearbeitung-erfurt", DEMO_PASSWORD);
    assertThat(erfurt.get("/api/v1/einvoices/" + id).statusCode()).isEqualTo(200);
    Browser jena = browser();
    jena.signIn("sachbearbeitung-jena", DEMO_PASSWORD);
    assertThat(jena.get("/api/v1/einvoices/" + id).statusCode()).isEqualTo(404);
    String fachverfahren = token("fachverfahren-erfurt", "antraege.lesen");
    assertThat(get(fachverfahren, id).statusCode()).as("no supplier").isEqualTo(404);
    assertThat(post(fachverfahren, "application/xml", numbered(STANDARD)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aSupplierPersonMaySubmitWithAPersonalAccessToken() {
    Browser person = browser();
    person.logIn(EinvoiceInboxIT.SUPPLIER, DEMO_PASSWORD);
    org.jsoup.nodes.Document page = Browser.page(person.get("/konto/sicherheit/zugangsschluessel"));
    String pat =
        Browser.page(
                person.follow(
                    person.submit(
                        "/konto/sicherheit/zugangsschluessel",
                        Browser.csrf(page),
                        java.util.Map.of("name", "Buchhaltung", "days", "30"))))
            .select("#new-token")
            .text();
    assertThat(pat).startsWith("aw_pat_");
    HttpResponse<String> response = post(pat, "application/xml", numbered(STANDARD));
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("recipient").path("name").asString()).isEqualTo("Stadt Erfurt");
    assertThat(get(pat, body.path("id").asString()).statusCode()).isEqualTo(200);
    assertThat(get(supplierToken(), body.path("id").asString()).statusCode())
        .as("same organisation")
        .isEqualTo(200);
  }

  private void assertProblem(
      HttpResponse<String> response, int status, String type, String mustNotContain) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    assertThat(json.readTree(response.body()).path("type").asString())
        .isEqualTo("urn:amtsweg:problem:" + type);
    if (mustNotContain != null) {
      assertThat(response.body()).doesNotContain(mustNotContain);
    }
  }

  /** A copy of a shared file with a fresh invoice number, so that it is no duplicate. */
  static byte[] numbered(String file) {
    byte[] xml =
        MANIFEST.entries().stream()
            .filter(e -> e.file().equals(file))
            .findFirst()
            .orElseThrow()
            .content(MANIFEST.folder());
    String number = new InvoiceValidator().read(xml).invoiceNumber();
    return new String(xml, StandardCharsets.UTF_8)
        .replaceFirst(
            ">" + java.util.regex.Pattern.quote(number) + "<", ">" + "R-" + UUID.randomUUID() + "<")
        .getBytes(StandardCharsets.UTF_8);
  }

  HttpResponse<String> post(String token, String contentType, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/einvoices"))
            .header("Content-Type", contentType)
            .header("Accept-Language", "de")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  HttpResponse<String> get(String token, String id) {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/einvoices/" + id))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  String supplierToken() {
    return token("lieferant-demo", "rechnungen.senden");
  }

  String token(String clientId, String scope) {
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=" + scope))
                .build());
    return json.readTree(response.body()).path("access_token").asString();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
