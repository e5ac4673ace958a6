package de.amtsweg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The start page and the portal's legal pages in German and English. */
class PortalIT extends AmtswegIT {

  @Test
  void startPageIsGermanByDefault() {
    Document home = Browser.page(browser().get("/"));

    assertThat(home.select("html").attr("lang")).isEqualTo("de");
    assertThat(home.select("h1").text()).isEqualTo("Verwaltung online erledigen");
    assertThat(home.select("label[for=service-query]").text())
        .isEqualTo("Was möchten Sie erledigen?");
    assertThat(home.select("label[for=place-query]").text()).isEqualTo("Postleitzahl oder Ort");
    assertThat(home.select("#place-heading").text()).isEqualTo("Wo wohnen Sie?");
    assertThat(home.select("footer a").eachText())
        .containsExactly(
            "Impressum", "Datenschutz", "Barrierefreiheit", "Leichte Sprache", "Gebärdensprache");
    assertThat(home.select("nav a").eachText()).contains("Anmelden");
    assertThat(home.select(".demo-banner").text()).contains("Demo-System");
  }

  @Test
  void kernUxAndHtmxAreServedFromTheJarWithVersionedUrls() {
    Document home = Browser.page(browser().get("/"));

    var assets = home.select("link[rel=stylesheet], script[src]");
    assertThat(assets.eachAttr("href"))
        .anySatisfy(
            href -> assertThat(href).matches("/vendor/kern/dist/kern\\.min-[0-9a-f]{32}\\.css"));
    assertThat(assets.eachAttr("src")).anySatisfy(src -> assertThat(src).contains("htmx.min"));
    for (var asset : assets) {
      String url = asset.hasAttr("href") ? asset.attr("href") : asset.attr("src");
      HttpResponse<String> response = browser().get(url);
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .as(url)
          .containsAnyOf("text/css", "javascript");
    }
  }

  @Test
  void englishThroughTheSwitchIsRemembered() {
    Browser visitor = browser();

    Document english = Browser.page(visitor.get("/?lang=en"));
    Document next = Browser.page(visitor.get("/behoerden"));

    assertThat(english.select("html").attr("lang")).isEqualTo("en");
    assertThat(english.select("h1").text()).isEqualTo("Deal with the authorities online");
    assertThat(next.select("html").attr("lang")).isEqualTo("en");
    assertThat(next.select("h1").text()).isEqualTo("Authorities in Thuringia");
  }

  @Test
  void languageSwitchLinksKeepThePageAndItsQuery() {
    Document page = Browser.page(browser().get("/behoerden?q=Gotha"));

    assertThat(page.select(".language-switch a[hreflang=en]").attr("href"))
        .isEqualTo("/behoerden?q=Gotha&lang=en");
    assertThat(page.select(".language-switch a[aria-current=true]").text()).isEqualTo("Deutsch");
  }

  @Test
  void browserLanguageDecidesWhenNothingWasChosen() {
    Document english = Browser.page(browser().acceptLanguage("en-GB,en;q=0.8").get("/"));
    Document french = Browser.page(browser().acceptLanguage("fr-FR,fr;q=0.9").get("/"));

    assertThat(english.select("html").attr("lang")).isEqualTo("en");
    assertThat(french.select("html").attr("lang")).isEqualTo("de");
    assertThat(french.select("h1").text()).isEqualTo("Verwaltung online erledigen");
  }

  @Test
  void impressumAndDatenschutzAreTheOperatorTenantsTexts() {
    Document impressum = Browser.page(browser().get("/impressum"));
    Document datenschutz = Browser.page(browser().get("/datenschutz"));

    assertThat(impressum.select("h1").text()).isEqualTo("Impressum");
    assertThat(impressum.text())
        .contains("Herausgeber: Freistaat Thüringen", "Demonstrationssystem");
    assertThat(datenschutz.select("h1").text()).isEqualTo("Datenschutzerklärung");
    assertThat(datenschutz.select(".prose p")).hasSizeGreaterThan(1);
  }

