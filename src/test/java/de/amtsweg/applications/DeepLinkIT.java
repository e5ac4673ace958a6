package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A portal of the Verbund links into an Antrags-App with the place ({@code ?ars=}): the person
 * starts right away where the app is active, and learns where it is offered where it is not.
 */
class DeepLinkIT extends AmtswegIT {

  @Test
  void aDeepLinkStartsInThePlaceWhereTheAppIsActive() {
    Browser citizen = browser();
    HttpResponse<String> landing =
        citizen.get("/antrag/hundesteuer?ars=160510000000&leistung=99102013000000");

    // No redirect: the address keeps the place, so a reload (or a frame without cookies) lands
    // here again.
    assertThat(landing.statusCode()).isEqualTo(200);
    Document page = Browser.page(landing);
    // The first action in the page's main part starts the Antrag.
    org.jsoup.nodes.Element first = page.select("main form[method=post] button").first();
    assertThat(first).isNotNull();
    assertThat(java.util.Objects.requireNonNull(first).text()).isEqualTo("Antrag starten");
    assertThat(java.util.Objects.requireNonNull(first.closest("form")).attr("action"))
        .isEqualTo("/antrag/hundesteuer");
    assertThat(page.text()).contains("Stadt Erfurt");
    assertThat(page.select("#deep-link-unavailable")).isEmpty();
    // Nothing asks for the place: one click leads to step 1, in Erfurt.
    HttpResponse<String> step =
        citizen.follow(citizen.submit("/antrag/hundesteuer", Browser.csrf(page), Map.of()));
    assertThat(step.uri().getPath()).matches("/antrag/hundesteuer/[0-9a-f-]{36}/schritt/.+");
    assertThat(step.statusCode()).isEqualTo(200);
    // The draft is Erfurt's: its steps may be framed by the websites Erfurt allows.
    assertThat(step.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("'self' http://localhost:*"));
  }

  @Test
  void whereTheAppIsNotActiveThePageSaysWhereItIsOffered() {
    Browser citizen = browser();
    HttpResponse<String> response = citizen.get("/antrag/hundesteuer?ars=160550000000");

    assertThat(response.statusCode()).isEqualTo(200);
    Document page = Browser.page(response);
    assertThat(page.select("#deep-link-unavailable h2").text())
        .isEqualTo("Diesen Antrag gibt es für Stadt Weimar nicht in Amtsweg");
    assertThat(page.select("#deep-link-unavailable").text())
        .contains("Stadt Erfurt", "Stadt Jena", "Stadt Gotha");
    // The visitor's place stays unset: the page asks for it.
    assertThat(page.select("form[action=/antrag/hundesteuer][method=post]")).isEmpty();
    assertThat(citizen.cookies()).noneMatch(cookie -> cookie.getName().equals("AMTSWEG_SESSION"));
  }

  @Test
  void aLinkWithoutAPlaceOfTheLandSaysSo() {
    Document page = Browser.page(browser().get("/antrag/hundesteuer?ars=abc"));

    assertThat(page.select("#deep-link-unavailable h2").text())
        .isEqualTo("Der Link nennt keinen Ort in Thüringen");
  }
}
