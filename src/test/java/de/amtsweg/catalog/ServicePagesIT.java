package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /leistungen: search, suggestions, browsing, and the page of a Leistung for the visitor's place.
 */
class ServicePagesIT extends AmtswegIT {

  @Autowired VerbundObjects objects;

  @Test
  void theServicePageOffersWhatTheSearchCallsOnline() {
    Browser visitor = browser();
    Document places = Browser.page(visitor.get("/ort?q=07743&zurueck=/leistungen/99107023000000"));
    Document page =
        Browser.page(
            visitor.follow(
                visitor.submit(
                    "/ort",
                    Browser.csrf(places),
                    Map.of("ars", "160530000000", "zurueck", "/leistungen/99107023000000"))));
    // Jena's Wohngeld has a Reifegrad of 3 but no way to apply online: in person it is.
    assertThat(page.select("#apply-heading ~ p").text()).contains("persönlich oder schriftlich");
    assertThat(page.select("#apply-heading ~ p a.kern-btn")).isEmpty();

    objects.save(
        new VerbundObjects.Onlinedienst(
            "pagetest:wohngeld",
            "pagetest",
            "Wohngeld online beantragen",
            "Landesportal Thüringen",
            "https://wohngeld.example.org/antrag",
            VerbundObjects.LinkStatus.UNCHECKED));
    objects.save(
        new VerbundObjects.Zustaendigkeitseintrag(
            "pagetest:wohngeld-th",
            "pagetest",
            "99107023000000",
            "160000000000",
            null,
            "pagetest:wohngeld",
            VerbundObjects.Rolle.ONLINEDIENST));
    try {
      // A service of the Land for all of Thüringen serves Jena too, through the exit page.
      Document online = Browser.page(visitor.get("/leistungen/99107023000000"));
      assertThat(
              online
                  .select(
                      "#apply-heading ~ p"
                          + " a[href=/weiter/pagetest%3Awohngeld?leistung=99107023000000&ars=160530000000]")
                  .text())
          .isEqualTo("Online beantragen: Wohngeld online beantragen (bei Landesportal Thüringen)");
      assertThat(online.select("a[href^=https://wohngeld.example.org]")).isEmpty();
      Document results = Browser.page(visitor.get("/leistungen?q=Wohngeld"));
      assertThat(results.select(".service-hit__providers a").eachText())
          .contains("Online beantragen: Wohngeld online beantragen (bei Landesportal Thüringen)");
    } finally {
      objects.delete(VerbundObjects.Kind.ONLINEDIENST, "pagetest:wohngeld");
    }
  }

  @Test
  void searchFromTheStartPageFindsTheLeistung() {
    Document results = Browser.page(browser().get("/leistungen?q=Perso"));

    assertThat(results.select(".service-hit__name").eachText())
        .first()
        .asString()
        .startsWith("Personalausweis");
    assertThat(results.select("#service-query").attr("value")).isEqualTo("Perso");
  }

  @Test
  void htmxGetsSuggestionsOnly() {
    HttpResponse<String> fragment = browser().get("/leistungen?q=Hundes", "HX-Request", "true");

    assertThat(fragment.body()).doesNotContain("<html").contains("Hundesteuer");
    assertThat(Browser.page(fragment).select(".service-hit")).hasSizeLessThanOrEqualTo(8);
  }

  @Test
  void browsingGoesFromThemenfeldToLebenslageToLeistung() {
    Document start = Browser.page(browser().get("/leistungen"));
    String familie = start.select("a:contains(Familie & Kind)").attr("href");
    Document topic = Browser.page(browser().get(familie));
    String geburt = topic.select("a:contains(Geburt)").first().attr("href");
    Document situation = Browser.page(browser().get(geburt));

    assertThat(start.select("#topics-heading + ul li")).hasSizeGreaterThan(10);
    assertThat(topic.select("h1").text()).isEqualTo("Familie & Kind");
    assertThat(situation.select("h1").text()).isEqualTo("Geburt");
    assertThat(situation.select("h3").eachText()).contains("Elterngeld");
    assertThat(situation.select("a[href=/leistungen/99041006000000]")).isNotEmpty();
  }

