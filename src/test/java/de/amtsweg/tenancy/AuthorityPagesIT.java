package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** One page per authority, and the authority search for people. */
class AuthorityPagesIT extends AmtswegIT {

  @Test
  void landkreisPageShowsTypeParentAndMembers() {
    Document gotha = Browser.page(browser().get("/behoerden/160670000000"));

    assertThat(gotha.select("h1").text()).isEqualTo("Landkreis Gotha");
    assertThat(gotha.select(".kern-description-list").first().text())
        .contains("Landkreis", "Freistaat Thüringen", "160670000000", "Gotha/Thür.");
    assertThat(gotha.select("#members-heading + ul a").eachText())
        .contains("Verwaltungsgemeinschaft Nesseaue", "Erfüllende Gemeinde Ohrdruf", "Stadt Gotha");
  }

  @Test
  void gemeindeInAVerwaltungsgemeinschaftShowsTheWholeChain() {
    Document friemar = Browser.page(browser().get("/behoerden/160675007022"));

    assertThat(friemar.select(".breadcrumbs a").eachText())
        .containsExactly(
            "Behörden",
            "Freistaat Thüringen",
            "Landkreis Gotha",
            "Verwaltungsgemeinschaft Nesseaue");
    assertThat(friemar.text()).contains("99869");
  }

  @Test
  void tenantPageShowsContactOpeningHoursAndBranding() {
    Document erfurt = Browser.page(browser().get("/behoerden/160510000000"));

    assertThat(erfurt.select("address").text()).contains("Fischmarkt 1", "99084 Erfurt");
    assertThat(erfurt.select(".contact").text()).contains("Öffnungszeiten", "Mi geschlossen");
    assertThat(erfurt.select("link[href=/mandanten/erfurt/theme.css]")).hasSize(1);
    HttpResponse<String> theme = browser().get("/mandanten/erfurt/theme.css");
    assertThat(theme.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    assertThat(theme.body()).contains("#b0061d");
  }

  @Test
  void authorityWithoutTenantSaysThereIsNoContactYet() {
    Document weimar = Browser.page(browser().get("/behoerden/160550000000"));

    assertThat(weimar.select("h1").text()).isEqualTo("Stadt Weimar");
    assertThat(weimar.text()).contains("noch keine Kontaktdaten hinterlegt");
  }

  @Test
  void unknownAndMalformedArsGiveErrorPages() {
    HttpResponse<String> unknown = browser().get("/behoerden/169999999999");
    HttpResponse<String> malformed = browser().get("/behoerden/abc");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Browser.page(unknown).select("h1").text()).isEqualTo("Behörde nicht gefunden");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(Browser.page(malformed).select("h1").text())
        .isEqualTo("Ungültiger Regionalschlüssel");
  }

  @Test
  void searchPageFindsByNameAndListsKreiseWithoutQuery() {
    Document results = Browser.page(browser().get("/behoerden?q=gossnitz"));
    Document start = Browser.page(browser().get("/behoerden"));

    assertThat(results.select("#authority-results a").eachText())
        .first()
        .isEqualTo("Stadt Gößnitz");
    assertThat(start.select("#authority-results a")).hasSize(22);
  }

  @Test
  void tenantsLegalTextsHaveTheirOwnPages() {
    Document impressum = Browser.page(browser().get("/behoerden/160530000000/impressum"));

    assertThat(impressum.text()).contains("Herausgeber: Stadt Jena", "Am Anger 15");
  }
}
