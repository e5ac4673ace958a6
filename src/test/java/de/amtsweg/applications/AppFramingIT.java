package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A tenant's websites may frame its Antrags-Apps, and nothing else (#18): the demo's Stadt Erfurt
 * allows pages on this machine, Stadt Jena allows none.
 */
class AppFramingIT extends AmtswegIT {

  private static final String ERFURT_FRAMING =
      "frame-ancestors 'self' http://localhost:* http://127.0.0.1:*;";

  @Test
  void erfurtsAppPagesMayBeFramedByErfurtsWebsitesFromTheDeepLinkToTheSteps() {
    Browser citizen = browser();
    HttpResponse<String> start = citizen.get("/antrag/hundesteuer?ars=160510000000");

    assertFramableByErfurt(start);
    Document page = Browser.page(start);
    HttpResponse<String> begun =
        citizen.submit("/antrag/hundesteuer", Browser.csrf(page), Map.of());
    assertThat(begun.statusCode()).isEqualTo(302);
    assertFramableByErfurt(begun);
    HttpResponse<String> step = citizen.follow(begun);
    assertThat(step.statusCode()).isEqualTo(200);
    assertThat(step.uri().getPath()).matches("/antrag/hundesteuer/[0-9a-f-]{36}/schritt/.+");
    assertFramableByErfurt(step);
    // The start page again, now from the chosen place without ?ars=.
    assertFramableByErfurt(citizen.get("/antrag/hundesteuer"));
  }

  @Test
  void jenasAppAndPagesOutsideTheAppsCannotBeFramed() {
    assertNotFramable(browser().get("/antrag/hundesteuer?ars=160530000000"));
    assertNotFramable(browser().get("/antrag/hundesteuer"));
    assertNotFramable(browser().get("/"));
    assertNotFramable(browser().get("/leistungen"));
    // The place does not open other pages: only the app's own.
    Browser visitor = browser();
    visitor.get("/antrag/hundesteuer?ars=160510000000");
    assertNotFramable(visitor.get("/leistungen"));
  }

  private static void assertFramableByErfurt(HttpResponse<String> response) {
    String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains(ERFURT_FRAMING, "default-src 'self'", "script-src 'self'", "object-src 'none'")
        .doesNotContain("frame-ancestors 'none'");
    assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
  }

  private static void assertNotFramable(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }
}
