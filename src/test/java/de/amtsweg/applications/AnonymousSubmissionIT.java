package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.forms.AnswerSchema;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import de.amtsweg.support.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.altcha.altcha.Altcha;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anonymous Anträge cannot be abused, with the limits at their defaults (10 per client address in
 * 10 minutes, 5 receipt e-mails per recipient a day): a flood from one address gets 429 with
 * Retry-After after ten, while logged-in citizens go on; the check page says so and keeps the
 * draft; the sixth receipt e-mail to one address is not sent, and the confirmation page offers the
 * receipt instead; the proof of work on the check page is accepted once, a replayed or forged one
 * is refused. Each test is its own client address (X-Forwarded-For from the trusted local proxy).
 */
@ExtendWith(OutputCaptureExtension.class)
class AnonymousSubmissionIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String JSON = "application/json";
  private static final String ERIKA = "erika.mustermann@example.org";

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired Drafts drafts;
  @Autowired AppStore store;
  @Autowired JdbcClient jdbc;

  @Test
  void fiftySubmissionsFromOneAddressWithinAMinuteAreCutAtTenAndCitizensGoOn() throws Exception {
    String address = "198.51.100.10";
    String example = example(unique("flood"));
    List<HttpResponse<String>> answers = new ArrayList<>();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        sent.add(pool.submit(() -> browser().from(address).postJson(hundesteuer(), example)));
      }
      for (Future<HttpResponse<String>> answer : sent) {
        answers.add(answer.get());
      }
    }
    assertThat(System.nanoTime() - start).as("within a minute").isLessThan(60_000_000_000L);

    assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(10);
    List<HttpResponse<String>> refused =
        answers.stream().filter(a -> a.statusCode() != 201).toList();
    assertThat(refused).hasSize(40);
    for (HttpResponse<String> answer : refused) {
      assertThat(answer.statusCode()).isEqualTo(429);
      assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 600L);
      JsonNode problem = json.readTree(answer.body());
      assertThat(problem.get("type").asString())
          .isEqualTo("urn:amtsweg:problem:antrag-submission-limit");
      assertThat(problem.get("status").asInt()).isEqualTo(429);
      assertThat(problem.get("detail").asString()).contains("Minute");
    }

    // A logged-in citizen at the same address is not limited.
    String token =
        AntragForms.personalAccessToken(
            AntragForms.loggedIn(browser().from(address), ERIKA, DEMO_PASSWORD));
    HttpResponse<String> citizen =
        browser()
            .from(address)
            .postJson(hundesteuer(), example, "Authorization", "Bearer " + token);
    assertThat(citizen.statusCode()).as(citizen.body()).isEqualTo(201);
    // Another address is not either.
    assertThat(browser().from("198.51.100.11").postJson(hundesteuer(), example).statusCode())
        .isEqualTo(201);
  }

  @Test
  void refusedAndRepeatedSubmissionsUseUpNothing() {
    String address = "198.51.100.20";
    Browser caller = browser().from(address);
    String example = example(unique("invalid"));
    ObjectNode invalid = (ObjectNode) json.readTree(example);
    ((ObjectNode) invalid.get("answers")).put("email", "keine-adresse");
    for (int i = 0; i < 5; i++) {
      assertThat(caller.postJson(hundesteuer(), invalid.toString()).statusCode()).isEqualTo(422);
    }
    // The same Idempotency-Key again creates nothing and counts nothing.
    for (int i = 0; i < 5; i++) {
      assertThat(
              caller
                  .postJson(hundesteuer(), example, "Idempotency-Key", "once-" + address)
                  .statusCode())
          .isEqualTo(i == 0 ? 201 : 200);
    }
    for (int i = 1; i < 10; i++) {
      assertThat(caller.postJson(hundesteuer(), example).statusCode()).as("#%s", i).isEqualTo(201);
    }
    assertThat(caller.postJson(hundesteuer(), example).statusCode()).isEqualTo(429);
  }

  @Test
  void overTheLimitTheCheckPageSaysSoAndKeepsTheDraft() {
    String address = "198.51.100.30";
    String example = example(unique("page"));
    for (int i = 0; i < 10; i++) {
      assertThat(browser().from(address).postJson(hundesteuer(), example).statusCode())
          .isEqualTo(201);
    }
    Browser visitor = browser().from(address);
    String check = completeDraft(visitor, unique("page"));
    HttpResponse<String> refused = submitDeclared(visitor, check, Map.of());

    assertThat(refused.statusCode()).isEqualTo(429);
    Document page = Browser.page(refused);
    assertThat(page.select("#error-summary").text())
        .contains(
            "Von Ihrem Anschluss wurden in kurzer Zeit zu viele Anträge gestellt",
            "Minuten erneut",
            "Ihre Angaben bleiben gespeichert");
    assertThat(page.select("#error-summary a").attr("href")).isEqualTo("#absenden");
    assertThat(page.select("#absenden")).hasSize(1);
    assertThat(page.select("input[name=erklaerung][checked]")).isNotEmpty();

    // Nothing is lost: the draft is still there, with its answers, and goes once time has passed.
    HttpResponse<String> again = visitor.get(check);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(Browser.page(again).text()).contains("Erika");
    jdbc.sql("delete from rate_limit_slot").update();
    HttpResponse<String> accepted = submitDeclared(visitor, check, Map.of());
    assertThat(accepted.statusCode()).as(AntragForms.errors(accepted).toString()).isEqualTo(302);
    AntragForms.reference(accepted, "HUND");
  }

  @Test
  void theSixthReceiptMailToOneAddressInADayIsNotSent(CapturedOutput output) {
    String recipient = unique("fremd");
    String example = example(recipient);
    for (int i = 0; i < 5; i++) {
      assertThat(browser().from("198.51.100.4" + i).postJson(hundesteuer(), example).statusCode())
          .isEqualTo(201);
    }
    assertThat(mailsTo(recipient)).isEqualTo(5);

    // The sixth comes through the pages: it is submitted, without the e-mail, and the
    // confirmation page offers the receipt instead.
    Browser visitor = browser().from("198.51.100.49");
    HttpResponse<String> submitted =
        submitDeclared(visitor, completeDraft(visitor, recipient), Map.of());
    String reference = AntragForms.reference(submitted, "HUND");
    assertThat(mailsTo(recipient)).isEqualTo(5);

    Document confirmation = Browser.page(visitor.follow(submitted));
    assertThat(confirmation.select("#mail-withheld").text())
        .contains("Keine Bestätigung per E-Mail", "zu viele Bestätigungen");
    String receipt =
        confirmation.select("#mail-withheld a[href*=eingangsbestaetigung]").attr("href");
    assertThat(receipt).contains("token=");
    assertThat(visitor.download(receipt).statusCode()).isEqualTo(200);
    assertThat(confirmation.text()).doesNotContain("per E-Mail geschickt");

    assertThat(output.getOut())
        .contains("Receipt e-mail of Antrag " + reference + " not sent")
        .doesNotContain(recipient);
  }

  @Test
  void theSixthResumeLinkToOneAddressInADayIsNotSent() {
    String recipient = unique("fortsetzen");
    Browser visitor = browser().from("198.51.100.70");
    AntragForms.choosePlace(visitor, ERFURT);
    String save = "/antrag/hundesteuer/" + draftOf(AntragForms.start(visitor, "hundesteuer"));
    save += "/speichern";
    for (int i = 0; i < 5; i++) {
      String csrf = Browser.csrf(Browser.page(visitor.get(save)));
      assertThat(visitor.submit(save, csrf, Map.of("email", recipient)).statusCode())
          .isEqualTo(302);
    }
    String csrf = Browser.csrf(Browser.page(visitor.get(save)));
    HttpResponse<String> refused = visitor.submit(save, csrf, Map.of("email", recipient));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(Browser.page(refused).text()).contains("zu viele E-Mails");
    assertThat(mailsTo(recipient)).isEqualTo(5);
  }

  @Test
  void theReceiptMailCarriesNoAnswers() {
    String recipient = unique("inhalt");
    assertThat(
            browser()
                .from("198.51.100.50")
                .postJson(hundesteuer(), example(recipient))
                .statusCode())
        .isEqualTo(201);
    String mail =
        jdbc.sql("select subject || '\n' || body from outbound_mail where recipient = ?")
            .param(recipient)
            .query(String.class)
            .single();
    assertThat(mail).contains("HUND-", "Stadt Erfurt", "/antrag/eingang/HUND-", "token=");
    assertThat(mail).doesNotContain("Erika", "Mustermann", "Bello", "labrador");
  }

  @Test
  void aSolvedChallengeIsAcceptedOnceAndAForgedOneNever() throws Exception {
    Browser visitor = browser().from("198.51.100.60");
    String check = completeDraft(visitor, unique("altcha"));
    Document page = Browser.page(visitor.get(check));
    assertThat(page.select("form[action$=/absenden] altcha-widget").attr("challengeurl"))
        .isEqualTo("/antrag/altcha-challenge");
    assertThat(page.select("altcha-widget").attr("strings")).contains("Sicherheitsprüfung");
    // Served from here (content-hashed), as module, worker and stylesheet: no third party.
    String script = page.select("script[type=module]").attr("src");
    assertThat(script).matches("/vendor/altcha/dist_external/altcha-[0-9a-f]+\\.js");
    String worker = page.select("altcha-widget").attr("workerurl");
    assertThat(worker).matches("/vendor/altcha/dist_external/worker-[0-9a-f]+\\.js");
    assertThat(visitor.get(script).statusCode()).isEqualTo(200);
    assertThat(visitor.get(worker).statusCode()).isEqualTo(200);

    HttpResponse<String> fetched = visitor.get("/antrag/altcha-challenge", "Accept", JSON);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    assertThat(fetched.headers().allValues("Set-Cookie")).isEmpty();
    String solved = solve(json.readTree(fetched.body()));

    // A forged solution (our challenge, another signature) is refused, and the draft stays.
    Map<String, Object> forged =
        json.readValue(Base64.getDecoder().decode(solved), LinkedHashMap.class);
    forged.put("signature", "f".repeat(64));
    HttpResponse<String> refused =
        submitDeclared(visitor, check, Map.of("altcha", base64(json.writeValueAsString(forged))));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Browser.page(refused).select("#error-summary").text())
        .contains("Sicherheitsprüfung", "Ihre Angaben bleiben gespeichert");

    HttpResponse<String> accepted = submitDeclared(visitor, check, Map.of("altcha", solved));
    assertThat(accepted.statusCode()).as(AntragForms.errors(accepted).toString()).isEqualTo(302);

    // The same solution again, for another Antrag: refused.
    String second = completeDraft(visitor, unique("altcha-2"));
    HttpResponse<String> replayed = submitDeclared(visitor, second, Map.of("altcha", solved));
    assertThat(replayed.statusCode()).isEqualTo(400);
    assertThat(Browser.page(replayed).select("#error-summary").text())
        .contains("Sicherheitsprüfung");

    // Without JavaScript no solution comes: the address limit alone applies.
    HttpResponse<String> withoutScript = submitDeclared(visitor, second, Map.of());
    assertThat(withoutScript.statusCode()).isEqualTo(302);
  }

  @Test
  void withJavaScriptTheWidgetSolvesItselfUnderTheStrictPolicyAndTheSolutionIsAccepted() {
    int spentBefore = spentChallenges();
    try (AxeBrowser chromium = AxeBrowser.start(URI.create("http://localhost:" + port))) {
      chromium.open("/ort?q=99084&zurueck=/antrag/hundesteuer");
      chromium.submit("form[action='/ort'][method=post]");
      chromium.click("form[action='/antrag/hundesteuer'] button");
      String path = chromium.currentPath();
      UUID draft = UUID.fromString(path.split("/")[3]);
      fillIn(draft, unique("chromium"));
      chromium.open("/antrag/hundesteuer/" + draft + "/pruefen");

      // The widget fetches its challenge, solves it in its worker and fills the hidden field:
      // module, worker and stylesheet all load under script-src/style-src 'self'.
      chromium.waitFor("altcha-widget [data-state=verified]");
      assertThat(
              (String)
                  ((JavascriptExecutor) chromium.driver())
                      .executeScript(
                          "return document.querySelector('altcha-widget input[name=altcha]').value"))
          .isNotBlank();
      assertThat(chromium.violations()).isEmpty();

      chromium
          .driver()
          .findElements(By.cssSelector("input[name=erklaerung]"))
          .forEach(WebElement::click);
      chromium.click("#absenden");
      assertThat(chromium.currentPath()).startsWith("/antrag/eingang/HUND-");
    }
    assertThat(spentChallenges())
        .as("the solution was checked and used up")
        .isEqualTo(spentBefore + 1);
  }

  @Test
  void loggedInCitizensSeeNoChallenge() {
    Browser erika = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
    HttpResponse<String> step = AntragForms.startWithConsent(erika, ERFURT, "hundesteuer", "leer");
    UUID draft = draftOf(step);
    fillIn(draft, unique("konto"));
    HttpResponse<String> check = erika.get("/antrag/hundesteuer/" + draft + "/pruefen");
    assertThat(check.statusCode()).isEqualTo(200);
    assertThat(Browser.page(check).select("altcha-widget")).isEmpty();
  }

  /** Walks a visitor to the check page of a complete Hundesteuer draft; returns its path. */
  private String completeDraft(Browser visitor, String email) {
    AntragForms.choosePlace(visitor, ERFURT);
    UUID draft = draftOf(AntragForms.start(visitor, "hundesteuer"));
    fillIn(draft, email);
    return "/antrag/hundesteuer/" + draft + "/pruefen";
  }

  private void fillIn(UUID draft, String email) {
    AppDefinition app = store.offered(ERFURT, "hundesteuer").orElseThrow().definition();
    Map<String, Object> answers = new LinkedHashMap<>(AnswerSchema.example(app));
    answers.put("email", email);
    drafts.saveAnswers(draft, answers);
  }

  private static UUID draftOf(HttpResponse<String> step) {
    String[] path = AntragForms.path(step).split("/");
    return UUID.fromString(path[3]);
  }

  /** Ticks every declaration on the check page and submits, with these extra fields. */
  private HttpResponse<String> submitDeclared(
      Browser visitor, String check, Map<String, String> extra) {
    Document page = Browser.page(visitor.get(check));
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("_csrf", Browser.csrf(page)));
    page.select("input[name=erklaerung]")
        .forEach(box -> fields.add(Map.entry("erklaerung", box.val())));
    fields.addAll(extra.entrySet());
    return visitor.post(check.replace("/pruefen", "/absenden"), fields);
  }

  /** Solves a challenge as the widget does; returns the form field's value. */
  private String solve(JsonNode challenge) throws Exception {
    Altcha.Solution solution =
        Altcha.solveChallenge(
            challenge.get("challenge").asString(),
            challenge.get("salt").asString(),
            Altcha.Algorithm.SHA256,
            challenge.get("maxnumber").asLong(),
            0);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("algorithm", challenge.get("algorithm").asString());
    payload.put("challenge", challenge.get("challenge").asString());
    payload.put("number", solution.number);
    payload.put("salt", challenge.get("salt").asString());
    payload.put("signature", challenge.get("signature").asString());
    return base64(json.writeValueAsString(payload));
  }

  /** The app's documented example, sent to this address. */
  private String example(String email) {
    ObjectNode example =
        (ObjectNode)
            json.readTree(browser().get("/api/v1/apps/hundesteuer/example", "Accept", JSON).body());
    ((ObjectNode) example.get("answers")).put("email", email);
    return example.toString();
  }

  private int spentChallenges() {
    return jdbc.sql("select count(*) from proof_of_work_spent").query(Integer.class).single();
  }

  private int mailsTo(String recipient) {
    return jdbc.sql("select count(*) from outbound_mail where recipient = ?")
        .param(recipient)
        .query(Integer.class)
        .single();
  }

  private static String hundesteuer() {
    return "/api/v1/tenants/" + ERFURT + "/apps/hundesteuer/antraege";
  }

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID() + "@example.org";
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
