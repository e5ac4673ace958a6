package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.catalog.VerbundObjects.Kind;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /verwaltung/portalverbund: a municipality sees what the Portalverbund sees of its Leistungen and
 * what is missing, and only its own.
 */
class SelfCheckIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String WOHNGELD = "99107023000000";

  @Autowired VerbundObjects objects;
  @Autowired JdbcClient jdbc;

  @Test
  void erfurtSeesHundesteuerWithAppRouteAndContact() {
    Browser admin = browser();
    admin.signIn("verwaltung-erfurt", DEMO_PASSWORD);

    Document page = Browser.page(admin.get("/verwaltung/portalverbund"));

    assertThat(page.select("h1").text()).isEqualTo("Was der Portalverbund von Ihnen sieht");
    assertThat(page.select("#selfcheck-summary").text())
        .matches(".* vollständig, .* mit Lücken\\.");
    Element hundesteuer = page.selectFirst("#leistung-99102013000000");
    assertThat(hundesteuer).as("Erfurt offers the Hundesteuer app").isNotNull();
    assertThat(hundesteuer.select(".selfcheck-row__name").text()).isEqualTo("Hundesteuer");
    assertThat(hundesteuer.select(".selfcheck-row__unit").text()).isEqualTo("Stadt Erfurt");
    assertThat(hundesteuer.select(".selfcheck-contact").text()).contains("Fischmarkt 1");
    assertThat(hundesteuer.select(".selfcheck-app").text())
        .contains("Antrags-App: Hundesteuer: Hund anmelden oder abmelden", "funktioniert immer");
    assertThat(hundesteuer.select(".selfcheck-app a").attr("href"))
        .isEqualTo("/antrag/hundesteuer?ars=" + ERFURT);
    assertThat(hundesteuer.select(".selfcheck-row__route").text())
        .isEqualTo("Ja – über die Antrags-App");
    // Erfurt switched the app on: that is data, not a rule, and with its contact data and the
    // route nothing is missing.
    assertThat(hundesteuer.select(".selfcheck-row__responsible").text())
        .doesNotContain("Vermutlich");
    assertThat(hundesteuer.select(".selfcheck-row__status").text()).isEqualTo("Vollständig");
    assertThat(hundesteuer.select(".selfcheck-row__gaps").text())
        .isEqualTo("Nichts – vollständig.");
    assertThat(page.select("#selfcheck-summary").text()).doesNotStartWith("Keine Leistung");
    // The admin area links the page.
    assertThat(page.select("a[href=/verwaltung/portalverbund]")).isNotEmpty();
  }

  @Test
  void missingContactDataAndADeadLinkAreReportedInWordsToTheOwnTenantOnly() {
    objects.save(
        new VerbundObjects.Organisationseinheit(
            "selfcheck:wohngeldstelle",
            "selfcheck",
            "Wohngeldstelle Erfurt (Test)",
            ERFURT,
            "Bürgermeister-Wagner-Straße 1",
            "99084",
            "Erfurt",
            null,
            null,
            null,
            null));
    objects.save(
        new VerbundObjects.Zustaendigkeitseintrag(
            "selfcheck:wohngeld-erfurt",
            "selfcheck",
            WOHNGELD,
            ERFURT,
            "selfcheck:wohngeldstelle",
            null,
            VerbundObjects.Rolle.ZUSTAENDIGE_STELLE));
    objects.save(
        new VerbundObjects.Onlinedienst(
            "selfcheck:wohngeld-online",
            "selfcheck",
            "Wohngeld-Portal (Test)",
            "Stadt Erfurt",
            "https://wohngeld.example.org/erfurt",
            VerbundObjects.LinkStatus.UNCHECKED));
    objects.save(
        new VerbundObjects.Zustaendigkeitseintrag(
            "selfcheck:wohngeld-erfurt-online",
            "selfcheck",
            WOHNGELD,
            ERFURT,
            null,
            "selfcheck:wohngeld-online",
            VerbundObjects.Rolle.ONLINEDIENST));
    jdbc.sql("update onlinedienst set link_status = 'DEAD' where id = 'selfcheck:wohngeld-online'")
        .update();
    try {
      Browser erfurt = browser();
      erfurt.signIn("verwaltung-erfurt", DEMO_PASSWORD);
      Document page = Browser.page(erfurt.get("/verwaltung/portalverbund"));

      Element wohngeld = page.selectFirst("#leistung-" + WOHNGELD);
      assertThat(wohngeld).as("a Zuständigkeit names Erfurt's office").isNotNull();
      assertThat(wohngeld.select(".selfcheck-row__status").text()).endsWith("Lücken");
      assertThat(wohngeld.select(".selfcheck-row__unit").text())
          .isEqualTo("Wohngeldstelle Erfurt (Test)");
      assertThat(wohngeld.select(".selfcheck-row__responsible").text())
          .contains("Grundlage: Zuständigkeitsdaten der Verwaltung.")
          .doesNotContain("Vermutlich");
      assertThat(wohngeld.select(".selfcheck-missing").eachText())
          .as("phone, e-mail and opening hours say 'fehlt'")
          .containsExactly("fehlt", "fehlt", "fehlt");
      assertThat(wohngeld.select(".selfcheck-service").text())
          .contains("Wohngeld-Portal (Test) (bei Stadt Erfurt)", "Link: nicht erreichbar");
      assertThat(wohngeld.select(".selfcheck-row__route").text()).isEqualTo("Nein");
      assertThat(wohngeld.select(".selfcheck-row__gaps li").eachText())
          .containsExactly(
              "Telefon und E-Mail fehlen: Mindestens eines davon wird gebraucht.",
              "Die Öffnungszeiten fehlen.",
              "Kein Onlinedienst: weder eine aktive Antrags-App noch ein erreichbarer Onlinedienst.",
              "Der Link des Onlinedienstes „Wohngeld-Portal (Test)“ ist nicht erreichbar; der"
                  + " Dienst wird deshalb nicht angezeigt.",
              "Kein maschineller Übermittlungsweg: Für diese Leistung ist keine Antrags-App aktiv.");

      Document english = Browser.page(erfurt.get("/verwaltung/portalverbund?lang=en"));
      assertThat(english.select("#leistung-" + WOHNGELD + " .selfcheck-row__gaps li").eachText())
          .contains("The opening hours are missing.");

      Browser jena = browser();
      jena.signIn("verwaltung-jena", DEMO_PASSWORD);
      Document jenaPage = Browser.page(jena.get("/verwaltung/portalverbund"));
      assertThat(jenaPage.select("h1").text()).isEqualTo("Was der Portalverbund von Ihnen sieht");
      assertThat(jenaPage.select("#leistung-" + WOHNGELD).text())
          .doesNotContain("Wohngeldstelle Erfurt");
      assertThat(jenaPage.select("main").text())
          .doesNotContain("Wohngeldstelle Erfurt (Test)", "Fischmarkt 1", "Stadt Erfurt");

      Browser caseworker = browser();
      caseworker.signIn("sachbearbeitung-erfurt", DEMO_PASSWORD);
      assertThat(caseworker.get("/verwaltung/portalverbund").statusCode()).isEqualTo(403);
    } finally {
      objects.delete(Kind.ONLINEDIENST, "selfcheck:wohngeld-online");
      objects.delete(Kind.ORGANISATIONSEINHEIT, "selfcheck:wohngeldstelle");
    }
  }
}
