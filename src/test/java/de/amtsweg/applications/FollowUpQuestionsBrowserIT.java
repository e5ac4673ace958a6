package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium, a follow-up question appears while the person goes on typing, and nothing typed is
 * lost: with a slow connection (600 ms per request) the page asks the server which questions a
 * choice shows, and takes only those questions from the answer. Without JavaScript the follow-up
 * question is asked after "Weiter" before it is ever reported missing. The step counter says
 * "Schritt 3" whatever later answers add.
 */
class FollowUpQuestionsBrowserIT extends AmtswegIT {

  private static final String DOG = "hunde[0].";

  @Autowired Drafts drafts;

  @Test
  void typingWhileASlowConditionalUpdateIsInFlightLosesNothing() throws Exception {
    try (AxeBrowser browser = AxeBrowser.start(URI.create("http://localhost:" + port))) {
      UUID draft = toTheDogStep(browser);
      slowNetwork(browser, 600);

      // "Andere Rasse" shows "Welche Rasse?": an update goes to the server ...
      new Select(browser.driver().findElement(By.name(DOG + "rasse"))).selectByValue("andere");
      WebElement colour = browser.driver().findElement(By.name(DOG + "farbe"));
      colour.click();
      boolean inFlightWhileTyping = false;
      // ... and meanwhile the person types, at a human pace, into another question.
      for (char c : "schwarz-weiß".toCharArray()) {
        colour.sendKeys(String.valueOf(c));
        inFlightWhileTyping |= !regionShown(browser, "f-hunde-0-rasseAndere");
        Thread.sleep(80);
      }
      new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
          .until(d -> regionShown(browser, "f-hunde-0-rasseAndere"));

      assertThat(inFlightWhileTyping).as("the update was still on its way while typing").isTrue();
      assertThat(colour.getAttribute("value"))
          .as("the same input, with every character")
          .isEqualTo("schwarz-weiß");
      assertThat(browser.driver().switchTo().activeElement().getAttribute("name"))
          .as("the focus stays where the person types")
          .isEqualTo(DOG + "farbe");
      assertThat(browser.text()).contains("Welche Rasse?");

      browser.fill(DOG + "rasseAndere", "Elo");
      browser.driver().findElement(By.cssSelector("label[for='f-hunde-0-geschlecht']")).click();
      browser.fill(DOG + "name", "Bello");
      date(browser, DOG + "wurfdatum", "2023-04-01");
      date(browser, DOG + "haltungsbeginn", "2024-06-01");
      browser.driver().findElement(By.cssSelector("#f-hunde-0-listenhund-false")).click();
      browser.assertNoViolations();
      browser.click("#step-form button[value=weiter]");

      assertThat(browser.currentPath()).endsWith("/schritt/befreiung");
      Map<?, ?> dog = (Map<?, ?>) ((List<?>) drafts.get(draft).answers().get("hunde")).getFirst();
      assertThat(dog.get("farbe")).as("stored").isEqualTo("schwarz-weiß");
      assertThat(dog.get("rasseAndere")).isEqualTo("Elo");
    }
  }

  @Test
  void withoutJavaScriptAFollowUpIsAskedBeforeItIsMissed() {
    try (AxeBrowser browser =
        AxeBrowser.startWithoutJavaScript(URI.create("http://localhost:" + port))) {
      toTheDogStep(browser);
      assertThat(browser.text()).contains("Schritt 3").doesNotContain("von");

      new Select(browser.driver().findElement(By.name(DOG + "rasse")))
          .selectByValue("pitbull-terrier");
      browser.driver().findElement(By.cssSelector("label[for='f-hunde-0-geschlecht']")).click();
      browser.fill(DOG + "name", "Rex");
      date(browser, DOG + "wurfdatum", "2023-04-01");
      date(browser, DOG + "haltungsbeginn", "2024-06-01");
      browser.driver().findElement(By.cssSelector("#f-hunde-0-listenhund-false")).click();
      browser.click("#step-form button[value=weiter]");

      // The breed answers "Listenhund?", and the permit it needs is asked, not reported missing.
      assertThat(browser.currentPath()).endsWith("/schritt/hunde");
      assertThat(browser.has("input[type=file][name='hunde[0].erlaubnis']")).isTrue();
      assertThat(browser.has("[name='hunde[0].listenhund']")).isFalse();
      assertThat(browser.has("#error-summary")).isFalse();
      assertThat(browser.text())
          .contains("weitere Fragen", "Erlaubnis zur Haltung eines gefährlichen Hundes")
          .contains("Schritt 3");
      browser.assertNoViolations();

      browser.click("#step-form button[value=weiter]");
      assertThat(browser.text())
          .contains("Laden Sie die Erlaubnis zur Haltung eines gefährlichen Hundes hoch");
      browser.assertNoViolations();
    }
  }

