package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live search on /leistungen in Chromium: a screen reader hears how many hits there are, not
 * the whole list; the page passes axe with JavaScript on and off.
 */
class ServiceSearchPageIT extends AmtswegIT {

  @Test
  void theLiveSearchAnnouncesTheCountNotTheList() {
    try (AxeBrowser browser = AxeBrowser.start(URI.create("http://localhost:" + port))) {
      browser.open("/leistungen").fill("q", "Hundesteuer");
      browser.waitFor("#service-results a[href*='/leistungen/']");
      WebDriver driver = browser.driver();
      new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !status(d).isBlank());

      assertThat(status(driver)).matches("\\d+ Treffer für „Hundesteuer“");
      var region = driver.findElement(By.id("service-search-status"));
      assertThat(region.getAttribute("aria-live")).isEqualTo("polite");
      assertThat(region.getAttribute("role")).isEqualTo("status");
      // The list itself is outside every live region.
      assertThat(
              driver.findElements(
                  By.cssSelector("[aria-live] #service-results, #service-results[aria-live]")))
          .isEmpty();
      assertThat(driver.findElements(By.cssSelector("[aria-live] .service-list"))).isEmpty();
      browser.assertNoViolations();
    }
    try (AxeBrowser browser =
        AxeBrowser.startWithoutJavaScript(URI.create("http://localhost:" + port))) {
      browser.assertNoViolationsOn(List.of("/leistungen", "/leistungen?q=Hundesteuer"));
      assertThat(browser.text()).contains("Treffer für „Hundesteuer“");
    }
  }

  private static String status(WebDriver driver) {
    return driver.findElement(By.id("service-search-status")).getAttribute("textContent").strip();
  }
}
