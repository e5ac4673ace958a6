package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * On a 390 px phone the call to action of a service page and of an app's start page is in view
 * without scrolling (issue #16: it sat halfway down a 2,900 px page), and both pages pass axe
 * there.
 */
class StartPagesOnAPhoneIT extends AmtswegIT {

  private static final int WIDTH = 390;
  private static final int HEIGHT = 844;

  private static AxeBrowser phone;

  @BeforeEach
  void startBrowser() {
    if (phone == null) {
      phone = AxeBrowser.start(URI.create("http://localhost:" + port));
    }
    phone.forgetSession();
    phone.windowSize(WIDTH, HEIGHT);
  }

  @AfterAll
  static void closeBrowser() {
    if (phone != null) {
      phone.close();
      phone = null;
    }
  }

  @Test
  void theStartButtonsAreAboveTheFold() {
    phone.open("/ort?q=99084&zurueck=/antrag/meldebescheinigung");
    phone.submit("form[action='/ort'][method=post]");
    assertThat(phone.currentPath()).isEqualTo("/antrag/meldebescheinigung");
    assertThat(bottomOf("form[action='/antrag/meldebescheinigung'] button"))
        .as("the start button of the app's start page")
        .isLessThanOrEqualTo(viewportHeight());
    assertThat(phone.text()).contains("Gebühr für eine einfache Meldebescheinigung: 5,00 €");
    assertThat(phone.text()).doesNotContain("Gebührenbescheid");
    phone.assertNoViolations();

    phone.open("/leistungen/99115004001005");
    assertThat(bottomOf("a[href='/antrag/meldebescheinigung']"))
        .as("the button of the service page")
        .isLessThanOrEqualTo(viewportHeight());
    phone.assertNoViolations();
  }

  private long bottomOf(String css) {
    WebElement element = phone.driver().findElement(By.cssSelector(css));
    Object bottom =
        ((JavascriptExecutor) phone.driver())
            .executeScript("return arguments[0].getBoundingClientRect().bottom;", element);
    return Math.round(((Number) bottom).doubleValue());
  }

  private long viewportHeight() {
    return ((Number)
            ((JavascriptExecutor) phone.driver()).executeScript("return window.innerHeight;"))
        .longValue();
  }
}
