package de.amtsweg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.TokenEndpoint;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Fachverfahren of Stadt Erfurt pulls Hundesteuer-Anträge over real HTTP as FIT-Connect clients
 * do: list, fetch with data, files and receipt, acknowledge, report a status and a Bescheid; the
 * applicant sees each step on the timeline and the Bescheid in the Postfach. Jena's system sees
 * none of it.
 */
class DeliveryApiIT extends AmtswegIT {

  static final String ERFURT = "160510000000";
  static final String GOTHA = "160670029029";
  static final String API = "/api/v1/delivery/submissions";
  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired AntragManagement antraege;
  @Autowired Deliveries deliveries;
  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder passwords;
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void erfurtsFachverfahrenFetchesAcknowledgesAndSendsABescheidThatReachesTheApplicant() {
    Browser applicant = citizen();
    String reference = submit(applicant, ERFURT, true).path("reference").asString();
    String erfurt = "Bearer " + token("fachverfahren-erfurt", "antraege.lesen");

    JsonNode list =
        json.readTree(browser().get(API + "?limit=500", "Authorization", erfurt).body());
    JsonNode listed = find(list.path("submissions"), reference);
    assertThat(listed.path("app").asString()).isEqualTo("hundesteuer");
    assertThat(listed.path("state").asString()).isEqualTo("QUEUED");
    assertThat(list.path("totalCount").asLong()).isGreaterThanOrEqualTo(1);
    String id = listed.path("id").asString();

    HttpResponse<String> fetched = browser().get(API + "/" + id, "Authorization", erfurt);
    assertThat(fetched.statusCode()).isEqualTo(200);
    JsonNode submission = json.readTree(fetched.body());
    assertThat(submission.path("reference").asString()).isEqualTo(reference);
    assertThat(submission.path("state").asString()).isEqualTo("DELIVERED");
    assertThat(submission.path("data").path("json").path("vorname").asString()).isEqualTo("Erika");
    assertThat(submission.path("data").path("json").path("hunde").get(0).path("name").asString())
        .isEqualTo("Bello");
    assertThat(submission.path("data").path("xml").asString())
        .contains("urn:amtsweg:antrag:1", "Bello");
    String key = submission.path("idempotencyKey").asString();
    assertThat(fetched.headers().firstValue("Idempotency-Key")).hasValue(key);

    JsonNode file = submission.path("attachments").get(0);
    assertThat(file.path("name").asString()).isEqualTo("nachweis.pdf");
    HttpResponse<byte[]> download =
        browser().download(file.path("href").asString(), "Authorization", erfurt);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "nachweis.pdf");
    HttpResponse<byte[]> receipt =
        browser().download(submission.path("receipt").asString(), "Authorization", erfurt);
    assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(receipt.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

    // A second fetch (the Fachverfahren crashed before saving) carries the same idempotency key.
    JsonNode again = json.readTree(browser().get(API + "/" + id, "Authorization", erfurt).body());
    assertThat(again.path("idempotencyKey").asString()).isEqualTo(key);
    assertThat(again.path("attempts").asInt()).isEqualTo(2);

    JsonNode ack = json.readTree(post(API + "/" + id + "/acknowledgement", "{}", erfurt).body());
    assertThat(ack.path("state").asString()).isEqualTo("ACKNOWLEDGED");
    HttpResponse<String> ackAgain = post(API + "/" + id + "/acknowledgement", "{}", erfurt);
    assertThat(ackAgain.statusCode()).as("acknowledging twice is harmless").isEqualTo(200);
    assertThat(json.readTree(ackAgain.body()).path("acknowledgedAt").asString())
        .isEqualTo(ack.path("acknowledgedAt").asString());
    assertThat(browser().get(API + "?limit=500", "Authorization", erfurt).body())
        .doesNotContain(reference);

    HttpResponse<String> processing =
        post(API + "/" + id + "/status", "{\"status\":\"IN_BEARBEITUNG\"}", erfurt);
    assertThat(processing.statusCode()).isEqualTo(200);
    assertThat(json.readTree(processing.body()).path("postfach").asBoolean()).isTrue();
    String bescheid =
        "{\"status\":\"BESCHIEDEN\",\"message\":\"Ihr Hund Bello ist angemeldet. Der Bescheid ist angehängt.\","
            + "\"bescheid\":{\"fileName\":\"Hundesteuerbescheid.pdf\",\"content\":\""
            + Base64.getEncoder().encodeToString(PDF)
            + "\"}}";
    HttpResponse<String> decided = post(API + "/" + id + "/status", bescheid, erfurt);
    assertThat(decided.statusCode()).isEqualTo(200);
    assertThat(json.readTree(decided.body()).path("status").asString()).isEqualTo("BESCHIEDEN");
    HttpResponse<String> backwards =
        post(API + "/" + id + "/status", "{\"status\":\"IN_BEARBEITUNG\"}", erfurt);
    assertThat(backwards.statusCode()).isEqualTo(409);
    assertThat(json.readTree(backwards.body()).path("type").asString())
        .isEqualTo("urn:amtsweg:problem:antrag-status-transition");
    assertThat(json.readTree(backwards.body()).path("detail").asString())
        .contains("BESCHIEDEN", "IN_BEARBEITUNG");

    // The applicant: every step once on the timeline, the Bescheid in the Postfach.
    JsonNode status = json.readTree(applicant.get("/api/v1/antraege/" + reference).body());
    assertThat(status.path("status").asString()).isEqualTo("BESCHIEDEN");
    assertThat(texts(status.path("timeline")))
        .containsExactly(
            "Antrag eingegangen",
            "An die Behörde übermittelt",
            "Bei der Behörde eingegangen",
            "Die Behörde bearbeitet Ihren Antrag",
            "Die Behörde hat entschieden (Bescheid)");
    JsonNode postfach =
        json.readTree(applicant.get("/api/v1/me/postfach?q=" + reference + "&size=100").body())
            .path("messages");
    JsonNode message = null;
    for (JsonNode m : postfach) {
      if (m.path("kind").asString().equals("BESCHEID")) {
        message = m;
      }
    }
    assertThat(message).as("Bescheid in the Postfach").isNotNull();
    assertThat(message.path("subject").asString()).isEqualTo(reference + ": Beschieden");
    assertThat(message.path("body").asString()).contains("Bello ist angemeldet");
    assertThat(message.path("senderName").asString()).isEqualTo("Stadt Erfurt");
    assertThat(message.path("attachments").get(0).path("fileName").asString())
        .isEqualTo("Hundesteuerbescheid.pdf");
    assertThat(
            applicant.download(message.path("attachments").get(0).path("href").asString()).body())
        .isEqualTo(PDF);
  }

