package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The session runs out while a step page is open (WCAG 2.2.1, ADR 0026): what the page sends
 * afterwards is kept in the draft and the applicant finds the way back, while a forged, foreign or
 * cross-site page stores nothing.
 */
class ExpiredSessionIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String ERIKA = "erika.mustermann@example.org";

  @Autowired JdbcClient jdbc;
  @Autowired Postfach postfach;

  @Test
  void anAnonymousStepSentAfterTheTimeoutIsSavedAndTheDraftComesBack() {
    Browser browser = browser();
    HttpResponse<String> halter = halterPage(browser);
    String step = AntragForms.path(halter);
    UUID draftId = draftId(step);
    assertThat(Browser.page(halter).select("input[name=_entwurf]").attr("value"))
        .as("the step form carries the draft capability")
        .isNotBlank();

    expire(browser);
    HttpResponse<String> sent =
        AntragForms.fill(browser, halter, Map.of("vorname", "Erika", "familienname", "Muster"));

    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location").orElseThrow())
        .endsWith("/antrag/sitzung-abgelaufen");
    HttpResponse<String> expiredPage = browser.follow(sent);
    assertThat(expiredPage.statusCode()).isEqualTo(200);
    Document page = Browser.page(expiredPage);
    assertThat(page.select("h1").text()).isEqualTo("Ihre Sitzung ist abgelaufen");
    assertThat(page.select("#expired-saved").text()).contains("sind gespeichert");
    assertThat(answer(draftId, "vorname")).isEqualTo("Erika");
    assertThat(answer(draftId, "anliegen")).as("earlier pages stay").isEqualTo("anmeldung");

    Element resume = page.selectFirst("a#expired-continue");
    assertThat(resume).isNotNull();
    assertThat(resume.text()).isEqualTo("Weiter ausfüllen");
    assertThat(resume.attr("href")).isEqualTo(step);
    HttpResponse<String> back = browser.get(resume.attr("href"));
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(Browser.page(back).select("#f-vorname").attr("value")).isEqualTo("Erika");
    assertThat(Browser.page(expiredPage).select("a[href$=/speichern]"))
        .as("a resume link by e-mail is offered")
        .isNotEmpty();
  }

  @Test
  void aStepPageLoadedAgainAfterTheTimeoutSaysSoInsteadOfNotFound() {
    Browser browser = browser();
    HttpResponse<String> halter = halterPage(browser);
    expire(browser);

    HttpResponse<String> reloaded = browser.get(AntragForms.path(halter));

    assertThat(reloaded.statusCode()).isEqualTo(302);
    Document page = Browser.page(browser.follow(reloaded));
    assertThat(page.select("h1").text()).isEqualTo("Ihre Sitzung ist abgelaufen");
    assertThat(page.select("#expired-saved")).as("nothing was sent, nothing claimed").isEmpty();
  }

  @Test
  void aForgedOrForeignCapabilityStoresNothing() {
    Browser victim = browser();
    HttpResponse<String> halter = halterPage(victim);
    String step = AntragForms.path(halter);
    UUID draftId = draftId(step);
    Browser other = browser();
    String foreign = Browser.page(halterPage(other)).select("input[name=_entwurf]").attr("value");
    String own = Browser.page(halter).select("input[name=_entwurf]").attr("value");
    expire(victim);

    for (String capability :
        List.of(
            "",
            "1." + "0".repeat(64),
            foreign,
            own.substring(0, own.length() - 1) + (own.endsWith("0") ? "1" : "0"),
            (Long.parseLong(own.substring(0, own.indexOf('.'))) - 1)
                + own.substring(own.indexOf('.')))) {
      HttpResponse<String> sent = victim.post(step, withCapability(halter, capability, "Mallory"));
      assertThat(sent.statusCode()).as("capability '%s'", capability).isEqualTo(404);
    }
    assertThat(answer(draftId, "vorname")).as("nothing stored").isNull();

    // A stranger holding the victim's page cannot send it from another site: no CSRF token.
    Browser stranger = browser();
    List<Map.Entry<String, String>> noToken =
        new ArrayList<>(withCapability(halter, own, "Mallory"));
    noToken.removeIf(e -> e.getKey().equals("_csrf"));
    assertThat(stranger.post(step, noToken).statusCode()).isEqualTo(403);
    assertThat(answer(draftId, "vorname")).as("nothing stored").isNull();
  }

  @Test
  void aServicekontoDraftKeepsTheStepAndContinuesAfterTheNextLogin() {
    Browser browser = browser();
    assertThat(browser.logIn("erika.mustermann@example.org", DEMO_PASSWORD).statusCode())
        .isEqualTo(302);
    AntragForms.choosePlace(browser, ERFURT);
    HttpResponse<String> first = AntragForms.start(browser, "hundesteuer");
    if (AntragForms.path(first).endsWith("/daten")) {
      String base = AntragForms.path(first).replace("/daten", "");
      first =
          browser.follow(
              browser.submit(
                  base + "/daten", Browser.csrf(Browser.page(first)), Map.of("decision", "leer")));
    }
    String step = AntragForms.path(first);
    assertThat(step).endsWith("/schritt/anliegen");
    UUID draftId = draftId(step);
    expire(browser);

    HttpResponse<String> sent = AntragForms.fill(browser, first, Map.of("anliegen", "abmeldung"));
    Document page = Browser.page(browser.follow(sent));
    assertThat(page.select("h1").text()).isEqualTo("Ihre Sitzung ist abgelaufen");
    assertThat(answer(draftId, "anliegen")).isEqualTo("abmeldung");
    Element resume = page.selectFirst("a#expired-continue");
    assertThat(resume).isNotNull();
    assertThat(resume.text()).isEqualTo("Anmelden und weiter ausfüllen");

    HttpResponse<String> toLogin = browser.get(resume.attr("href"));
    assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/konto/anmelden");
    HttpResponse<String> loggedIn = browser.logIn("erika.mustermann@example.org", DEMO_PASSWORD);
    assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).endsWith(step);
    Document again = Browser.page(browser.follow(loggedIn));
    assertThat(again.select("input[name=anliegen][value=abmeldung]").attr("checked"))
        .isEqualTo("checked");

    // Without the login the same link leads to the login, never into the draft.
    Browser anonymous = browser();
    HttpResponse<String> stranger = anonymous.get(step);
    assertThat(stranger.headers().firstValue("Location").orElseThrow()).endsWith("/konto/anmelden");
  }

  @Test
  void aPostfachReplySentAfterTheTimeoutIsShownForCopyingInsteadOfLost() {
    UUID account =
        jdbc.sql("select id from account where email = ?").param(ERIKA).query(UUID.class).single();
    UUID message =
        postfach.deliver(
            account,
            new Postfach.NewMessage(
                PostfachMessage.Kind.QUESTION,
                ERFURT,
                "Stadt Erfurt",
                null,
                "Rückfrage zur Hundesteuer",
                "Seit wann halten Sie den Hund?",
                List.of()));
    Browser browser = browser();
    assertThat(browser.logIn(ERIKA, DEMO_PASSWORD).statusCode()).isEqualTo(302);
    String thread = "/konto/postfach/" + message;
    Document page = Browser.page(browser.get(thread));
    expire(browser);

    String reply = "Seit dem 1. März,\ner heißt Bello.";
    HttpResponse<String> sent =
        browser.post(
            thread + "/antwort",
            Map.of("_csrf", Browser.csrf(page), "text", reply),
            "Referer",
            "http://localhost:" + port + thread);

    assertThat(sent.statusCode()).isEqualTo(401);
    Document expired = Browser.page(sent);
    assertThat(expired.select("h1").text()).isEqualTo("Ihre Sitzung ist abgelaufen");
    assertThat(expired.select("textarea#kept-text-0").val()).isEqualTo(reply);
    assertThat(expired.select("label[for=kept-text-0]").text()).isEqualTo("Ihr Text");
    assertThat(expired.select("a#login-again").attr("href")).isEqualTo(thread);
    assertThat(
            jdbc.sql("select count(*) from postfach_message where in_reply_to = ?")
                .param(message)
                .query(Integer.class)
                .single())
        .as("nothing sent without a login")
        .isZero();

    // Without the page's CSRF token (another site) nothing is shown back.
    assertThat(
            browser
                .post(thread + "/antwort", Map.of("text", "Von einer anderen Seite eingefügt"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aSubmitAfterTheTimeoutSendsNothingKeepsTheDeclarationsAndLeadsBackToTheCheckPage() {
    Browser browser = browser();
    HttpResponse<String> check = checkPage(browser);
    String base = AntragForms.path(check).replace("/pruefen", "");
    UUID draftId = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
    Document page = Browser.page(check);
    String capability = page.select("form[action$=/absenden] input[name=_entwurf]").attr("value");
    assertThat(capability).as("the submit form carries the draft capability").isNotBlank();
    expire(browser);

    HttpResponse<String> sent =
        browser.post(
            base + "/absenden",
            List.of(
                Map.entry("_csrf", Browser.csrf(page)),
                Map.entry("_entwurf", capability),
                Map.entry("erklaerung", "richtigkeit"),
                Map.entry("erklaerung", "aenderungen")));

    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location").orElseThrow())
        .endsWith("/antrag/sitzung-abgelaufen");
    Document expired = Browser.page(browser.follow(sent));
    assertThat(expired.select("h1").text()).isEqualTo("Ihre Sitzung ist abgelaufen");
    assertThat(expired.select("#expired-note").text())
        .startsWith("Ihr Antrag ist noch nicht abgeschickt.");
    assertThat(open(draftId)).as("nothing submitted").isTrue();
    assertThat(answer(draftId, "abmeldungHundName")).as("the draft stays").isEqualTo("Bello");

    Element resume = expired.selectFirst("a#expired-continue");
    assertThat(resume).isNotNull();
    assertThat(resume.attr("href")).isEqualTo(base + "/pruefen");
    HttpResponse<String> again = browser.get(resume.attr("href"));
    assertThat(again.statusCode()).isEqualTo(200);
    Document checkAgain = Browser.page(again);
    assertThat(checkAgain.select("input[name=erklaerung][checked]").eachAttr("value"))
        .as("the ticked declarations are kept")
        .containsExactlyInAnyOrder("richtigkeit", "aenderungen");
    HttpResponse<String> submitted =
        AntragForms.submit(browser, again, "richtigkeit", "aenderungen");
    assertThat(submitted.headers().firstValue("Location").orElseThrow())
        .contains("/antrag/eingang/HUND-");
  }

  @Test
  void aResumeLinkAskedForAfterTheTimeoutIsNotSentButTheAddressIsKept() {
    Browser browser = browser();
    String base = AntragForms.path(checkPage(browser)).replace("/pruefen", "");
    UUID draftId = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
    Document save = Browser.page(browser.get(base + "/speichern"));
    String capability = save.select("form[action$=/speichern] input[name=_entwurf]").attr("value");
    assertThat(capability).as("the save form carries the draft capability").isNotBlank();
    expire(browser);
    String address = "spaeter." + UUID.randomUUID() + "@example.org";

    HttpResponse<String> sent =
        browser.post(
            base + "/speichern",
            Map.of("_csrf", Browser.csrf(save), "_entwurf", capability, "email", address));

    assertThat(sent.statusCode()).isEqualTo(302);
    Document expired = Browser.page(browser.follow(sent));
    assertThat(expired.select("h1").text()).isEqualTo("Ihre Sitzung ist abgelaufen");
    assertThat(expired.select("#expired-note").text())
        .startsWith("Den Link zum Fortsetzen haben wir noch nicht geschickt.");
    assertThat(
            jdbc.sql("select count(*) from outbound_mail where recipient = ?")
                .param(address)
                .query(Integer.class)
                .single())
        .as("no mail without a session")
        .isZero();
    Element later = expired.selectFirst("a[href$=/speichern]");
    assertThat(later).isNotNull();
    HttpResponse<String> saveAgain = browser.get(later.attr("href"));
    assertThat(saveAgain.statusCode()).isEqualTo(200);
    assertThat(Browser.page(saveAgain).select("#resume-email").val())
        .as("the address typed is offered again")
        .isEqualTo(address);
    assertThat(answer(draftId, "abmeldungHundName")).isEqualTo("Bello");
  }

  @Test
  void aConsentDecisionSentAfterTheTimeoutIsKeptForTheNextLogin() {
    Browser browser = browser();
    assertThat(browser.logIn(ERIKA, DEMO_PASSWORD).statusCode()).isEqualTo(302);
    AntragForms.choosePlace(browser, ERFURT);
    HttpResponse<String> consent = AntragForms.start(browser, "hundesteuer");
    String path = AntragForms.path(consent);
    assertThat(path).endsWith("/daten");
    String base = path.replace("/daten", "");
    UUID draftId = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
    Document page = Browser.page(consent);
    String capability = page.select("form[action$=/daten] input[name=_entwurf]").attr("value");
    assertThat(capability).as("the consent form carries the draft capability").isNotBlank();
    expire(browser);

    HttpResponse<String> sent =
        browser.post(
            base + "/daten",
            Map.of("_csrf", Browser.csrf(page), "_entwurf", capability, "decision", "uebernehmen"));

    assertThat(sent.statusCode()).isEqualTo(302);
    Document expired = Browser.page(browser.follow(sent));
    assertThat(expired.select("h1").text()).isEqualTo("Ihre Sitzung ist abgelaufen");
    assertThat(answer(draftId, "vorname")).as("the profile data taken over").isEqualTo("Erika");
    Element resume = expired.selectFirst("a#expired-continue");
    assertThat(resume).isNotNull();
    assertThat(resume.text()).isEqualTo("Anmelden und weiter ausfüllen");
    assertThat(resume.attr("href")).isEqualTo(base + "/schritt/anliegen");

    HttpResponse<String> toLogin = browser.get(resume.attr("href"));
    assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/konto/anmelden");
    HttpResponse<String> loggedIn = browser.logIn(ERIKA, DEMO_PASSWORD);
    assertThat(loggedIn.headers().firstValue("Location").orElseThrow())
        .endsWith(base + "/schritt/anliegen");
  }

  @Test
  void aForeignCapabilityOnTheCheckPageSubmitsAndStoresNothing() {
    Browser victim = browser();
    HttpResponse<String> check = checkPage(victim);
    String base = AntragForms.path(check).replace("/pruefen", "");
    UUID draftId = UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
    String foreign =
        Browser.page(checkPage(browser()))
            .select("form[action$=/absenden] input[name=_entwurf]")
            .attr("value");
    expire(victim);

    HttpResponse<String> sent =
        victim.post(
            base + "/absenden",
            List.of(
                Map.entry("_csrf", Browser.csrf(Browser.page(check))),
                Map.entry("_entwurf", foreign),
                Map.entry("erklaerung", "richtigkeit")));

    assertThat(sent.statusCode()).isEqualTo(404);
    assertThat(open(draftId)).as("nothing submitted").isTrue();
    assertThat(
            jdbc.sql("select cardinality(declarations) from antrag_draft where id = ?")
                .param(draftId)
                .query(Integer.class)
                .single())
        .as("no declaration stored")
        .isZero();
  }

  /** An anonymous Hundesteuer-Abmeldung filled in up to its check page. */
  private HttpResponse<String> checkPage(Browser browser) {
    AntragForms.choosePlace(browser, ERFURT);
    HttpResponse<String> anliegen = AntragForms.start(browser, "hundesteuer");
    HttpResponse<String> halter =
        AntragForms.next(
            browser, AntragForms.fill(browser, anliegen, Map.of("anliegen", "abmeldung")));
    HttpResponse<String> abmeldung =
        AntragForms.next(
            browser,
            AntragForms.fill(
                browser,
                halter,
                Map.of(
                    "vorname", "Erika",
                    "familienname", "Muster",
                    "geburtsdatum", "12.08.1984",
                    "anschrift.street", "Fischmarkt",
                    "anschrift.houseNumber", "1",
                    "anschrift.postcode", "99084",
                    "anschrift.city", "Erfurt",
                    "email", "erika.muster@example.org")));
    assertThat(AntragForms.path(abmeldung)).endsWith("/schritt/abmeldung");
    HttpResponse<String> check =
        AntragForms.next(
            browser,
            AntragForms.fill(
                browser,
                abmeldung,
                Map.of(
                    "abmeldungHundName",
                    "Bello",
                    "abmeldegrund",
                    "verstorben",
                    "abmeldedatum",
                    today().minusDays(10).toString())));
    assertThat(AntragForms.path(check)).endsWith("/pruefen");
    return check;
  }

  /** Whether the draft is there and not submitted. */
  private boolean open(UUID draftId) {
    return jdbc.sql(
                "select count(*) from antrag_draft where id = ? and submitted_reference is null")
            .param(draftId)
            .query(Integer.class)
            .single()
        == 1;
  }

  private HttpResponse<String> halterPage(Browser browser) {
    AntragForms.choosePlace(browser, ERFURT);
    HttpResponse<String> anliegen = AntragForms.start(browser, "hundesteuer");
    HttpResponse<String> halter =
        AntragForms.next(
            browser, AntragForms.fill(browser, anliegen, Map.of("anliegen", "anmeldung")));
    assertThat(AntragForms.path(halter)).endsWith("/schritt/halter");
    return halter;
  }

  /** The form of the page with this capability and first name, as the page would send it. */
  private static List<Map.Entry<String, String>> withCapability(
      HttpResponse<String> page, String capability, String firstName) {
    Document document = Browser.page(page);
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("_csrf", Browser.csrf(document)));
    fields.add(Map.entry("_entwurf", capability));
    fields.add(Map.entry("vorname", firstName));
    fields.add(Map.entry("_action", "weiter"));
    return fields;
  }

  /** Lets the browser's session run out, as 31 idle minutes would. */
  private void expire(Browser browser) {
    String id = new String(Base64.getDecoder().decode(browser.cookieValue("AMTSWEG_SESSION")));
    long idle = 31L * 60 * 1000;
    assertThat(
            jdbc.sql(
                    "update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ? where session_id = ?")
                .params(idle, idle, id)
                .update())
        .isEqualTo(1);
  }

  private static UUID draftId(String stepPath) {
    String base = stepPath.replaceAll("/schritt/.*$", "");
    return UUID.fromString(base.substring(base.lastIndexOf('/') + 1));
  }

  private String answer(UUID draftId, String field) {
    return jdbc.sql("select answers->>? from antrag_draft where id = ?")
        .params(field, draftId)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