  @Test
  void leistungPageAsksForThePlaceThenShowsTheResponsibleAuthority() {
    Browser visitor = browser();
    Document before = Browser.page(visitor.get("/leistungen/99102013000000"));
    assertThat(before.select("h1").text()).isEqualTo("Hundesteuer");
    assertThat(before.select("#responsible-heading + p").text())
        .contains("hängt von Ihrem Wohnort ab");
    assertThat(before.select("form[action=/ort] input[name=zurueck]").attr("value"))
        .isEqualTo("/leistungen/99102013000000");

    Document places = Browser.page(visitor.get("/ort?q=99084&zurueck=/leistungen/99102013000000"));
    HttpResponse<String> chosen =
        visitor.submit(
            "/ort",
            Browser.csrf(places),
            Map.of("ars", "160510000000", "zurueck", "/leistungen/99102013000000"));
    assertThat(chosen.headers().firstValue("Location").orElseThrow())
        .endsWith("/leistungen/99102013000000");

    Document after = Browser.page(visitor.follow(chosen));
    assertThat(after.select(".responsible__authority").text()).isEqualTo("Stadt Erfurt");
    assertThat(after.select(".responsible address").text()).contains("Fischmarkt 1");
    assertThat(after.select("#apply-heading ~ p").text())
        .contains("Stadt Erfurt bietet diese Leistung online an");
    // Erfurt switched the Hundesteuer app on: the page leads straight to it, before anything else.
    assertThat(after.select("#apply-heading ~ p a[href=/antrag/hundesteuer]").text())
        .isEqualTo("Online beantragen: Hundesteuer: Hund anmelden oder abmelden");
    assertThat(after.select("h2").eachText())
        .as("the call to action comes first, the office's details last")
        .startsWith("So beantragen Sie die Leistung");
    // What the citizen asks, from Erfurt's app and the catalog's texts.
    assertThat(after.select("#text-voraussetzungen + p").text())
        .contains("Sie brauchen kein Servicekonto");
    assertThat(after.select("#text-kosten ~ ul li").eachText())
        .contains(
            "Jahressteuer für den ersten Hund: 96,00 €", "Für den Antrag fällt keine Gebühr an.");
    assertThat(after.select("#text-bearbeitungsdauer + p").text())
        .isEqualTo("meist innerhalb von 2 Wochen");
    assertThat(after.select("#text-rechtsgrundlage + p").text()).contains("Hundesteuersatzung");
    // The office's details are folded away.
    assertThat(after.select("details.technical summary").text()).isEqualTo("Technische Angaben");
    assertThat(after.select("details.technical").text())
        .contains("99102013000000", "10160", "Reifegrad 3 von 7 (Reifegradmodell 2.0");
    assertThat(after.select("details.technical li").eachText())
        .anySatisfy(line -> assertThat(line).contains("Reifegrad 2 von 4 (Reifegradmodell 1.1"));
    Document outsideTechnical = after.clone();
    outsideTechnical.select("details.technical").remove();
    assertThat(outsideTechnical.select("main").text())
        .doesNotContain("99102013000000", "Typisierung", "Reifegrad");
    // The authority is named beside its colour, not in a coloured bar.
    assertThat(after.select(".tenant-banner")).isEmpty();
    assertThat(after.select(".authority-card .responsible__authority").text())
        .isEqualTo("Stadt Erfurt");
    assertThat(after.select(".reason").text())
        .contains("Stadt Erfurt bietet diese Leistung mit einer Antrags-App in Amtsweg an.");
  }

  @Test
  void aLeistungWithoutAppShowsTheOperatorsTexts() {
    Browser visitor = browser();
    Document places = Browser.page(visitor.get("/ort?q=99084"));
    visitor.submit("/ort", Browser.csrf(places), Map.of("ars", "160510000000"));

    Document ausweis = Browser.page(visitor.get("/leistungen/99008001012000"));

    assertThat(ausweis.select(".service-lead").text()).startsWith("Der Personalausweis weist Sie");
    assertThat(ausweis.select("#text-unterlagen + ul li").eachText())
        .contains("Ein aktuelles biometrisches Passfoto");
    assertThat(ausweis.select("#text-kosten + p").text()).contains("37,00 €");
    assertThat(ausweis.select("#text-bearbeitungsdauer + p").text())
        .isEqualTo("meist drei bis vier Wochen");
    assertThat(ausweis.select("details.technical").text()).contains("99008001012000");

    Document english = Browser.page(visitor.get("/leistungen/99008001012000?lang=en"));
    assertThat(english.select(".service-lead").text()).startsWith("The identity card");
    assertThat(english.select("#text-unterlagen").text()).isEqualTo("What you need");
    assertThat(english.select("#text-unterlagen + ul li").eachText())
        .as("German where there is no English text")
        .contains("Ein aktuelles biometrisches Passfoto");
  }

  @Test
  void withoutOnlineOfferThePageSaysHowToApplyInPerson() {
    Browser visitor = browser();
    Document places = Browser.page(visitor.get("/ort?q=Friemar"));
    visitor.submit("/ort", Browser.csrf(places), Map.of("ars", "160675007022"));

    Document gewerbe = Browser.page(visitor.get("/leistungen/99050012104000"));

    assertThat(gewerbe.select(".responsible__authority").text())
        .isEqualTo("Verwaltungsgemeinschaft Nesseaue");
    assertThat(gewerbe.select("#apply-heading ~ p").text()).contains("persönlich oder schriftlich");
  }

  @Test
  void theZustaendigkeitExamplesHoldOnThePages() {
    assertThat(responsibleOnPage("99102013000000", "160510000000", "99084"))
        .isEqualTo("Stadt Erfurt");
    assertThat(responsibleOnPage("99036008007000", "160675007022", "Friemar"))
        .isEqualTo("Landkreis Gotha");
    assertThat(responsibleOnPage("99107023000000", "160530000000", "Jena")).isEqualTo("Stadt Jena");
    assertThat(responsibleOnPage("99050012104000", "160675007022", "Friemar"))
        .isEqualTo("Verwaltungsgemeinschaft Nesseaue");
    assertThat(responsibleOnPage("99050012104000", "160675050044", "Luisenthal"))
        .isEqualTo("Stadt Ohrdruf");
  }

