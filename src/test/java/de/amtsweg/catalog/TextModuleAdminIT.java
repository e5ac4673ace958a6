package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The operator writes the texts of a Leistung (issue #16); its service page shows them to citizens,
 * in their language where there is a text in it.
 */
class TextModuleAdminIT extends AmtswegIT {

  /** Wohngeld, Bewilligung erstmalig: no app, no demo texts. */
  private static final String WOHNGELD = "99107023017001";

  @Test
  void theOperatorWritesTextsAndTheServicePageShowsThem() {
    Browser operator = operator();
    // The catalog admin leads to the texts.
    assertThat(
            Browser.page(operator.get("/admin/katalog")).select("#text-modules-link").attr("href"))
        .isEqualTo("/admin/katalog/texte");
    Document list = Browser.page(operator.get("/admin/katalog/texte"));
    assertThat(list.select("h1").text()).isEqualTo("Texte der Leistungen");
    assertThat(list.select("a[href=/admin/katalog/texte/99008001012000]")).hasSize(1);

    HttpResponse<String> opened = operator.get("/admin/katalog/texte?leistung=" + WOHNGELD);
    assertThat(opened.headers().firstValue("Location").orElseThrow())
        .endsWith("/admin/katalog/texte/" + WOHNGELD);
    Document form = Browser.page(operator.follow(opened));
    assertThat(form.select("label[for=unterlagen]").text()).isEqualTo("Was Sie brauchen");

    HttpResponse<String> saved =
        operator.submit(
            "/admin/katalog/texte/" + WOHNGELD + "?sprache=de",
            Browser.csrf(form),
            Map.of(
                "kurztext", "Wohngeld ist ein Zuschuss zur Miete.",
                "unterlagen", "Mietvertrag\nEinkommensnachweise",
                "bearbeitungsdauer", "meist sechs bis acht Wochen"));
    assertThat(saved.statusCode()).isEqualTo(302);
    Document after = Browser.page(operator.follow(saved));
    assertThat(after.select("[role=status]").text()).contains("Die Texte sind gespeichert");
    assertThat(after.select("#unterlagen").val()).isEqualTo("Mietvertrag\nEinkommensnachweise");

    Document page = Browser.page(browser().get("/leistungen/" + WOHNGELD));
    assertThat(page.select(".service-lead").text())
        .isEqualTo("Wohngeld ist ein Zuschuss zur Miete.");
    assertThat(page.select("#text-unterlagen + ul li").eachText())
        .containsExactly("Mietvertrag", "Einkommensnachweise");
    assertThat(page.select("#text-bearbeitungsdauer + p").text())
        .isEqualTo("meist sechs bis acht Wochen");

    // An empty field removes the text.
    operator.submit(
        "/admin/katalog/texte/" + WOHNGELD + "?sprache=de",
        Browser.csrf(after),
        Map.of("kurztext", "Wohngeld ist ein Zuschuss zur Miete.", "unterlagen", ""));
    assertThat(Browser.page(browser().get("/leistungen/" + WOHNGELD)).select("#text-unterlagen"))
        .isEmpty();
  }

  @Test
  void tooLongTextsAndUnknownKeysAreErrorsLinkedToTheirFields() {
    Browser operator = operator();
    Document form = Browser.page(operator.get("/admin/katalog/texte/" + WOHNGELD));
    Document tooLong =
        Browser.page(
            operator.submit(
                "/admin/katalog/texte/" + WOHNGELD,
                Browser.csrf(form),
                Map.of("kosten", "x".repeat(4001))));
    assertThat(tooLong.select("#error-summary a").eachAttr("href")).containsExactly("#kosten");
    assertThat(tooLong.select("#kosten").attr("aria-invalid")).isEqualTo("true");

    Document unknown = Browser.page(operator.get("/admin/katalog/texte?leistung=99999999999999"));
    assertThat(unknown.select("#error-summary a").attr("href")).isEqualTo("#leistung");
    assertThat(unknown.select("#leistung").attr("aria-invalid")).isEqualTo("true");
    assertThat(browser().get("/admin/katalog/texte").statusCode()).isIn(302, 401, 403);
  }

  private Browser operator() {
    Browser operator = browser();
    operator.signIn("betrieb", DEMO_PASSWORD);
    return operator;
  }
}