  @Test
  void jenasFachverfahrenCannotSeeOrTouchErfurtsSubmissions() {
    String reference = submit(browser(), ERFURT, false).path("reference").asString();
    String erfurt = "Bearer " + token("fachverfahren-erfurt", "antraege.lesen");
    String jena = "Bearer " + token("fachverfahren-jena", "antraege.lesen");
    String id =
        find(
                json.readTree(browser().get(API + "?limit=500", "Authorization", erfurt).body())
                    .path("submissions"),
                reference)
            .path("id")
            .asString();

    assertThat(browser().get(API + "?limit=500", "Authorization", jena).body())
        .doesNotContain(reference, id);
    HttpResponse<String> foreign = browser().get(API + "/" + id, "Authorization", jena);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(json.readTree(foreign.body()).path("type").asString())
        .isEqualTo("urn:amtsweg:problem:delivery-not-found");
    assertThat(browser().download(API + "/" + id + "/receipt", "Authorization", jena).statusCode())
        .isEqualTo(404);
    assertThat(post(API + "/" + id + "/acknowledgement", "{}", jena).statusCode()).isEqualTo(404);
    assertThat(
            post(API + "/" + id + "/status", "{\"status\":\"ABGESCHLOSSEN\"}", jena).statusCode())
        .isEqualTo(404);

    // Jena's attempts changed nothing: still queued for Erfurt.
    JsonNode mine = json.readTree(browser().get(API + "/" + id, "Authorization", erfurt).body());
    assertThat(mine.path("attempts").asInt()).isEqualTo(1);
    assertThat(mine.path("status").asString()).isEqualTo("EINGEGANGEN");
  }

