package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
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
 * and after it ran out the page sent is kept and the draft comes back (WCAG 2.2.1, ADR 0026).
 */
@TestPropertySource(
    properties = {"server.servlet.session.timeout=20s", "amtsweg.session.warning-before=12s"})
class SessionExpiryBrowserIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;

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
      assertThat(driver.findElement(By.id("session-status")).getAttribute("textContent"))
          .isEqualTo("Ihre Sitzung wurde verlängert.");

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
