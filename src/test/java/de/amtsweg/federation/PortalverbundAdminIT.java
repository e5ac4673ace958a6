package de.amtsweg.federation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operator sees the sources with their last imports and imports one now; the page passes axe
 * with JavaScript on and off.
 */
class PortalverbundAdminIT extends AmtswegIT {

  @Test
  void theOperatorImportsTheDemoSourceNowAndSeesTheReport() {
    for (boolean javaScript : List.of(true, false)) {
      URI base = URI.create("http://localhost:" + port);
      try (AxeBrowser browser =
          javaScript ? AxeBrowser.start(base) : AxeBrowser.startWithoutJavaScript(base)) {
        browser.signInStaff("betrieb", DEMO_PASSWORD);
        List<String> failures = new ArrayList<>();

        browser.open("/admin/portalverbund");
        assertThat(browser.text()).contains("Quelle „bund-demo“", "vollständig");
        failures.addAll(browser.violations());

        browser.submit("form[action$='/admin/portalverbund/bund-demo/importieren']");

        assertThat(browser.currentPath()).isEqualTo("/admin/portalverbund");
        assertThat(browser.text()).contains("Import aus „bund-demo“ beendet: vollständig.");
        failures.addAll(browser.violations());
        browser.assertNone(failures, "the Portalverbund page, JavaScript " + javaScript);
      }
    }
  }
}