  @Test
  void onlyTenantClientsWithTheScopeGetIn() {
    assertThat(browser().get(API).statusCode()).isEqualTo(401);
    HttpResponse<String> otherScope =
        browser()
            .get(
                API, "Authorization", "Bearer " + token("fachverfahren-erfurt", "postfach.senden"));
    assertThat(otherScope.statusCode()).isEqualTo(403);
    assertThat(json.readTree(otherScope.body()).path("type").asString())
        .isEqualTo("urn:amtsweg:problem:delivery-scope-missing");
    assertThat(
            browser()
                .get(API, "Authorization", "Bearer " + token("lieferant-demo", "rechnungen.senden"))
                .statusCode())
        .as("a supplier's ERP system")
        .isEqualTo(403);
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-erfurt", DEMO_PASSWORD);
    assertThat(caseworker.get(API).statusCode())
        .as("staff use the case inbox, not the machine API")
        .isEqualTo(403);
    String erfurt = "Bearer " + token("fachverfahren-erfurt", "antraege.lesen");
    HttpResponse<String> limit = browser().get(API + "?limit=0", "Authorization", erfurt);
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(json.readTree(limit.body()).path("detail").asString()).contains("limit");
    assertThat(browser().get(API + "/keine-uuid", "Authorization", erfurt).statusCode())
        .isEqualTo(400);
  }

  @Test
  void theFachverfahrenMustFetchBeforeAcknowledgingAndReportValidStatuses() {
    JsonNode submitted = submit(browser(), ERFURT, false);
    String reference = submitted.path("reference").asString();
    String erfurt = "Bearer " + token("fachverfahren-erfurt", "antraege.lesen");
    String id =
        find(
                json.readTree(browser().get(API + "?limit=500", "Authorization", erfurt).body())
                    .path("submissions"),
                reference)
            .path("id")
            .asString();

    assertThat(problem(post(API + "/" + id + "/acknowledgement", "{}", erfurt), 409))
        .isEqualTo("delivery-not-fetched");
    browser().get(API + "/" + id, "Authorization", erfurt);
    assertThat(
            problem(
                post(API + "/" + id + "/status", "{\"status\":\"IN_BEARBEITUNG\"}", erfurt), 409))
        .isEqualTo("delivery-not-acknowledged");
    post(API + "/" + id + "/acknowledgement", "{}", erfurt);

    assertThat(problem(post(API + "/" + id + "/status", "{\"status\":\"ERLEDIGT\"}", erfurt), 422))
        .isEqualTo("delivery-status-unknown");
    assertThat(
            problem(
                post(
                    API + "/" + id + "/status",
                    "{\"status\":\"BESCHIEDEN\",\"bescheid\":{\"content\":\""
                        + Base64.getEncoder()
                            .encodeToString(
                                "<html>kein PDF</html>".getBytes(StandardCharsets.UTF_8))
                        + "\"}}",
                    erfurt),
                422))
        .isEqualTo("delivery-bescheid-invalid");
    assertThat(
            problem(
                post(
                    API + "/" + id + "/status",
                    "{\"status\":\"BESCHIEDEN\",\"bescheid\":{\"content\":\"%%%\"}}",
                    erfurt),
                422))
        .isEqualTo("delivery-bescheid-invalid");
    assertThat(
            problem(
                post(
                    API + "/" + id + "/status",
                    "{\"status\":\"RUECKFRAGE\",\"message\":\"" + "x".repeat(10_001) + "\"}",
                    erfurt),
                422))
        .isEqualTo("delivery-message-too-long");
    assertThat(
            problem(post(API + "/" + id + "/status", "{\"status\":\"EINGEGANGEN\"}", erfurt), 409))
        .isEqualTo("antrag-status-transition");

    HttpResponse<String> closed =
        post(API + "/" + id + "/status", "{\"status\":\"ABGESCHLOSSEN\"}", erfurt);
    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(json.readTree(closed.body()).path("postfach").asBoolean())
        .as("an applicant without account")
        .isFalse();
    // The applicant without an account sees it with the link of their receipt.
    String token = submitted.path("receipt").asString().replaceAll(".*token=", "");
    JsonNode status =
        json.readTree(browser().get("/api/v1/antraege/" + reference + "?token=" + token).body());
    assertThat(status.path("status").asString()).isEqualTo("ABGESCHLOSSEN");
    assertThat(texts(status.path("timeline")))
        .endsWith("Bei der Behörde eingegangen", "Abgeschlossen");
  }

