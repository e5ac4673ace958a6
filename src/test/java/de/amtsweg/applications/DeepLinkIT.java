package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A portal of the Verbund links into an Antrags-App with the place ({@code ?ars=}): the person
 * starts right away where the app is active, and learns where it is offered where it is not.
 */
class DeepLinkIT extends AmtswegIT {

  @Test
  void aDeepLinkSetsThePlaceWhereTheAppIsActive() {
    Browser citizen = browser();
    HttpResponse<String> landing =
        citizen.get("/antrag/hundesteuer?ars=160510000000&leistung=99102013000000");

    assertThat(landing.statusCode()).isEqualTo(302);
    assertThat(landing.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/antrag/hundesteuer"));
    Document page = Browser.page(citizen.follow(landing));
    assertThat(page.select("form[action=/antrag/hundesteuer] button").text())
        .isEqualTo("Antrag starten");
    assertThat(page.text()).contains("Stadt Erfurt");
    assertThat(page.select("#deep-link-unavailable")).isEmpty();
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
