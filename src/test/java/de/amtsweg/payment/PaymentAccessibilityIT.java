package de.amtsweg.payment;

import static de.amtsweg.payment.PaymentFixtures.ERFURT;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payment pages — the test payment service the payer sees, the caseworkers' list, detail with
 * the refund form, and the settings — pass axe-core's WCAG 2.x A/AA rules in a real Chromium, with
 * JavaScript on and off, also with error summaries shown.
 */
class PaymentAccessibilityIT extends AmtswegIT {

  @Autowired Payments payments;

  @Test
  void thePayersAndTheCaseworkersPagesWithAndWithoutJavaScript() {
    URI base = URI.create("http://localhost:" + port);
    for (boolean javaScript : List.of(true, false)) {
      try (AxeBrowser browser =
          javaScript ? AxeBrowser.start(base) : AxeBrowser.startWithoutJavaScript(base)) {
        Payment open = payments.request(PaymentFixtures.request(ERFURT, 500, 250));
        Payment paying = payments.request(PaymentFixtures.request(ERFURT, 900));
        browser.assertNoViolations(open.payUrl().toString());
        browser.open(paying.payUrl().toString()).submit("#choices");
        assertThat(browser.currentPath()).isEqualTo("/warenkorb/zurueck");
        browser.assertNoViolations(paying.payUrl().toString());
        assertThat(browser.has("#decided")).isTrue();
        browser.assertNoViolations(open.payUrl() + "/verlassen");

        browser.signInStaff("verwaltung-erfurt", "Test-Passwort-2026");
        browser.assertNoViolationsOn(
            List.of(
                "/verwaltung/zahlungen",
                "/verwaltung/zahlungen?status=PAID&suche=EF",
                "/verwaltung/zahlungen/" + open.id(),
                "/verwaltung/zahlungen/einstellungen"));
        browser
            .open("/verwaltung/zahlungen/" + paying.id())
            .submit(Map.of("amount", "viel", "reason", ""));
        assertThat(browser.has("#error-summary")).as("refund errors").isTrue();
        browser.assertNoViolations();
        browser
            .open("/verwaltung/zahlungen/einstellungen")
            .submit(Map.of("kassenzeichenPrefix", "ef-!"));
        assertThat(browser.has("#error-summary")).as("settings errors").isTrue();
        browser.assertNoViolations();
      }
    }
  }
}
