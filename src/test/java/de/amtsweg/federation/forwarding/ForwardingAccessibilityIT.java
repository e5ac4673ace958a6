package de.amtsweg.federation.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.catalog.VerbundObjects;
import de.amtsweg.catalog.VerbundObjects.Kind;
import de.amtsweg.catalog.VerbundObjects.LinkStatus;
import de.amtsweg.catalog.VerbundObjects.Onlinedienst;
import de.amtsweg.catalog.VerbundObjects.Rolle;
import de.amtsweg.catalog.VerbundObjects.Zustaendigkeitseintrag;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages of forwarding, federated search and deep links pass the axe checks with JavaScript on
 * and off: the exit page and its refusals, the search page with the peers' section, the start page
 * of a deep link to a place without the app, and the operator page.
 */
class ForwardingAccessibilityIT extends AmtswegIT {

  private static final String SOURCE = "test-a11y";
  private static final String SERVICE = SOURCE + ":kindergeld";

  private static final List<String> PAGES =
      List.of(
          "/weiter/test-a11y%3Akindergeld?leistung=99041008000000&ars=160510000000",
          "/weiter?url=https://evil.example/",
          "/weiter/test-a11y%3Akindergeld?leistung=99102013000000&ars=160510000000",
          "/weiter/test-a11y%3Akindergeld",
          "/leistungen?q=Kindergeld",
          "/antrag/hundesteuer?ars=160550000000");

  @Autowired VerbundObjects objects;

  @BeforeEach
  void aServiceOfAnotherProvider() {
    objects.save(
        new Onlinedienst(
            SERVICE,
            SOURCE,
            "Kindergeld online beantragen",
            "Familienkasse der Bundesagentur für Arbeit",
            "https://www.arbeitsagentur.de/familie-und-kinder/kindergeld",
            LinkStatus.UNCHECKED));
    objects.save(
        new Zustaendigkeitseintrag(
            SOURCE + ":kindergeld-de",
            SOURCE,
            "99041008000000",
            VerbundObjects.GERMANY,
            null,
            SERVICE,
            Rolle.ONLINEDIENST));
  }

  @AfterEach
  void forget() {
    objects.delete(Kind.ONLINEDIENST, SERVICE);
  }

  @Test
  void withAndWithoutJavaScript() {
    URI base = URI.create("http://localhost:" + port);
    try (AxeBrowser withJs = AxeBrowser.start(base);
        AxeBrowser withoutJs = AxeBrowser.startWithoutJavaScript(base)) {
      assertThat(withJs.open(PAGES.getFirst()).has("#exit-go")).isTrue();
      withJs.assertNoViolationsOn(PAGES);
      withoutJs.assertNoViolationsOn(PAGES);

      withJs.signInStaff("betrieb", DEMO_PASSWORD);
      withJs.assertNoViolations("/admin/verbund/weiterleitung");
      withoutJs.signInStaff("betrieb", DEMO_PASSWORD);
      assertThat(withoutJs.open("/admin/verbund/weiterleitung").has("#link-states")).isTrue();
      withoutJs.assertNoViolations("/admin/verbund/weiterleitung");
    }
  }
}
