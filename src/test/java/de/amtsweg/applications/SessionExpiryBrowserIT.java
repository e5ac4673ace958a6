package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * In Chromium, with a session of 20 seconds (Spring Session counts in seconds; Tomcat's own
 * sessions would round to minutes) and the warning 12 seconds before: an anonymous Hundesteuer
 * Antrag warns before the session runs out, "Sitzung verlängern" extends it, typing keeps it alive,
 * and after it ran out the page sent is kept and the draft comes back; a Postfach reply typed when
 * the session ran out is back in its form after the next login (WCAG 2.2.1, ADR 0026).
 */
@TestPropertySource(
    properties = {"server.servlet.session.timeout=20s", "amtsweg.session.warning-before=12s"})
class SessionExpiryBrowserIT extends AmtswegIT {

  private static final String ERIKA = "erika.mustermann@example.org";

  @Autowired JdbcClient jdbc;
  @Autowired Postfach postfach;

  @Test
  void theWarningExtendsTheSessionAndAfterItRanOutTheTypedPageComesBack() throws Exception {
    try (AxeBrowser browser = AxeBrowser.start(URI.create("http://localhost:" + port))) {
      WebDriver driver = browser.driver();
      browser.open("/ort?q=99084&zurueck=/antrag/hundesteuer");
      browser.submit("form[action='/ort'][method=post]");
      browser.submit("main form[action='/antrag/hundesteuer']");
      driver.findElement(By.cssSelector("input[name=anliegen][value=anmeldung]")).click();
      // The choice updates the form through htmx: wait for it before pressing "Weiter".
      Thread.sleep(1500);
      wait(driver, 10)
          .until(
              d ->
                  Boolean.TRUE.equals(
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "return document.querySelectorAll('.htmx-request').length === 0")));
      browser.click("#step-form button[value=weiter]");
      assertThat(browser.currentPath()).endsWith("/schritt/halter");
      assertThat(
              driver
                  .findElement(By.cssSelector("meta[name=amtsweg-session-timeout]"))
                  .getAttribute("content"))
          .as("the timeout comes from the server, in seconds")
          .isEqualTo("20");

      driver.findElement(By.name("vorname")).sendKeys("Erika");
      WebElement dialog = awaitDialog(driver, "Ihre Sitzung läuft bald ab");
      assertThat(dialog.getAttribute("role")).isEqualTo("alertdialog");
      assertThat(driver.switchTo().activeElement().getAttribute("data-session-extend"))
          .as("focus on „Sitzung verlängern“")
          .isNotNull();
      browser.assertNoViolations();

      long beforeExtension = expiry(driver);
      driver.findElement(By.cssSelector("[data-session-extend]")).click();
      wait(driver, 5).until(d -> !dialog.isDisplayed());
      assertThat(expiry(driver)).as("extended on the server").isGreaterThan(beforeExtension);
      assertThat(driver.switchTo().activeElement().getAttribute("name"))
          .as("focus back in the field")
          .isEqualTo("vorname");
      // The live region gets its text a moment after the dialog closes, so that it is announced.
      wait(driver, 5)
          .until(
              d ->
                  "Ihre Sitzung wurde verlängert."
                      .equals(d.findElement(By.id("session-status")).getAttribute("textContent")));

      // Typing keeps the session alive (at most every 5 seconds with a 20-second session).
      long beforeTyping = expiry(driver);
      WebElement familyName = driver.findElement(By.name("familienname"));
      for (char c : "Musterfrau".toCharArray()) {
        familyName.sendKeys(String.valueOf(c));
        Thread.sleep(700);
      }
      assertThat(expiry(driver)).as("typing extended the session").isGreaterThan(beforeTyping);

      // Now nobody types: the warning, then the session runs out.
      awaitDialog(driver, "Ihre Sitzung ist abgelaufen");
      assertThat(driver.findElement(By.cssSelector("[data-session-extend]")).isDisplayed())
          .isFalse();
      browser.assertNoViolations();
      Thread.sleep(2000); // the server's clock has run out, too
      driver.findElement(By.cssSelector("[data-session-close]")).click();
      browser.click("#step-form button[value=weiter]");

      assertThat(browser.currentPath()).isEqualTo("/antrag/sitzung-abgelaufen");
      assertThat(browser.text()).contains("Ihre Sitzung ist abgelaufen", "sind gespeichert");
      browser.assertNoViolations();

      browser.click("#expired-continue");
      assertThat(browser.currentPath()).endsWith("/schritt/halter");
      assertThat(driver.findElement(By.name("vorname")).getAttribute("value")).isEqualTo("Erika");
      assertThat(driver.findElement(By.name("familienname")).getAttribute("value"))
          .isEqualTo("Musterfrau");
    }
    try (AxeBrowser withoutJs =
        AxeBrowser.startWithoutJavaScript(URI.create("http://localhost:" + port))) {
      withoutJs.assertNoViolations("/antrag/sitzung-abgelaufen");
      assertThat(withoutJs.text()).contains("Ihre Sitzung ist abgelaufen");
    }
  }

  @Test
  void aPostfachReplyTypedWhenTheSessionRanOutIsBackAfterTheNextLogin() throws Exception {
    UUID account =
        jdbc.sql("select id from account where email = ?").param(ERIKA).query(UUID.class).single();
    UUID message =
        postfach.deliver(
            account,
            new Postfach.NewMessage(
                PostfachMessage.Kind.QUESTION,
                "160510000000",
                "Stadt Erfurt",
                null,
                "Rückfrage zur Hundesteuer",
                "Seit wann halten Sie den Hund?",
                List.of()));
    String reply = "Seit dem 1. März, er heißt Bello.";

    try (AxeBrowser browser = AxeBrowser.start(URI.create("http://localhost:" + port))) {
      WebDriver driver = browser.driver();
      browser.logInCitizen(ERIKA, DEMO_PASSWORD);
      browser.open("/konto/postfach/" + message);
      driver.findElement(By.name("text")).sendKeys(reply);

      awaitDialog(driver, "Ihre Sitzung ist abgelaufen");
      browser.click("[data-session-login]");
      assertThat(browser.currentPath()).isEqualTo("/konto/anmelden");
      browser.submit(Map.of("email", ERIKA, "password", DEMO_PASSWORD));

      assertThat(browser.currentPath()).isEqualTo("/konto/postfach/" + message);
      assertThat(driver.findElement(By.name("text")).getAttribute("value")).isEqualTo(reply);
      assertThat(driver.findElement(By.id("session-status")).getAttribute("textContent"))
          .isEqualTo("Ihr zuvor eingegebener Text wurde wiederhergestellt.");
    }

    // Without JavaScript: the reply sent after the timeout is shown for copying, not lost.
    try (AxeBrowser browser =
        AxeBrowser.startWithoutJavaScript(URI.create("http://localhost:" + port))) {
      browser.logInCitizen(ERIKA, DEMO_PASSWORD);
      browser.open("/konto/postfach/" + message);
      Thread.sleep(21_000);
      browser.submit(Map.of("text", reply));
      assertThat(browser.text()).contains("Ihre Sitzung ist abgelaufen", "Ihr Text");
      assertThat(browser.driver().findElement(By.id("kept-text-0")).getAttribute("value"))
          .isEqualTo(reply);
      browser.assertNoViolations();
      browser.click("#login-again");
      assertThat(browser.currentPath()).isEqualTo("/konto/anmelden");
    }
  }

  private static WebElement awaitDialog(WebDriver driver, String title) {
    return wait(driver, 40)
        .until(
            d -> {
              WebElement dialog = d.findElement(By.id("session-dialog"));
              return dialog.isDisplayed()
                      && title.equals(d.findElement(By.id("session-dialog-title")).getText())
                  ? dialog
                  : null;
            });
  }

  private static WebDriverWait wait(WebDriver driver, int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds));
  }

  /** When the browser's session runs out on the server, in epoch milliseconds. */
  private long expiry(WebDriver driver) {
    Cookie cookie = driver.manage().getCookieNamed("AMTSWEG_SESSION");
    String id = new String(Base64.getDecoder().decode(cookie.getValue()));
    return jdbc.sql("select expiry_time from spring_session where session_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }
}
