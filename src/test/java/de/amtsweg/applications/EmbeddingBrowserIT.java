package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In Chromium, a municipality's page on another origin ({@code http://127.0.0.1:<port>}, a JDK
 * HttpServer) frames an Antrags-App (#18): Stadt Erfurt allows that origin in the demo, so the
 * frame shows the app ready to start in Erfurt; Stadt Jena allows none, so the browser refuses to
 * show its app there.
 */
class EmbeddingBrowserIT extends AmtswegIT {

  private HttpServer host;

  @BeforeEach
  void startHostPage() throws Exception {
    host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    host.createContext(
        "/",
        exchange -> {
          String ars =
              exchange.getRequestURI().getPath().endsWith("/jena")
                  ? "160530000000"
                  : "160510000000";
          byte[] page =
              ("<!DOCTYPE html><html lang=\"de\"><head><title>Gemeinde</title></head><body>"
                      + "<h1>Website der Gemeinde</h1><iframe id=\"antrag\" title=\"Hundesteuer\""
                      + " width=\"900\" height=\"700\" src=\"http://localhost:"
                      + port
                      + "/antrag/hundesteuer?ars="
                      + ars
                      + "\"></iframe></body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    host.start();
  }

  @AfterEach
  void stopHostPage() {
    host.stop(0);
  }

  @Test
  void erfurtsAppShowsInErfurtsFrameAndJenasIsRefused() {
    String hostBase = "http://127.0.0.1:" + host.getAddress().getPort();
    try (AxeBrowser browser = AxeBrowser.start(URI.create("http://localhost:" + port))) {
      WebDriver driver = browser.driver();

      driver.get(hostBase + "/erfurt");
      String erfurt = frameText(driver);
      assertThat(erfurt).contains("Hundesteuer", "Stadt Erfurt", "Antrag starten");

      driver.get(hostBase + "/jena");
      String jena = frameText(driver);
      // Chromium shows its own error page in place of the refused document.
      assertThat(jena).doesNotContain("Antrag starten").doesNotContain("Stadt Jena");
    }
  }

  private static String frameText(WebDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.id("antrag")).isEmpty());
    driver.switchTo().frame(driver.findElement(By.id("antrag")));
    try {
      new WebDriverWait(driver, Duration.ofSeconds(15))
          .until(d -> !d.findElements(By.tagName("body")).isEmpty());
      // Give a refused frame the same time to (not) show the app.
      try {
        new WebDriverWait(driver, Duration.ofSeconds(5))
            .until(d -> d.findElement(By.tagName("body")).getText().contains("Antrag starten"));
      } catch (org.openqa.selenium.TimeoutException refused) {
        // checked by the caller
      }
      return driver.findElement(By.tagName("body")).getText();
    } finally {
      driver.switchTo().defaultContent();
    }
  }
}
