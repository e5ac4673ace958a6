package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.TokenEndpoint;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An installation with settings of its own: a reverse proxy that is not this machine, locks of
 * eight seconds (so that a test can see one pass), and smaller uploads (1 MB for Anträge). The
 * tests share one application context, as each further context starts an embedded PostgreSQL of its
 * own.
 */
@TestPropertySource(
    properties = {
      "amtsweg.web.trusted-proxies=192.0.2.10",
      "amtsweg.account.login.lockout=8s",
      "spring.servlet.multipart.max-file-size=3MB",
      "spring.servlet.multipart.max-request-size=4MB",
      "amtsweg.einvoice.max-size=2MB",
      "amtsweg.applications.max-upload-bytes=1048576"
    })
class InstallationSettingsIT extends AmtswegIT {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aForwardedAddressFromAPeerThatIsNoTrustedProxyIsNotBelieved() throws InterruptedException {
    // The test client is 127.0.0.1, which this installation does not trust as its proxy.
    Browser bot = browser().from("10.8.8.8");
    String last = "";
    for (int attempt = 1; attempt <= 20; attempt++) {
      last = location(bot.signIn("niemand-" + attempt, "falsch"));
    }

    assertThat(last).as("20 failures lock the real address").contains("/anmelden?gesperrt");
    assertThat(location(browser().from("10.8.8.9").signIn("verwaltung-erfurt", DEMO_PASSWORD)))
        .as("another X-Forwarded-For is still the same client")
        .contains("/anmelden?gesperrt");
    Thread.sleep(Duration.ofSeconds(9));
    assertThat(location(browser().from("10.8.8.9").signIn("verwaltung-erfurt", DEMO_PASSWORD)))
        .as("once the lock has passed")
        .endsWith("/verwaltung");
  }

  @Test
  void guessingAClientSecretIsRefusedUntilTheLockPasses() throws InterruptedException {
    TokenEndpoint endpoint = new TokenEndpoint(port);
    List<Integer> statuses = new ArrayList<>();
    for (int attempt = 1; attempt <= 30; attempt++) {
      statuses.add(
          endpoint.token("fachverfahren-jena", "falsch-" + attempt, "antraege.lesen").statusCode());
    }

    assertThat(statuses.subList(0, 4)).containsOnly(401);
    assertThat(statuses.subList(4, 30))
        .as("the fifth failure locks the client id at this address")
        .containsOnly(429);
    HttpResponse<String> right =
        endpoint.token("fachverfahren-jena", DEMO_PASSWORD, "antraege.lesen");
    assertThat(right.statusCode()).as("even the right secret waits").isEqualTo(429);
    assertThat(right.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(json.readTree(right.body()).path("error").asString())
        .isEqualTo("temporarily_unavailable");
    long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 8L);

    Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(500));
    assertThat(endpoint.token("fachverfahren-jena", DEMO_PASSWORD, "antraege.lesen").statusCode())
        .as("after the lock")
        .isEqualTo(200);
  }

  @Test
  void messagesStateTheConfiguredUploadLimits() {
    String token =
        new TokenEndpoint(port).accessToken("lieferant-demo", DEMO_PASSWORD, "rechnungen.senden");

    HttpResponse<String> overBody = uploadInvoice(token, 3 * 1024 * 1024 + 1);
    assertThat(overBody.statusCode()).isEqualTo(413);
    JsonNode problem = json.readTree(overBody.body());
    assertThat(problem.path("type").asString()).isEqualTo("urn:amtsweg:problem:payload-too-large");
    assertThat(problem.path("detail").asString())
        .as("the API's body limit: the largest invoice and 1 MB for the form around it")
        .contains("höchstens 3 MB");

    HttpResponse<String> overInvoice = uploadInvoice(token, 2 * 1024 * 1024 + 1);
    assertThat(overInvoice.statusCode()).isEqualTo(413);
    assertThat(json.readTree(overInvoice.body()).path("detail").asString())
        .isEqualTo("Die Rechnung ist zu groß: erlaubt sind höchstens 2 MB.");

    Browser supplier = browser();
    supplier.logIn("rechnungen@lieferdienst-thueringen.example", DEMO_PASSWORD);
    org.jsoup.nodes.Document form = Browser.page(supplier.get("/konto/e-rechnungen"));
    assertThat(form.select("#file-hint").text()).endsWith("höchstens 2 MB.");

    HttpResponse<String> overMultipart =
        supplier.upload(
            "/konto/e-rechnungen",
            Browser.csrf(form),
            "file",
            "rechnung.xml",
            "application/xml",
            new byte[3 * 1024 * 1024 + 1]);
    assertThat(overMultipart.statusCode()).isEqualTo(413);
    assertThat(Browser.page(overMultipart).text())
        .as("the multipart limits in the page")
        .contains("höchstens 3 MB", "zusammen höchstens 4 MB")
        .doesNotContain("1 MB", "20 MB");
  }

  @Test
  void aFileOverTheInstallationsUploadLimitIsRefusedNamingTheLimit() {
    tools.jackson.databind.node.ObjectNode body =
        (tools.jackson.databind.node.ObjectNode)
            json.readTree(browser().get("/api/v1/apps/hundesteuer/example").body());
    tools.jackson.databind.node.ObjectNode answers =
        (tools.jackson.databind.node.ObjectNode) body.get("answers");
    answers.put("befreiungBeantragt", true);
    answers.put("befreiungsgrund", "tierheim");
    // The app takes 5 MB per proof; this installation takes 1 MB per file.
    byte[] pdf = new byte[1_500_000];
    byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(header, 0, pdf, 0, header.length);
    answers
        .putArray("nachweis")
        .addObject()
        .put("name", "nachweis.pdf")
        .put("content", java.util.Base64.getEncoder().encodeToString(pdf));

    HttpResponse<String> response =
        browser()
            .postJson(
                "/api/v1/tenants/160510000000/apps/hundesteuer/antraege",
                json.writeValueAsString(body));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.body()).contains("nachweis.pdf", "bis 1 MB");
  }

  private HttpResponse<String> uploadInvoice(String token, int size) {
    String boundary = "----amtsweg-limits";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rechnung.xml\""
                + "\r\nContent-Type: application/xml\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(new byte[size]);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/einvoices"))
                  .header("Authorization", "Bearer " + token)
                  .header("Accept-Language", "de")
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElse("(status " + response.statusCode() + ")");
  }
}