  @Test
  void accessibilityStatementNamesFeedbackAndEnforcement() {
    Document statement = Browser.page(browser().get("/barrierefreiheit"));

    assertThat(statement.select("h1").text()).isEqualTo("Erklärung zur Barrierefreiheit");
    assertThat(statement.select("h2").eachText())
        .contains("Barrieren melden", "Schlichtungsverfahren");
    assertThat(statement.select("a[href^=mailto:]")).isNotEmpty();
  }

  @Test
  void theStartPageLinksLeichteSpracheAndGebaerdensprache() {
    Document home = Browser.page(browser().get("/"));

    assertThat(home.select("main a[href=/leichte-sprache]").text())
        .isEqualTo("Amtsweg in Leichter Sprache");
    assertThat(home.select("main a[href=/gebaerdensprache]")).isNotEmpty();

    Document easy = Browser.page(browser().get("/leichte-sprache"));
    assertThat(easy.select("h1").text()).isEqualTo("Amtsweg in Leichter Sprache");
    assertThat(easy.select("article h2").eachText())
        .contains("Was ist Amtsweg?", "So finden Sie sich zurecht", "So stellen Sie einen Antrag");
    assertThat(easy.select(".easy-read__line").first().text())
        .isEqualTo("Amtsweg ist eine Internet-Seite.");
    List<String> apps = easy.select("#easy-apps ~ ul a").eachAttr("href");
    assertThat(apps)
        .containsExactly(
            "/leichte-sprache/hundesteuer",
            "/leichte-sprache/meldebescheinigung",
            "/leichte-sprache/kita-anmeldung",
            "/leichte-sprache/gewerbe-anmeldung",
            "/leichte-sprache/foerderung-egovernment");
    for (String app : apps) {
      Document page = Browser.page(browser().get(app));
      assertThat(page.select("h1").text()).as(app).isNotBlank();
      assertThat(page.select("article h2")).as(app).hasSizeGreaterThan(2);
      String sign = app.replace("/leichte-sprache/", "/gebaerdensprache/");
      assertThat(page.select("a[href=" + sign + "]")).as(app).isNotEmpty();
      Document signPage = Browser.page(browser().get(sign));
      assertThat(signPage.select(".sign-video-placeholder").text())
          .contains("Das Video in Deutscher Gebärdensprache folgt.");
      assertThat(signPage.select(".easy-read h2").eachText())
          .as("the video's text")
          .containsAll(page.select("article h2").eachText());
    }
    assertThat(browser().get("/leichte-sprache/gibt-es-nicht").statusCode()).isEqualTo(404);
  }

  @Test
  void inEnglishTheGermanPartsCarryLangDe() {
    Browser visitor = browser();
    Document easy = Browser.page(visitor.get("/leichte-sprache?lang=en"));
    assertThat(easy.select("html").attr("lang")).isEqualTo("en");
    assertThat(easy.select("article.easy-read").attr("lang")).isEqualTo("de");
    assertThat(easy.select("footer a[href=/leichte-sprache]").text()).isEqualTo("Easy German");

    Document erfurt = Browser.page(visitor.get("/behoerden/160510000000"));
    assertThat(erfurt.select("h1").attr("lang")).isEqualTo("de");
    assertThat(erfurt.select(".plain-list li"))
        .as("opening hours")
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line.attr("lang")).isEqualTo("de"));

    Document service = Browser.page(visitor.get("/leistungen/99102013000000"));
    assertThat(service.select("html").attr("lang")).isEqualTo("en");
    assertThat(service.select("h1").attr("lang")).as("the Leistung's German name").isEqualTo("de");

    Document hits = Browser.page(visitor.get("/leistungen?q=Hundesteuer"));
    assertThat(hits.select(".service-hit__name"))
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name.attr("lang")).isEqualTo("de"));
  }
}
