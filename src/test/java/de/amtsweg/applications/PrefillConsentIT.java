package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The Datenschutz-Cockpit's consent step: what goes to whom, confirmed before anything is filled
 * in.
 */
class PrefillConsentIT extends AmtswegIT {

  private Browser erika() {
    Browser browser = browser();
    assertThat(browser.logIn("erika.mustermann@example.org", DEMO_PASSWORD).statusCode())
        .isEqualTo(302);
    AntragForms.choosePlace(browser, "160510000000");
    return browser;
  }

  @Test
  void theConsentPageShowsEachValueAndTheAuthorityAndAcceptingFillsInAndRecords() {
    Browser browser = erika();
    int sharedBefore =
        Browser.page(browser.get("/konto/datenschutz")).select(".sharing-item").size();

    HttpResponse<String> consent = AntragForms.start(browser, "hundesteuer");
    assertThat(consent.uri().getPath()).endsWith("/daten");
    Document page = Browser.page(consent);
    assertThat(page.text()).contains("Stadt Erfurt", "Mustermann", "erika.mustermann@example.org");
    assertThat(page.select("dt").eachText()).contains("Familienname", "E-Mail-Adresse");
    // Dates as people in Germany write them, not as stored.
    assertThat(page.text()).contains("12.08.1964").doesNotContain("1964-08-12");

    HttpResponse<String> first =
        browser.follow(
            browser.submit(
                consent.uri().getPath(), Browser.csrf(page), Map.of("decision", "uebernehmen")));
    String base = first.uri().getPath().replaceAll("/schritt/.*$", "");
    HttpResponse<String> halter = browser.get(base + "/schritt/halter");
    Document owner = Browser.page(halter);
    assertThat(owner.select("#f-familienname").val()).isEqualTo("Mustermann");
    assertThat(owner.select("#f-email").val()).isEqualTo("erika.mustermann@example.org");

    Document cockpit = Browser.page(browser.get("/konto/datenschutz"));
    assertThat(cockpit.select(".sharing-item")).hasSize(sharedBefore + 1);
    assertThat(cockpit.select(".sharing-item").first().text())
        .contains(
            "Hundesteuer", "Stadt Erfurt", "Familienname", "E-Mail-Adresse des Servicekontos");
  }

  @Test
  void decliningFillsInNothingAndRecordsNothing() {
    Browser browser = erika();
    int sharedBefore =
        Browser.page(browser.get("/konto/datenschutz")).select(".sharing-item").size();

    HttpResponse<String> consent = AntragForms.start(browser, "hundesteuer");
    HttpResponse<String> first =
        browser.follow(
            browser.submit(
                consent.uri().getPath(),
                Browser.csrf(Browser.page(consent)),
                Map.of("decision", "leer")));
    String base = first.uri().getPath().replaceAll("/schritt/.*$", "");

    assertThat(Browser.page(browser.get(base + "/schritt/halter")).select("#f-familienname").val())
        .isEmpty();
    assertThat(Browser.page(browser.get("/konto/datenschutz")).select(".sharing-item"))
        .hasSize(sharedBefore);
  }

  @Test
  void aStrangerIsSentToTheLoginNotIntoTheDraft() {
    Browser browser = erika();
    HttpResponse<String> consent = AntragForms.start(browser, "hundesteuer");

    // As on the draft's step pages (ADR 0026): the login, which opens the draft to its owner only.
    HttpResponse<String> refused = browser().get(consent.uri().getPath());
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/konto/anmelden");
    assertThat(refused.body()).doesNotContain("Mustermann");
  }
}
