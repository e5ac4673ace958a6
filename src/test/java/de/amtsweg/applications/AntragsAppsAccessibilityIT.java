package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page of the five shipped Antrags-Apps under axe-core (WCAG 2.0–2.2 A and AA) in a headless
 * Chromium: the start page, the consent step, each step empty and with its error summary, the check
 * page, the confirmation, "Meine Anträge", and the App-Store pages of admins and editors.
 */
class AntragsAppsAccessibilityIT extends AmtswegIT {

  private static final String ERIKA = "erika.mustermann@example.org";
  private static AxeBrowser withJs;
  private static AxeBrowser withoutJs;

  @Autowired AppStore store;
  @Autowired JsonMapper json;

  @BeforeEach
  void startBrowsers() {
    URI base = URI.create("http://localhost:" + port);
    if (withJs == null) {
      withJs = AxeBrowser.start(base);
      withoutJs = AxeBrowser.startWithoutJavaScript(base);
    }
    withJs.forgetSession();
    withoutJs.forgetSession();
  }

  @AfterAll
  static void closeBrowsers() {
    if (withJs != null) {
      withJs.close();
      withoutJs.close();
      withJs = null;
      withoutJs = null;
    }
  }

  /**
   * Chooses Erfurt through the place chooser, as a visitor would, and returns to the app's start
   * page.
   */
  private static void chooseErfurt(AxeBrowser browser, String appId) {
    browser.open("/ort?q=99084&zurueck=/antrag/" + appId);
    browser.submit("form[action='/ort'][method=post]");
    assertThat(browser.currentPath()).isEqualTo("/antrag/" + appId);
  }

  /** Walks an app's pages: every step empty and with errors, then the check page. */
  private List<String> walk(AxeBrowser browser, String appId, boolean loggedIn) {
    List<String> found = new ArrayList<>();
    chooseErfurt(browser, appId);
    found.addAll(violations(browser));
    browser.click("form[action='/antrag/" + appId + "'] button");
    if (loggedIn && browser.currentPath().endsWith("/daten")) {
      found.addAll(violations(browser));
      browser.click("button[value=uebernehmen], button[value=leer]");
    }
    String base = browser.currentPath().replaceAll("/schritt/.*$", "");
    AppDefinition app = store.latest(appId).orElseThrow().definition();
    for (AppDefinition.Step step : app.steps()) {
      browser.open(base + "/schritt/" + step.id());
      found.addAll(violations(browser));
      browser.click("#step-form button[value=weiter]");
      found.addAll(violations(browser));
    }
    browser.open(base + "/pruefen");
    assertThat(browser.has("h1")).isTrue();
    found.addAll(violations(browser));
    if (browser.javaScript() && browser.has("altcha-widget")) {
      // Anonymous with JavaScript: the proof of work solves itself first, as a person waits for it.
      browser.waitFor("altcha-widget [data-state=verified]");
    }
    browser.click("form[action$='/absenden'] button[type=submit]");
    found.addAll(violations(browser));
    browser.open(base + "/speichern");
    found.addAll(violations(browser));
    return found;
  }

  private static List<String> violations(AxeBrowser browser) {
    return browser.violations().stream().map(v -> browser.currentPath() + ": " + v).toList();
  }

  @Test
  void theAnonymousAppsWithAndWithoutJavaScript() {
    List<String> found = new ArrayList<>();
    for (AxeBrowser browser : List.of(withJs, withoutJs)) {
      found.addAll(walk(browser, "hundesteuer", false));
      browser.forgetSession();
      found.addAll(walk(browser, "meldebescheinigung", false));
      browser.forgetSession();
    }
    withJs.assertNone(found, "anonymous Antrags-Apps");
  }

  @Test
  void theAppsForAccountsAndTheConfirmationAndMeineAntraege() throws Exception {
    List<String> found = new ArrayList<>();
    withJs.logInCitizen(ERIKA, DEMO_PASSWORD);
    found.addAll(walk(withJs, "kita-anmeldung", true));
    found.addAll(walk(withJs, "gewerbe-anmeldung", true));
    found.addAll(walk(withJs, "foerderung-egovernment", true));
    found.addAll(walk(withJs, "hundesteuer", true));

    String receipt = submitExample("hundesteuer");
    withoutJs.open(receipt.replace("/eingangsbestaetigung.pdf", ""));
    assertThat(withoutJs.text()).contains("Ihr Antrag ist eingegangen");
    found.addAll(violations(withoutJs));
    withJs.open("/konto/antraege");
    found.addAll(violations(withJs));
    withJs.open("/antrag/fortsetzen?token=abgelaufen");
    found.addAll(violations(withJs));
    withJs.assertNone(found, "Antrags-Apps of account users");
  }

  @Test
  void theAppStorePagesOfAdminsAndEditors() {
    List<String> found = new ArrayList<>();
    withoutJs.signInStaff("verwaltung-erfurt", DEMO_PASSWORD);
    for (String path :
        List.of(
            "/verwaltung/apps",
            "/verwaltung/apps/hundesteuer",
            "/verwaltung/apps/foerderung-egovernment")) {
      withoutJs.open(path);
      found.addAll(violations(withoutJs));
    }
    withoutJs.open("/verwaltung/apps/hundesteuer");
    withoutJs.submit(Map.of("p.steuerErsterHund", "zwölf"));
    assertThat(withoutJs.has("#error-summary")).isTrue();
    found.addAll(violations(withoutJs));
    withoutJs.forgetSession();

    withJs.signInStaff("redaktion-thueringen", DEMO_PASSWORD);
    for (String path :
        List.of("/redaktion/apps", "/redaktion/apps/hundesteuer", "/redaktion/apps/neu")) {
      withJs.open(path);
      found.addAll(violations(withJs));
    }
    withJs.open("/redaktion/apps/neu");
    withJs.submit(Map.of("source", "id: kaputt"));
    assertThat(withJs.has("#error-summary")).isTrue();
    found.addAll(violations(withJs));
    withJs.assertNone(found, "App-Store pages");
  }

  /**
   * Submits the app's example over the API as an anonymous applicant in Erfurt; returns the receipt
   * link.
   */
  private String submitExample(String appId) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String example =
        client
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/api/v1/apps/" + appId + "/example"))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    HttpResponse<String> created =
        client.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/v1/tenants/160510000000/apps/"
                            + appId
                            + "/antraege"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(example))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("receipt").asString();
  }
}