  private String responsibleOnPage(String leikaKey, String placeArs, String placeQuery) {
    Browser visitor = browser();
    Document places = Browser.page(visitor.get("/ort?q=" + placeQuery));
    visitor.submit("/ort", Browser.csrf(places), Map.of("ars", placeArs));
    return Browser.page(visitor.get("/leistungen/" + leikaKey))
        .select(".responsible__authority")
        .text();
  }

  @Test
  void theBasisOfAnAnswerIsSaidInWordsOnThePage() {
    Browser visitor = browser();
    Document places = Browser.page(visitor.get("/ort?q=99084"));
    visitor.submit("/ort", Browser.csrf(places), Map.of("ars", "160510000000"));

    // DATA: the seeded Justizprüfungsamt, named as a fact with its contact card.
    Document referendariat = Browser.page(visitor.get("/leistungen/99019035000000"));
    assertThat(referendariat.select(".responsible__authority").text())
        .isEqualTo(
            "Thüringer Ministerium für Justiz, Migration und Verbraucherschutz – Justizprüfungsamt");
    assertThat(referendariat.select(".responsible .contact-details address").text())
        .isEqualTo("Werner-Seelenbinder-Straße 5 99096 Erfurt");
    assertThat(referendariat.select(".responsible .contact-details a[href^=https://justiz]"))
        .isNotEmpty();
    assertThat(referendariat.select(".responsible").text()).doesNotContain("Vermutlich");
    assertThat(referendariat.select(".responsible a[href^=/behoerden/]"))
        .as("not attributed to the place's authority")
        .isEmpty();

    // RULE (Wohngeld, offered by nobody in Amtsweg): the presumption is said before the name,
    // never the name alone.
    Document wohngeld = Browser.page(visitor.get("/leistungen/99107023000000"));
    Element section = wohngeld.selectFirst("section.responsible");
    assertThat(section).isNotNull();
    Element presumed = section.selectFirst(".responsible__presumed");
    Element card = section.selectFirst(".authority-card");
    assertThat(presumed).isNotNull();
    assertThat(card).isNotNull();
    assertThat(presumed.text()).startsWith("Vermutlich zuständig – bitte prüfen.");
    assertThat(presumed.elementSiblingIndex())
        .as("the presumption comes before the name")
        .isLessThan(card.elementSiblingIndex());
    assertThat(card.select(".responsible__authority").text()).isEqualTo("Stadt Erfurt");
    Document hits = Browser.page(visitor.get("/leistungen?q=Wohngeld"));
    assertThat(hits.select(".service-hit:has(a[href=/leistungen/99107023000000])").text())
        .contains("Vermutlich zuständig: Stadt Erfurt – bitte prüfen")
        .doesNotContain("Zuständig: Stadt Erfurt");
    // DATA from the tenant's own app: Hundesteuer is named as a fact.
    Document hundesteuer = Browser.page(visitor.get("/leistungen?q=Hundesteuer"));
    assertThat(hundesteuer.select(".service-hit:has(a[href=/leistungen/99102013000000])").text())
        .contains("Zuständig: Stadt Erfurt")
        .doesNotContain("Vermutlich");

    // UNKNOWN: nobody is named; the page points to the Land's finder and 115.
    Document lehramt = Browser.page(visitor.get("/leistungen/99019034000000"));
    Element unknown = lehramt.selectFirst("section.responsible");
    assertThat(unknown).isNotNull();
    assertThat(unknown.select(".responsible__unknown").text())
        .isEqualTo(
            "Wer für diese Leistung an Ihrem Ort zuständig ist, können wir nicht sicher sagen.");
    assertThat(unknown.select(".responsible__onward a").eachAttr("href"))
        .containsExactly("https://www.verwaltung.thueringen.de/", "https://www.115.de/");
    assertThat(unknown.select(".responsible__onward a").eachText())
        .containsExactly("Thüringer Zuständigkeitsfinder", "Behördennummer 115");
    assertThat(unknown.select(".authority-card, .contact-details, a[href^=/behoerden/]")).isEmpty();
    assertThat(unknown.select(".responsible__presumed")).isEmpty();
  }

  @Test
  void unknownOrMalformedKeysAndTopicsGiveErrorPages() {
    assertThat(browser().get("/leistungen/99999999999999").statusCode()).isEqualTo(404);
    assertThat(browser().get("/leistungen/abc").statusCode()).isEqualTo(400);
    assertThat(browser().get("/leistungen?thema=9999").statusCode()).isEqualTo(404);
    assertThat(browser().get("/leistungen?thema=abc").statusCode()).isEqualTo(400);
    Document tooLong = Browser.page(browser().get("/leistungen?q=" + "x".repeat(201)));
    assertThat(tooLong.select("#error-summary a").attr("href")).isEqualTo("#service-query");
  }
}
