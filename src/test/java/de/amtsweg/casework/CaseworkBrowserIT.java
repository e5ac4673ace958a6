package de.amtsweg.casework;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.AccountManagement;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 6, "done when": a caseworker completes an Antrag end to end in a real browser (open, ask a
 * question, read the answer, send a Bescheid), and the citizen sees each step on the timeline and
 * in the Postfach. Once with JavaScript, once without; axe-core checks every page on the way.
 */
class CaseworkBrowserIT extends AmtswegIT {

  private static final String CASEWORKER = "sachbearbeitung-gotha";

  @Autowired AntragManagement antraege;
  @Autowired AppStore store;
  @Autowired AccountManagement accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aCaseworkerCompletesAnAntragEndToEndWithJavaScript() {
    try (AxeBrowser browser = AxeBrowser.start(base())) {
      completeCase(browser, "Rocky");
    }
  }

  @Test
  void andWithoutJavaScript() {
    try (AxeBrowser browser = AxeBrowser.startWithoutJavaScript(base())) {
      completeCase(browser, "Struppi");
    }
  }

  @Test
  void theAdminPagesOfTheCaseInboxAreAccessible() {
    try (AxeBrowser browser = AxeBrowser.startWithoutJavaScript(base())) {
      browser.signInStaff("verwaltung-gotha", DEMO_PASSWORD);
      browser.assertNoViolationsOn(
          List.of(
              "/verwaltung/vorgaenge",
              "/verwaltung/vorgaenge?von=gestern",
              "/verwaltung/vorgaenge/vorlagen",
              "/verwaltung/vorgaenge/vorlagen/hundesteuer",
              "/verwaltung/protokoll"));
      browser
          .open("/verwaltung/vorgaenge/vorlagen/hundesteuer")
          .fill("body", "{{unbekannt}}")
          .submit("main form[novalidate]");
      assertThat(browser.has("#error-summary")).isTrue();
      browser.assertNoViolations();
    }
  }