  @Test
  void theDeliveryIsWrittenWithTheSubmissionOnTheTenantsRoute() {
    String pulled = submit(browser(), ERFURT, false).path("reference").asString();
    String inbox = submit(browser(), GOTHA, false).path("reference").asString();

    Delivery erfurt =
        deliveries
            .ofDocument(DocumentType.ANTRAG, antraege.find(pulled).orElseThrow().id())
            .orElseThrow();
    assertThat(erfurt.channel()).isEqualTo(DeliveryChannel.PULL_API);
    assertThat(erfurt.state()).isEqualTo(DeliveryState.QUEUED);
    assertThat(erfurt.attempts()).isZero();
    Delivery gotha =
        deliveries
            .ofDocument(DocumentType.ANTRAG, antraege.find(inbox).orElseThrow().id())
            .orElseThrow();
    assertThat(gotha.channel())
        .as("no Fachverfahren: the case inbox")
        .isEqualTo(DeliveryChannel.CASE_INBOX);
    assertThat(gotha.state())
        .as("the case inbox is part of Amtsweg: delivered at once")
        .isEqualTo(DeliveryState.DELIVERED);
    assertThat(gotha.idempotencyKey()).isNotEqualTo(erfurt.idempotencyKey());
    assertThat(
            browser()
                .get(
                    API + "?limit=500",
                    "Authorization",
                    "Bearer " + token("fachverfahren-erfurt", "antraege.lesen"))
                .body())
        .contains(pulled)
        .doesNotContain(inbox);
  }

