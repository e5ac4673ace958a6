package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** "Wo wohnen Sie?": postcode or name → the Gemeinde, remembered for the visit. */
class PlaceChooserIT extends AmtswegIT {

  @Test
  void postcodeLeadsToTheGemeindeWhichIsRememberedForTheVisit() {
    Browser visitor = browser();
    Document matches = Browser.page(visitor.get("/ort?q=99084"));
    assertThat(matches.select(".place-option").eachText())
        .containsExactly("Erfurt (Kreisfreie Stadt)");

    HttpResponse<String> chosen =
        visitor.submit(
            "/ort", Browser.csrf(matches), Map.of("ars", "160510000000", "zurueck", "/"));

    assertThat(chosen.statusCode()).isEqualTo(302);
    Document home = Browser.page(visitor.follow(chosen));
    assertThat(home.select("[role=status]").text())
        .contains("Ihr Ort für diesen Besuch: Stadt Erfurt");
    assertThat(Browser.page(visitor.get("/")).select(".chosen-place").text())
        .contains("Ihr Ort: Stadt Erfurt");
    assertThat(Browser.page(browser().get("/")).select(".chosen-place")).isEmpty();
  }

  @Test
  void placesOfTheSameNameAreToldApartByTheirLandkreis() {
    Document matches = Browser.page(browser().get("/ort?q=Ohrdruf"));

    assertThat(matches.select(".place-option").eachText())
        .contains("Ohrdruf (Stadt, Landkreis Gotha)")
        .allSatisfy(label -> assertThat(label).doesNotContain("Erfüllende Gemeinde"));
  }

  @Test
  void htmxGetsOnlyTheListOfMatches() {
    HttpResponse<String> fragment = browser().get("/ort?q=gotha", "HX-Request", "true");

    assertThat(fragment.body()).doesNotContain("<html").contains("Gotha (Stadt, Landkreis Gotha)");
    assertThat(fragment.headers().allValues("Vary"))
        .anySatisfy(v -> assertThat(v).containsIgnoringCase("HX-Request"));
  }

  @Test
  void emptyQueryShowsAnErrorLinkedToTheField() {
    Document page = Browser.page(browser().get("/ort?q=+"));

    assertThat(page.select("#error-summary a").attr("href")).isEqualTo("#place-query");
    assertThat(page.select("#error-summary").text())
        .contains("Geben Sie eine Postleitzahl oder einen Ortsnamen ein.");
    assertThat(page.select("#place-query").attr("aria-invalid")).isEqualTo("true");
  }

  @Test
  void unknownPlaceSaysSo() {
    Document page = Browser.page(browser().get("/ort?q=Atlantis"));

    assertThat(page.select(".place-candidates").text())
        .contains("keinen Ort in Thüringen gefunden");
  }

  @Test
  void aLandkreisCannotBeChosenAsPlaceToLive() {
    Browser visitor = browser();
    Document page = Browser.page(visitor.get("/ort?q=Gotha"));

    HttpResponse<String> refused =
        visitor.submit("/ort", Browser.csrf(page), Map.of("ars", "160670000000"));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Browser.page(refused).select("h1").text()).isEqualTo("Kein Wohnort");
  }

  @Test
  void returnPathMustStayOnThisSite() {
    Browser visitor = browser();
    Document page = Browser.page(visitor.get("/ort?q=Jena"));

    HttpResponse<String> chosen =
        visitor.submit(
            "/ort",
            Browser.csrf(page),
            Map.of("ars", "160530000000", "zurueck", "//evil.example/"));

    assertThat(chosen.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");
  }

  @Test
  void returnPathWithPlaceholdersIsTakenLiterally() {
    Browser visitor = browser();
    Document page = Browser.page(visitor.get("/ort?q=Jena"));

    HttpResponse<String> chosen =
        visitor.submit(
            "/ort", Browser.csrf(page), Map.of("ars", "160530000000", "zurueck", "/behoerden/{x}"));

    assertThat(chosen.statusCode()).isEqualTo(302);
    assertThat(chosen.headers().firstValue("Location").orElseThrow()).endsWith("/behoerden/{x}");
  }
}