  private void completeCase(AxeBrowser browser, String dog) {
    CaseFixtures fixtures = new CaseFixtures(antraege, store, accounts, jdbc);
    CaseFixtures.Citizen citizen = fixtures.citizen();
    String reference = fixtures.from(citizen, CaseFixtures.GOTHA, dog);
    String casePath = "/verwaltung/vorgaenge/" + reference;

    // The caseworker lands in the inbox, opens the case, takes it and asks a question.
    browser.signInStaff(CASEWORKER, DEMO_PASSWORD);
    assertThat(browser.currentPath()).isEqualTo("/verwaltung/vorgaenge");
    browser.assertNoViolations();
    browser.click("a[href='" + casePath + "']");
    assertThat(browser.currentPath()).isEqualTo(casePath);
    assertThat(browser.text()).contains(dog, "Erika Mustermann", "Bei der Behörde eingegangen");
    browser.assertNoViolations();
    // Status, assignment and actions beside the Antrag on a desktop, above it on a phone.
    Rectangle side = rect(browser, "#case-side");
    Rectangle main = rect(browser, ".case-layout__main");
    assertThat(side.getX()).isGreaterThan(main.getX() + main.getWidth() - 1);
    assertThat(side.getY()).isLessThan(main.getY() + 50);
    browser.windowSize(390, 844).open(casePath);
    side = rect(browser, "#case-side");
    main = rect(browser, ".case-layout__main");
    assertThat(side.getY() + side.getHeight()).isLessThanOrEqualTo(main.getY());
    assertThat(side.getX()).isEqualTo(main.getX());
    browser.assertNoViolations();
    browser.windowSize(1280, 1024).open(casePath);
    browser.submit("#assign-me");
    assertThat(text(browser, "#case-assignee")).isEqualTo("Sachbearbeitung gotha (Demo)");
    browser.submit("#change-status");
    assertThat(text(browser, "#case-status")).isEqualTo("In Bearbeitung");
    browser.submit("#ask");
    assertThat(browser.has("#error-summary")).as("an empty question").isTrue();
    browser.assertNoViolations();
    browser
        .fill("frage", "Ist " + dog + " gechippt? Bitte nennen Sie die Chipnummer.")
        .submit("#ask");
    assertThat(text(browser, "#case-status")).isEqualTo("Rückfrage der Behörde");
    browser.assertNoViolations();

    // The citizen sees the question on the timeline, follows it to the Postfach and answers.
    browser.forgetSession().logInCitizen(citizen.email(), CaseFixtures.PASSWORD);
    browser.open("/konto/antraege/" + reference).assertNoViolations();
    assertThat(timeline(browser))
        .anySatisfy(e -> assertThat(e).contains("Die Behörde hat eine Rückfrage"));
    browser.click(".timeline a[href^='/konto/postfach/']");
    assertThat(browser.text()).contains("Ist " + dog + " gechippt?");
    browser.fill("text", "Ja, Chipnummer 276098106543210.").submit("form[action$='/antwort']");

    // The caseworker reads the answer and sends the Bescheid.
    browser.forgetSession().signInStaff(CASEWORKER, DEMO_PASSWORD).open(casePath);
    assertThat(text(browser, ".case-question")).contains("Ja, Chipnummer 276098106543210.");
    browser.click("#create-bescheid");
    browser.assertNoViolations();
    assertThat(browser.driver().findElement(By.id("text")).getAttribute("value"))
        .contains(reference, "Erika Mustermann");
    browser.fill(
        "text",
        browser.driver().findElement(By.id("text")).getAttribute("value")
            + "\n\nDie Hundesteuer für "
            + dog
            + " beträgt 60 Euro im Jahr.");
    browser.click("button[value=vorschau]");
    assertThat(text(browser, "#bescheid-preview")).contains("60 Euro im Jahr");
    browser.click("#send-bescheid");
    assertThat(browser.currentPath()).isEqualTo(casePath);
    assertThat(text(browser, "#case-status")).isEqualTo("Beschieden");
    assertThat(browser.has("#bescheide a")).isTrue();
    browser.assertNoViolations();

    // The citizen sees every step with its date, and the Bescheid in the Postfach.
    browser
        .forgetSession()
        .logInCitizen(citizen.email(), CaseFixtures.PASSWORD)
        .open("/konto/antraege/" + reference);
    List<String> timeline = timeline(browser);
    List<String> expected =
        List.of(
            "Antrag eingegangen",
            "An die Behörde übermittelt",
            "Bei der Behörde eingegangen",
            "Die Behörde bearbeitet Ihren Antrag",
            "Die Behörde hat eine Rückfrage",
            "Sie haben auf die Rückfrage geantwortet",
            "Die Behörde hat entschieden (Bescheid)");
    assertThat(timeline).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(timeline.get(i))
          .matches(
              "(?s)\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d: "
                  + java.util.regex.Pattern.quote(expected.get(i))
                  + ".*");
    }
    browser.assertNoViolations();
    List<WebElement> links =
        browser.driver().findElements(By.cssSelector(".timeline a[href^='/konto/postfach/']"));
    assertThat(links).hasSize(2);
    browser.driver().get(links.get(1).getAttribute("href"));
    assertThat(browser.text())
        .contains("Bescheid zu Ihrem Antrag " + reference, "Bescheid-" + reference + ".pdf");
    browser.open("/konto/postfach");
    assertThat(browser.text()).contains("Bescheid zu Ihrem Antrag " + reference);
  }

  private static Rectangle rect(AxeBrowser browser, String css) {
    return browser.driver().findElement(By.cssSelector(css)).getRect();
  }

  private static String text(AxeBrowser browser, String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
  }

  private static List<String> timeline(AxeBrowser browser) {
    return browser.driver().findElements(By.cssSelector(".timeline li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private URI base() {
    return URI.create("http://localhost:" + port);
  }
}