  @Test
  void parallelFetchesCountAsAttemptsButDeliverOnce() throws Exception {
    JsonNode submitted = submit(browser(), ERFURT, false);
    String reference = submitted.path("reference").asString();
    String erfurt = "Bearer " + token("fachverfahren-erfurt", "antraege.lesen");
    String id =
        find(
                json.readTree(browser().get(API + "?limit=500", "Authorization", erfurt).body())
                    .path("submissions"),
                reference)
            .path("id")
            .asString();

    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> fetches = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      fetches.add(
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> browser().get(API + "/" + id, "Authorization", erfurt)));
    }
    for (var fetch : fetches) {
      assertThat(fetch.get().statusCode()).isEqualTo(200);
    }

    String token = submitted.path("receipt").asString().replaceAll(".*token=", "");
    JsonNode status =
        json.readTree(browser().get("/api/v1/antraege/" + reference + "?token=" + token).body());
    assertThat(texts(status.path("timeline")))
        .containsExactly("Antrag eingegangen", "An die Behörde übermittelt");
    assertThat(
            deliveries
                .ofDocument(DocumentType.ANTRAG, antraege.find(reference).orElseThrow().id())
                .orElseThrow()
                .attempts())
        .isEqualTo(6);
  }

  @Test
  void theLogNamesReferencesAndStatesButNoPersonalData() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
        new ch.qos.logback.core.read.ListAppender<>();
    log.start();
    root.addAppender(log);
    String reference;
    try {
      reference = submit(browser(), ERFURT, true).path("reference").asString();
      String erfurt = "Bearer " + token("fachverfahren-erfurt", "antraege.lesen");
      String id =
          find(
                  json.readTree(browser().get(API + "?limit=500", "Authorization", erfurt).body())
                      .path("submissions"),
                  reference)
              .path("id")
              .asString();
      browser().get(API + "/" + id, "Authorization", erfurt);
      post(API + "/" + id + "/acknowledgement", "{}", erfurt);
      post(
          API + "/" + id + "/status",
          "{\"status\":\"BESCHIEDEN\",\"message\":\"Bello ist angemeldet, Frau Mustermann.\"}",
          erfurt);
    } finally {
      root.detachAppender(log);
    }
    List<String> lines =
        log.list.stream()
            .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(lines)
        .anyMatch(l -> l.contains(reference) && l.contains("acknowledged"))
        .anyMatch(l -> l.contains(reference) && l.contains("BESCHIEDEN"));
    assertThat(String.join("\n", lines))
        .doesNotContain(
            "Mustermann", "Erika", "Fischmarkt", "Bello", "erika@example.org", "1984-08-12");
  }

  /**
   * A logged-in citizen with a Servicekonto of their own (the demo accounts' Postfächer stay as
   * they are).
   */
  private Browser citizen() {
    String email = "t-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    jdbc.sql(
            """
            insert into account (id, email, password_hash, email_confirmed_at, password_changed_at)
            values (?, ?, ?, now(), now())
            """)
        .params(UUID.randomUUID(), email, passwords.encode(DEMO_PASSWORD))
        .update();
    Browser browser = browser();
    assertThat(browser.logIn(email, DEMO_PASSWORD).statusCode()).isEqualTo(302);
    return browser;
  }

  private String problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return json.readTree(response.body())
        .path("type")
        .asString()
        .replace("urn:amtsweg:problem:", "");
  }

  private JsonNode submit(Browser browser, String ars, boolean withFile) {
    String file =
        withFile
            ? ",\"befreiungBeantragt\":true,\"befreiungsgrund\":\"blindenhund\",\"nachweis\":[{\"name\":\"nachweis.pdf\",\"content\":\""
                + Base64.getEncoder().encodeToString(PDF)
                + "\"}]"
            : ",\"befreiungBeantragt\":false";
    String body =
        """
        {"answers":{"anliegen":"anmeldung","vorname":"Erika","familienname":"Mustermann","geburtsdatum":"1984-08-12",
         "anschrift":{"street":"Fischmarkt","houseNumber":"1","postcode":"99084","city":"Erfurt"},
         "email":"erika@example.org",
         "hunde":[{"name":"Bello","rasse":"labrador","geschlecht":"ruede","wurfdatum":"2023-04-01",
                   "haltungsbeginn":"2024-06-01","listenhund":false}]%s},
         "declarations":["richtigkeit","aenderungen"]}
        """
            .formatted(file);
    HttpResponse<String> response =
        browser.postJson("/api/v1/tenants/" + ars + "/apps/hundesteuer/antraege", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json.readTree(response.body());
  }

  private HttpResponse<String> post(String path, String body, String authorization) {
    return browser().postJson(path, body, "Authorization", authorization);
  }

  private String token(String clientId, String scope) {
    return new TokenEndpoint(port).accessToken(clientId, DEMO_PASSWORD, scope);
  }

  private static JsonNode find(JsonNode submissions, String reference) {
    for (JsonNode s : submissions) {
      if (s.path("reference").asString().equals(reference)) {
        return s;
      }
    }
    throw new AssertionError(reference + " not listed in " + submissions);
  }

  private static List<String> texts(JsonNode timeline) {
    List<String> texts = new ArrayList<>();
    timeline.forEach(e -> texts.add(e.path("text").asString()));
    return texts;
  }
}