  /** Erfurt, "Einen Hund anmelden", the owner's page: arrives on the dog step. */
  private UUID toTheDogStep(AxeBrowser browser) {
    browser.open("/ort?q=99084&zurueck=/antrag/hundesteuer");
    browser.submit("form[action='/ort'][method=post]");
    browser.click("form[action='/antrag/hundesteuer'] button");
    assertThat(browser.currentPath()).endsWith("/schritt/anliegen");
    assertThat(browser.text()).contains("Schritt 1").doesNotContain("Schritt 1 von");

    browser.click("#step-form button[value=weiter]");
    assertThat(browser.text())
        .as("the question's own error message")
        .contains("Wählen Sie aus, ob Sie einen Hund an- oder abmelden");

    browser.driver().findElement(By.cssSelector("label[for='f-anliegen']")).click();
    browser.click("#step-form button[value=weiter]");
    assertThat(browser.currentPath()).endsWith("/schritt/halter");
    browser.fill("vorname", "Erika");
    browser.fill("familienname", "Mustermann");
    date(browser, "geburtsdatum", "1964-08-12");
    browser.fill("anschrift.street", "Fischmarkt");
    browser.fill("anschrift.houseNumber", "1");
    browser.fill("anschrift.postcode", "99084");
    browser.fill("anschrift.city", "Erfurt");
    browser.fill("email", "erika@example.org");
    assertThat(browser.driver().findElement(By.name("vorname")).getDomAttribute("autocomplete"))
        .isEqualTo("given-name");
    assertThat(
            browser.driver().findElement(By.name("geburtsdatum")).getDomAttribute("autocomplete"))
        .isEqualTo("bday");
    assertThat(
            browser
                .driver()
                .findElement(By.name("anschrift.houseNumber"))
                .getDomAttribute("autocomplete"))
        .as("no token, but never off")
        .isNull();
    browser.click("#step-form button[value=weiter]");
    assertThat(browser.currentPath()).endsWith("/schritt/hunde");
    assertThat(browser.driver().findElement(By.name(DOG + "name")).getDomAttribute("autocomplete"))
        .as("the dog's name is not the applicant's")
        .isNull();
    String path = browser.currentPath();
    return UUID.fromString(path.split("/")[3]);
  }

  /** A date input gets its value as the browser's date picker would set it. */
  private static void date(AxeBrowser browser, String name, String iso) {
    ((ChromeDriver) browser.driver())
        .executeScript(
            "arguments[0].value = arguments[1]", browser.driver().findElement(By.name(name)), iso);
  }

  /** Every request takes this long, as on a poor mobile connection. */
  private static void slowNetwork(AxeBrowser browser, int latencyMillis) {
    ChromeDriver chrome = (ChromeDriver) browser.driver();
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of(
            "offline",
            false,
            "latency",
            latencyMillis,
            "downloadThroughput",
            -1,
            "uploadThroughput",
            -1));
  }

  private static boolean regionShown(AxeBrowser browser, String inputId) {
    List<WebElement> region = browser.driver().findElements(By.id("r-" + inputId));
    return !region.isEmpty() && "true".equals(region.getFirst().getAttribute("data-shown"));
  }
}
