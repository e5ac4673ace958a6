package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator re-imports the catalog, overrides a Zuständigkeit and records Reifegrade. */
class CatalogAdminIT extends AmtswegIT {

  @Autowired Reifegrade reifegrade;

  @Test
  void reimportKeepsTheCatalogWhole() {
    Browser operator = operator();
    Document page = Browser.page(operator.get("/admin/katalog"));

    HttpResponse<String> imported =
        operator.submit("/admin/katalog/import", Browser.csrf(page), Map.of());

    assertThat(Browser.page(operator.follow(imported)).select("[role=status]").text())
        .contains("4.813 Leistungen");
    assertThat(browser().get("/api/v1/services?q=Hundesteuer").body()).contains("99102013000000");
  }

  @Test
  void overrideIsValidatedThenShownToCitizens() {
    Browser operator = operator();
    Document page = Browser.page(operator.get("/admin/katalog"));

    Document invalid =
        Browser.page(
            operator.submit(
                "/admin/katalog/zustaendigkeit",
                Browser.csrf(page),
                Map.of(
                    "leikaKey",
                    "123",
                    "regionArs",
                    "160670029029",
                    "authorityArs",
                    "",
                    "reason",
                    "")));
    assertThat(invalid.select("#error-summary a").eachAttr("href"))
        .containsExactly("#leikaKey", "#authorityArs", "#reason");

    String search = "/api/v1/services?q=Bewohnerparkausweis&ars=160670029029&limit=1";
    assertThat(browser().get(search).body()).contains("Landkreis Gotha");

    HttpResponse<String> saved =
        operator.submit(
            "/admin/katalog/zustaendigkeit",
            Browser.csrf(page),
            Map.of(
                "leikaKey",
                "99108001000000",
                "regionArs",
                "160670029029",
                "authorityArs",
                "160670029029",
                "reason",
                "Die Stadt Gotha ist eigene Straßenverkehrsbehörde (Demo)"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(browser().get("/api/v1/services/99108001000000?ars=160670029029").body())
        .contains("\"overridden\":true", "Stadt Gotha");
    assertThat(browser().get(search).body())
        .as("cached search result replaced")
        .contains("Stadt Gotha");

    Document twice =
        Browser.page(
            operator.submit(
                "/admin/katalog/zustaendigkeit",
                Browser.csrf(page),
                Map.of(
                    "leikaKey",
                    "99108001000000",
                    "regionArs",
                    "160670029029",
                    "authorityArs",
                    "160670000000",
                    "reason",
                    "x")));
    assertThat(twice.select("#error-summary").text())
        .contains("schon eine abweichende Zuständigkeit");
  }

  @Test
  void reifegradOutOfTheModelsRangeIsRefusedAndHistoryKeepsItsModel() {
    Browser operator = operator();
    Document page = Browser.page(operator.get("/admin/katalog"));
    Map<String, String> form =
        new HashMap<>(
            Map.of(
                "authority",
                "160530000000",
                "leistung",
                "99008001000000",
                "model",
                "1.1",
                "level",
                "5",
                "assessedOn",
                "2025-01-15",
                "note",
                ""));

    Document refused =
        Browser.page(operator.submit("/admin/katalog/reifegrad", Browser.csrf(page), form));
    assertThat(refused.select("#level-error").text()).contains("nur die Stufen 0 bis 4");

    form.put("level", "3");
    assertThat(operator.submit("/admin/katalog/reifegrad", Browser.csrf(page), form).statusCode())
        .isEqualTo(302);
    form.put("model", "2.0");
    form.put("level", "5");
    form.put("assessedOn", "2025-11-01");
    assertThat(operator.submit("/admin/katalog/reifegrad", Browser.csrf(page), form).statusCode())
        .isEqualTo(302);

    assertThat(reifegrade.history("160530000000", "99008001000000"))
        .extracting(r -> r.model().code() + ":" + r.level())
        .containsExactly("2.0:5", "1.1:3");
  }

  @Test
  void operatorRecordsAnotherProvidersOnlineServiceWithValidationAndImportedObjectsAreReadOnly() {
    Browser operator = operator();
    Document page = Browser.page(operator.get("/admin/katalog/verbund"));
    assertThat(Browser.page(operator.get("/admin/katalog")).select("#verbund-link").attr("href"))
        .isEqualTo("/admin/katalog/verbund");
    // The seeded Justizprüfungsamt is listed with its source, without edit or delete.
    assertThat(page.select("#units tr:contains(Justizprüfungsamt)").text())
        .contains("seed", "nur lesbar");
    assertThat(page.select("#units tr:contains(Justizprüfungsamt) button")).isEmpty();

    Document invalid =
        Browser.page(
            operator.submit(
                "/admin/katalog/verbund/onlinedienst",
                Browser.csrf(page),
                Map.of(
                    "serviceName", "", "serviceProvider", "Land", "serviceUrl", "http://x.org")));
    assertThat(invalid.select("#error-summary a").eachAttr("href"))
        .containsExactly("#serviceName", "#serviceUrl");

    HttpResponse<String> saved =
        operator.submit(
            "/admin/katalog/verbund/onlinedienst",
            Browser.csrf(page),
            Map.of(
                "serviceName",
                "Wohngeld digital",
                "serviceProvider",
                "Landesportal Thüringen",
                "serviceUrl",
                "https://wohngeld.example.org/{ars}"));
    assertThat(saved.statusCode()).isEqualTo(302);
    Document listed = Browser.page(operator.follow(saved));
    String id = listed.select("#services tr:contains(Wohngeld digital) .reference").text();
    assertThat(id).startsWith("amtsweg:");

    Document wrongTarget =
        Browser.page(
            operator.submit(
                "/admin/katalog/verbund/zustaendigkeit",
                Browser.csrf(page),
                Map.of(
                    "entryLeikaKey", "99107023000000",
                    "entryRegionArs", "160530000000",
                    "entryRolle", "ONLINEDIENST",
                    "entryTarget", "amtsweg:gibt-es-nicht")));
    assertThat(wrongTarget.select("#error-summary a").eachAttr("href"))
        .containsExactly("#entryTarget");
    assertThat(
            operator
                .submit(
                    "/admin/katalog/verbund/zustaendigkeit",
                    Browser.csrf(page),
                    Map.of(
                        "entryLeikaKey", "99107023000000",
                        "entryRegionArs", "160530000000",
                        "entryRolle", "ONLINEDIENST",
                        "entryTarget", id))
                .statusCode())
        .isEqualTo(302);
    assertThat(browser().get("/api/v1/services/99107023000000?ars=160530000000").body())
        .contains("\"onlineAvailable\":true", "Wohngeld digital");

    // Seeded objects cannot be deleted here; the operator's own can.
    assertThat(
            operator
                .submit(
                    "/admin/katalog/verbund/loeschen",
                    Browser.csrf(page),
                    Map.of("art", "ORGANISATIONSEINHEIT", "id", "seed:jpa"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            operator
                .submit(
                    "/admin/katalog/verbund/loeschen",
                    Browser.csrf(page),
                    Map.of("art", "ONLINEDIENST", "id", id))
                .statusCode())
        .isEqualTo(302);
    assertThat(browser().get("/api/v1/services/99107023000000?ars=160530000000").body())
        .contains("\"onlineAvailable\":false");
  }

  @Test
  void everyFieldOnThePageHasItsOwnId() {
    Document page = Browser.page(operator().get("/admin/katalog"));

    var ids = page.select("[id]").eachAttr("id");
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(page.select("label[for]").eachAttr("for"))
        .allSatisfy(id -> assertThat(ids).contains(id));
  }

  @Test
  void pickersFindLeistungAndPlaceByNameFillTheFormsAndListWhatExistsThere() {
    Browser operator = operator();
    Document found = Browser.page(operator.get("/admin/katalog?leistungSuche=Hundesteuer"));
    assertThat(found.select("#leistung-hit-count").text()).contains("Treffer für „Hundesteuer“");
    String hundesteuer =
        found.select("#leistung-hits a[href*=leistung=99102013000000]").attr("href");
    assertThat(hundesteuer).as("the Leistung is offered as a choice").isNotEmpty();

    Document places =
        Browser.page(operator.get(hundesteuer.replace("#auswahl", "") + "&ortSuche=Gotha"));
    assertThat(places.select("#picker-chosen").text()).contains("Hundesteuer", "99102013000000");
    String gotha =
        places.select("#ort-hits a[href*=ort=160670029029]").attr("href").replace("#auswahl", "");
    assertThat(places.select("#ort-hits a[href*=ort=160670029029]").text()).contains("Stadt Gotha");
    assertThat(gotha).contains("leistung=99102013000000");

    Document chosen = Browser.page(operator.get(gotha));
    assertThat(chosen.select("#leikaKey").val()).isEqualTo("99102013000000");
    assertThat(chosen.select("#regionArs").val()).isEqualTo("160670029029");
    assertThat(chosen.select("#leistung").val()).isEqualTo("99102013000000");
    assertThat(chosen.select("#authority").val()).isEqualTo("160670029029");
    var ids = chosen.select("[id]").eachAttr("id");
    assertThat(ids).doesNotHaveDuplicates();

    Map<String, String> form = new HashMap<>();
    for (String field : List.of("authority", "leistung", "assessedOn")) {
      form.put(field, chosen.select("#" + field).val());
    }
    form.put("model", chosen.select("#model option[selected]").val());
    form.put("level", "4");
    form.put("note", "Online-Antrag seit Dezember");
    assertThat(operator.submit("/admin/katalog/reifegrad", Browser.csrf(chosen), form).statusCode())
        .isEqualTo(302);
    Document listed = Browser.page(operator.get(gotha));
    assertThat(listed.select("#assessments tbody tr").eachText())
        .anySatisfy(
            row ->
                assertThat(row)
                    .contains(
                        "Hundesteuer",
                        "Stadt Gotha",
                        "4 (Modell 2.0)",
                        "Online-Antrag seit Dezember"));
    assertThat(Browser.page(operator.get("/admin/katalog?leistungSuche=xqzvw")).text())
        .contains("Keine Treffer für „xqzvw“");
  }

  private Browser operator() {
    Browser operator = browser();
    assertThat(operator.signIn("betrieb", DEMO_PASSWORD).statusCode()).isEqualTo(302);
    return operator;
  }
}
