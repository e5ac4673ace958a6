package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.catalog.VerbundObjects.Kind;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages of responsibility as data pass axe-core's WCAG 2.x A/AA rules in a real Chromium, with
 * JavaScript on and off: a Leistung answered from data (with the office's contact card), by a rule
 * ("vermutlich zuständig") and not at all (onward links), search results with another provider's
 * service, the operator's Verbund page and the municipality's self-check.
 */
class VerbundAccessibilityIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";

  @Autowired VerbundObjects objects;

  @Test
  void responsibilityPagesWithAndWithoutJavaScript() {
    objects.save(
        new VerbundObjects.Onlinedienst(
            "a11ytest:wohngeld",
            "a11ytest",
            "Wohngeld online beantragen",
            "Landesportal Thüringen",
            "https://wohngeld.example.org/antrag",
            VerbundObjects.LinkStatus.UNCHECKED));
    objects.save(
        new VerbundObjects.Zustaendigkeitseintrag(
            "a11ytest:wohngeld-th",
            "a11ytest",
            "99107023000000",
            "160000000000",
            null,
            "a11ytest:wohngeld",
            VerbundObjects.Rolle.ONLINEDIENST));
    URI base = URI.create("http://localhost:" + port);
    try {
      for (boolean javaScript : List.of(true, false)) {
        try (AxeBrowser browser =
            javaScript ? AxeBrowser.start(base) : AxeBrowser.startWithoutJavaScript(base)) {
          browser.open("/ort?q=99084").submit("form:has(input[name=ars][value='" + ERFURT + "'])");
          // DATA: the seeded Justizprüfungsamt with its contact card.
          browser.assertNoViolations("/leistungen/99019035000000");
          assertThat(browser.has(".responsible .contact-details")).as("contact card").isTrue();
          // RULE: Wohngeld in Erfurt, presumed.
          browser.assertNoViolations("/leistungen/99107023000000");
          assertThat(browser.has(".responsible__presumed")).as("presumed").isTrue();
          // UNKNOWN: nobody named, onward links.
          browser.assertNoViolations("/leistungen/99019034000000");
          assertThat(browser.has(".responsible__onward a")).as("onward links").isTrue();
          // Search results with another provider's service (through the exit page).
          browser.assertNoViolations("/leistungen?q=Wohngeld");
          assertThat(browser.has(".service-hit__providers a[href^='/weiter/']"))
              .as("another provider's service")
              .isTrue();

          browser.signInStaff("verwaltung-erfurt", DEMO_PASSWORD);
          browser.assertNoViolations("/verwaltung/portalverbund");
          assertThat(browser.has("#selfcheck")).as("self-check table").isTrue();
          browser.windowSize(320, 900).assertNoViolations("/verwaltung/portalverbund");
          browser.windowSize(1280, 900);

          browser.forgetSession().signInStaff("betrieb", DEMO_PASSWORD);
          browser.assertNoViolationsOn(
              List.of("/admin/katalog/verbund", "/admin/katalog/verbund?quelle=seed"));
        }
      }
    } finally {
      objects.delete(Kind.ONLINEDIENST, "a11ytest:wohngeld");
    }
  }
}
