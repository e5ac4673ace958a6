package de.amtsweg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
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
        .containsExactly("Impressum", "Datenschutz", "Barrierefreiheit");
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
}
