package de.amtsweg.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Einer für Alle: editors publish immutable versions, municipal admins switch apps on and off. */
class AppStoreIT extends AmtswegIT {

  private static final String JENA = "160530000000";

  @Autowired JdbcClient jdbc;
  @Autowired AppStore store;

  private Browser staff(String username) {
    Browser browser = browser();
    assertThat(browser.signIn(username, DEMO_PASSWORD).statusCode()).isEqualTo(302);
    return browser;
  }

  @Test
  void anEditorSeesEveryProblemWithItsPlaceAndPublishingMakesTheNextVersion() throws IOException {
    Browser editor = staff("redaktion-thueringen");
    Document list = Browser.page(editor.get("/redaktion/apps"));
    assertThat(list.select("table a").eachText())
        .contains("Hundesteuer: Hund anmelden oder abmelden");

    Document form = Browser.page(editor.get("/redaktion/apps/neu"));
    HttpResponse<String> broken =
        editor.submit(
            "/redaktion/apps",
            Browser.csrf(form),
            Map.of(
                "_action",
                "veroeffentlichen",
                "source",
                "id: probe\nname: Probe\nreferencePrefix: PROBE\nsteps:\n  - id: a\n    title: A\n    fields:\n"
                    + "      - id: x\n        type: text\n        label: X\n        show: \"y == 1\"\n"));
    assertThat(broken.statusCode()).isEqualTo(200);
    assertThat(Browser.page(broken).select("#error-summary li").text())
        .contains("steps[0].fields[0] (x).show", "„y“ ist kein Feld dieses Antrags");
    assertThat(store.latest("probe")).isEmpty();

    String source;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("apps/meldebescheinigung.yaml")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int before = store.latest("meldebescheinigung").orElseThrow().version();
    HttpResponse<String> published =
        editor.submit(
            "/redaktion/apps",
            Browser.csrf(form),
            Map.of(
                "_action",
                "veroeffentlichen",
                "source",
                source + "\n# Redaktion: Hinweis ergänzt\n"));
    assertThat(published.statusCode()).isEqualTo(302);
    assertThat(store.latest("meldebescheinigung").orElseThrow().version()).isEqualTo(before + 1);
    assertThat(store.source("meldebescheinigung", before)).isEqualTo(source);

    assertThatThrownBy(
            () ->
                jdbc.sql("update app_version set source = 'x' where app_id = 'meldebescheinigung'")
                    .update())
        .hasMessageContaining("immutable");
    assertThat(staff("verwaltung-jena").get("/redaktion/apps").statusCode()).isEqualTo(403);
  }

  @Test
  void aMunicipalAdminSetsParametersAndSwitchesAnAppOffAndOn() {
    Browser admin = staff("verwaltung-jena");
    Document list = Browser.page(admin.get("/verwaltung/apps"));
    assertThat(list.text()).contains("Stadt Jena", "Hundesteuer");

    Document app = Browser.page(admin.get("/verwaltung/apps/hundesteuer"));
    HttpResponse<String> wrong =
        admin.submit(
            "/verwaltung/apps/hundesteuer/aktivieren",
            Browser.csrf(app),
            Map.of("p.steuerErsterHund", "zwölf Euro"));
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(Browser.page(wrong).select("#error-summary a").attr("href"))
        .isEqualTo("#p-steuerErsterHund");
    assertThat(store.activation(JENA, "hundesteuer").orElseThrow().parameters())
        .doesNotContainEntry("steuerErsterHund", "zwölf Euro");

    try {
      assertThat(
              admin
                  .submit(
                      "/verwaltung/apps/hundesteuer/aktivieren",
                      Browser.csrf(app),
                      Map.of(
                          "p.steuerErsterHund",
                          "84,50",
                          "p.hinweis",
                          "Steuermarken gibt es im Bürgerservice."))
                  .statusCode())
          .isEqualTo(302);
      assertThat(
              store
                  .activation(JENA, "hundesteuer")
                  .orElseThrow()
                  .parameters()
                  .get("steuerErsterHund")
                  .toString())
          .isEqualTo("84.5");

      Browser citizen = browser();
      de.amtsweg.applications.AntragFormsAccess.choosePlace(citizen, JENA);
      assertThat(Browser.page(citizen.get("/antrag/hundesteuer")).text())
          .contains("Steuermarken gibt es im Bürgerservice.");
      assertThat(
              Browser.page(citizen.get("/leistungen/99102013000000"))
                  .select("a[href=/antrag/hundesteuer]"))
          .hasSize(1);

      Document saved = Browser.page(admin.get("/verwaltung/apps/hundesteuer"));
      assertThat(saved.select("#p-steuerErsterHund").val()).as("German amounts").isEqualTo("84,50");
      assertThat(saved.select("#p-steuerWeitererHund").val()).isEqualTo("150,00");
      assertThat(saved.select("form[action$=/aktivieren] [href$=/deaktivieren], form button"))
          .extracting(e -> e.text())
          .as("nothing that switches the app off sits in the settings form")
          .noneMatch(t -> t.contains("ausschalten") || t.contains("Deaktivieren"));
      assertThat(saved.select("#danger-zone h2").text()).isEqualTo("App ausschalten");
      assertThat(saved.select("#danger-zone form"))
          .as("a link to confirm, no direct switch")
          .isEmpty();

      Document confirm = Browser.page(admin.get(saved.select("#deactivate-start").attr("href")));
      assertThat(confirm.select("h1").text())
          .isEqualTo("„Hundesteuer: Hund anmelden oder abmelden“ für Stadt Jena ausschalten?");
      assertThat(confirm.select("#deactivate-consequences").text())
          .contains("Begonnene Entwürfe bleiben gespeichert", "bis Sie die App wieder einschalten");
      assertThat(store.activation(JENA, "hundesteuer").orElseThrow().active())
          .as("looking at the confirmation changes nothing")
          .isTrue();
      assertThat(
              admin
                  .submit(
                      "/verwaltung/apps/hundesteuer/deaktivieren", Browser.csrf(confirm), Map.of())
                  .statusCode())
          .isEqualTo(302);
      assertThat(Browser.page(citizen.get("/antrag/hundesteuer")).text())
          .contains("Für Ihren Ort nicht online verfügbar");
      assertThat(
              Browser.page(citizen.get("/leistungen/99102013000000"))
                  .select("a[href=/antrag/hundesteuer]"))
          .isEmpty();
    } finally {
      store.activate(JENA, "hundesteuer", Map.of(), "test");
    }
  }

  @Test
  void theApiListsPublishedAppsWithTheirDefinitionSchemaAndExample() {
    Browser api = browser().accept("application/json");
    assertThat(api.get("/api/v1/apps").body()).contains("\"id\":\"hundesteuer\"", "\"leikaKeys\"");
    assertThat(api.get("/api/v1/apps/hundesteuer").body()).contains("\"referencePrefix\":\"HUND\"");
    assertThat(api.get("/api/v1/apps/hundesteuer/schema").body()).contains("\"$schema\"");
    assertThat(api.get("/api/v1/apps/hundesteuer/example").body())
        .contains("\"answers\"", "\"declarations\"");
    HttpResponse<String> missing = api.get("/api/v1/apps/gibt-es-nicht");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("urn:amtsweg:problem:app-not-found");
  }
}
