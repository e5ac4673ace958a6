package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.catalog.OnlineServices.External;
import de.amtsweg.support.AmtswegIT;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/services: search and one Leistung, with Zuständigkeit; odd input never a 500. */
class ServiceApiIT extends AmtswegIT {

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired OnlineServices onlineServices;

  @Test
  void searchReturnsTheFieldsOfTheContract() {
    List<Map<String, Object>> result =
        list("/api/v1/services?q=" + encode("Hundesteuer") + "&limit=3");

    assertThat(result).hasSizeLessThanOrEqualTo(3);
    assertThat(result.getFirst())
        .containsEntry("leikaKey", "99102013000000")
        .containsEntry("name", "Hundesteuer")
        .containsEntry("ozgId", "10160")
        .containsEntry("ozgName", "Hundehaltung")
        .containsKey("score")
        .doesNotContainKeys("responsible", "onlineAvailable");
  }

  @Test
  void withAPlaceEachResultNamesTheResponsibleAuthorityAndOnlineOfferRanksFirst() {
    List<Map<String, Object>> result = list("/api/v1/services?q=Hund&ars=160510000000&limit=5");

    Map<String, Object> first = result.getFirst();
    assertThat(first)
        .containsEntry("leikaKey", "99102013000000")
        .containsEntry("onlineAvailable", true);
    assertThat(first.get("responsible"))
        .isEqualTo(Map.of("ars", "160510000000", "name", "Stadt Erfurt"));
    assertThat(result)
        .allSatisfy(hit -> assertThat(hit).containsKeys("responsible", "onlineAvailable"));
  }

  @Test
  void aSearchAtAPlaceLeadsToTheActiveAntragsAppFirst() {
    for (String query : List.of("gewerbe anmelden", "meldebescheinigung")) {
      Map<String, Object> first =
          list("/api/v1/services?q=" + encode(query) + "&ars=160510000000").getFirst();
      assertThat(first).as(query).containsEntry("onlineAvailable", true);
      // The Leistung Erfurt's active app serves (apps/gewerbe-anmeldung.yaml,
      // meldebescheinigung.yaml).
      assertThat(first.get("leikaKey"))
          .as(query)
          .isEqualTo(query.startsWith("gewerbe") ? "99050012104000" : "99115004001005");
    }
  }

  @Test
  void aCompoundFindsTheLeistungOfItsParts() {
    assertThat(list("/api/v1/services?q=krippenplatz&limit=3"))
        .extracting(hit -> hit.get("leikaKey"))
        .contains("99041004034000");
  }

  @Test
  void onlineMeansAnActiveAppOrAKnownServiceOfAnotherProviderNotAReifegrad() {
    // Erfurt switched on the apps for Kita, Gewerbe, Meldebescheinigung and Hundesteuer.
    for (String key : List.of("99041004034000", "99050012104000", "99115004001005")) {
      assertThat(object("/api/v1/services/" + key + "?ars=160510000000"))
          .as(key)
          .containsEntry("onlineAvailable", true);
    }
    // Jena's Wohngeld becomes online once the catalog knows another provider's service for it.
    External external =
        onlineServices.addExternal(
            "99107023000000",
            "160530000000",
            "Wohngeld online beantragen",
            "https://wohngeld.example.org/antrag",
            "Landesportal Thüringen");
    try {
      assertThat(object("/api/v1/services/99107023000000?ars=160530000000"))
          .containsEntry("onlineAvailable", true);
      assertThat(list("/api/v1/services?q=Wohngeld&ars=160530000000").getFirst())
          .containsEntry("leikaKey", "99107023000000")
          .containsEntry("onlineAvailable", true);
      assertThat(onlineServices.at("160530000000", "99107023000000", Locale.GERMAN))
          .extracting(OnlineServices.OnlineService::href)
          .containsExactly("https://wohngeld.example.org/antrag");
    } finally {
      onlineServices.removeExternal(external.id());
    }
    assertThat(object("/api/v1/services/99107023000000?ars=160530000000"))
        .containsEntry("onlineAvailable", false);
  }

  @Test
  void aFederalLeistungHasNoResponsibleAuthorityOfTheLand() {
    List<Map<String, Object>> result =
        list("/api/v1/services?q=Kindergeld&ars=160510000000&limit=1");

    assertThat(result.getFirst())
        .containsEntry("leikaKey", "99041008000000")
        .containsEntry("onlineAvailable", false);
    assertThat(result.getFirst()).containsKey("responsible");
    assertThat(result.getFirst().get("responsible")).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void leistungWithPlaceHasItsZustaendigkeitAndReifegrad() {
    Map<String, Object> wohngeld = object("/api/v1/services/99107023000000?ars=160530000000");

    // Reifegrad 3 in Jena, but neither an Antrags-App nor another provider's service: not online.
    assertThat(wohngeld)
        .containsEntry("name", "Wohngeld")
        .containsEntry("ebene", "KREIS")
        .containsEntry("onlineAvailable", false);
    assertThat((Map<String, Object>) wohngeld.get("responsible"))
        .containsEntry("authority", Map.of("ars", "160530000000", "name", "Stadt Jena"));
    assertThat((Map<String, Object>) wohngeld.get("reifegrad"))
        .containsEntry("model", "2.0")
        .containsEntry("level", 3)
        .containsEntry("maxLevel", 7);
  }

  @Test
  void errorsAreProblems() {
    assertProblem(browser().get("/api/v1/services/99999999999999"), 404, "leistung-not-found");
    assertProblem(browser().get("/api/v1/services/12345"), 400, "malformed-leika-key");
    assertProblem(browser().get("/api/v1/services/99102013000000?ars=12"), 400, "malformed-ars");
    assertProblem(browser().get("/api/v1/services?q=Hund&ars=abc"), 400, "malformed-ars");
    assertProblem(
        browser().get("/api/v1/services?q=" + "a".repeat(201)), 400, "service-query-too-long");
    assertProblem(browser().get("/api/v1/services?q=Hund&limit=0"), 400, "limit-out-of-range");
    assertProblem(browser().get("/api/v1/services"), 400, "missing-parameter");
  }

  @Test
  void oddQueriesGiveASensibleAnswerNeverA500() {
    for (String odd :
        List.of(
            "",
            "   ",
            "%",
            "_",
            "'; drop table leistung; --",
            "a & b | !c",
            ":*",
            "🐶",
            "Hund 🐶",
            "\\",
            "(((",
            "<script>",
            "ä ö ü ß",
            "1",
            "Hund Hund Hund Hund Hund Hund Hund Hund Hund Hund")) {
      HttpResponse<String> response = browser().get("/api/v1/services?q=" + encode(odd));
      assertThat(response.statusCode()).as(odd).isEqualTo(200);
      assertThat(response.body()).as(odd).startsWith("[");
    }
    assertThat(list("/api/v1/services?q=" + encode("Hund 🐶"))).isNotEmpty();
    assertThat(list("/api/v1/services?q=leistung")).isNotNull();
  }

  private void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("\"type\":\"urn:amtsweg:problem:" + type + "\"");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> list(String path) {
    HttpResponse<String> response = browser().get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return json.readValue(response.body(), List.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> object(String path) {
    HttpResponse<String> response = browser().get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return json.readValue(response.body(), Map.class);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
