package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** GET /api/v1/services: search and one Leistung, with Zuständigkeit; odd input never a 500. */
class ServiceApiIT extends AmtswegIT {

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired VerbundObjects objects;
  @Autowired JdbcClient jdbc;

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
    // Stadt Erfurt switched the Hundesteuer app on: a fact, not a presumption.
    assertThat(responsible(first))
        .containsEntry("basis", "DATA")
        .containsEntry("ars", "160510000000")
        .containsEntry("name", "Stadt Erfurt");
    assertThat(result)
        .allSatisfy(hit -> assertThat(hit).containsKeys("responsible", "onlineAvailable"))
        .allSatisfy(hit -> assertThat(responsible(hit)).containsKey("basis"));
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
  @SuppressWarnings("unchecked")
  void onlineMeansAnActiveAppOrAKnownServiceOfAnotherProviderNotAReifegrad() {
    // Erfurt switched on the apps for Kita, Gewerbe, Meldebescheinigung and Hundesteuer.
    for (String key : List.of("99041004034000", "99050012104000", "99115004001005")) {
      assertThat(object("/api/v1/services/" + key + "?ars=160510000000"))
          .as(key)
          .containsEntry("onlineAvailable", true);
    }
    // Jena's Wohngeld becomes online once a Zuständigkeit ties another provider's service to it.
    objects.save(
        new VerbundObjects.Onlinedienst(
            "apitest:wohngeld",
            "apitest",
            "Wohngeld online beantragen",
            "Landesportal Thüringen",
            "https://wohngeld.example.org/antrag?leistung={leikaKey}",
            VerbundObjects.LinkStatus.UNCHECKED));
    objects.save(wohngeldInJena());
    try {
      Map<String, Object> wohngeld = object("/api/v1/services/99107023000000?ars=160530000000");
      assertThat(wohngeld).containsEntry("onlineAvailable", true);
      // Never the provider's address: the exit page, with Leistung and place.
      assertThat((List<Map<String, Object>>) wohngeld.get("onlineServices"))
          .singleElement()
          .satisfies(
              service ->
                  assertThat(service)
                      .containsEntry("provider", "Landesportal Thüringen")
                      .containsEntry(
                          "url",
                          "http://localhost:"
                              + port
                              + "/weiter/apitest%3Awohngeld?leistung=99107023000000"
                              + "&ars=160530000000"));
      Map<String, Object> hit = list("/api/v1/services?q=Wohngeld&ars=160530000000").getFirst();
      assertThat(hit)
          .containsEntry("leikaKey", "99107023000000")
          .containsEntry("onlineAvailable", true);
      assertThat((List<Map<String, Object>>) hit.get("otherProviders"))
          .extracting(service -> service.get("name"))
          .containsExactly("Wohngeld online beantragen");

      // A dead link is hidden: the Leistung is no longer online there.
      jdbc.sql("update onlinedienst set link_status = 'DEAD' where id = 'apitest:wohngeld'")
          .update();
      assertThat(object("/api/v1/services/99107023000000?ars=160530000000"))
          .containsEntry("onlineAvailable", false)
          .containsEntry("onlineServices", List.of());
    } finally {
      objects.delete(VerbundObjects.Kind.ONLINEDIENST, "apitest:wohngeld");
    }
    assertThat(object("/api/v1/services/99107023000000?ars=160530000000"))
        .containsEntry("onlineAvailable", false);
  }

  private static VerbundObjects.Zustaendigkeitseintrag wohngeldInJena() {
    return new VerbundObjects.Zustaendigkeitseintrag(
        "apitest:wohngeld-jena",
        "apitest",
        "99107023000000",
        "160530000000",
        null,
        "apitest:wohngeld",
        VerbundObjects.Rolle.ONLINEDIENST);
  }

  @Test
  @SuppressWarnings("unchecked")
  void kindergeldInErfurtNamesTheFamilienkasseAndItsOnlineServiceNotStadtErfurt() {
    objects.save(
        new VerbundObjects.Organisationseinheit(
            "apitest:familienkasse",
            "apitest",
            "Familienkasse der Bundesagentur für Arbeit",
            null,
            null,
            null,
            null,
            "0800 4 5555 30",
            null,
            "https://www.arbeitsagentur.de/familie-und-kinder",
            null));
    objects.save(
        new VerbundObjects.Onlinedienst(
            "apitest:kindergeld-online",
            "apitest",
            "Kindergeld online beantragen",
            "Familienkasse der Bundesagentur für Arbeit",
            "https://www.arbeitsagentur.de/familie-und-kinder/kindergeld-beantragen",
            VerbundObjects.LinkStatus.UNCHECKED));
    objects.save(
        new VerbundObjects.Zustaendigkeitseintrag(
            "apitest:kindergeld-stelle",
            "apitest",
            "99041008000000",
            VerbundObjects.GERMANY,
            "apitest:familienkasse",
            null,
            VerbundObjects.Rolle.ZUSTAENDIGE_STELLE));
    objects.save(
        new VerbundObjects.Zustaendigkeitseintrag(
            "apitest:kindergeld-online",
            "apitest",
            "99041008000000",
            VerbundObjects.GERMANY,
            null,
            "apitest:kindergeld-online",
            VerbundObjects.Rolle.ONLINEDIENST));
    try {
      Map<String, Object> hit =
          list("/api/v1/services?q=kindergeld&ars=160510000000&limit=1").getFirst();

      assertThat(hit).containsEntry("leikaKey", "99041008000000");
      assertThat(responsible(hit))
          .containsEntry("basis", "DATA")
          .containsEntry("name", "Familienkasse der Bundesagentur für Arbeit")
          .containsEntry("ars", null);
      assertThat(hit).containsEntry("onlineAvailable", true);
      assertThat((List<Map<String, Object>>) hit.get("otherProviders"))
          .extracting(service -> service.get("provider"))
          .contains("Familienkasse der Bundesagentur für Arbeit");

      Map<String, Object> detail = object("/api/v1/services/99041008000000?ars=160510000000");
      assertThat(responsible(detail)).containsEntry("basis", "DATA");
      assertThat((Map<String, Object>) responsible(detail).get("organisationseinheit"))
          .containsEntry("phone", "0800 4 5555 30");
    } finally {
      objects.delete(VerbundObjects.Kind.ORGANISATIONSEINHEIT, "apitest:familienkasse");
      objects.delete(VerbundObjects.Kind.ONLINEDIENST, "apitest:kindergeld-online");
    }
  }

  @Test
  void theLandsOwnAuthoritiesAreResponsibleForLandMattersNotStadtErfurt() {
    for (String query :
        List.of("rechtsreferendariat", "Doppelbesteuerungsabkommen", "Strafanzeige Aufnahme")) {
      List<Map<String, Object>> hits =
          list("/api/v1/services?q=" + encode(query) + "&ars=160510000000&limit=2");
      assertThat(hits).as(query).isNotEmpty();
      assertThat(responsible(hits.getFirst()))
          .as(query)
          .containsEntry("basis", "DATA")
          .doesNotContainEntry("name", "Stadt Erfurt");
    }
    assertThat(responsible(list("/api/v1/services?q=rechtsreferendariat&ars=160510000000").get(0)))
        .extractingByKey("name")
        .asString()
        .contains("Justizprüfungsamt");
    assertThat(responsible(object("/api/v1/services/99065024000000?ars=160510000000")))
        .as("Meisterprüfung in Erfurt")
        .containsEntry("basis", "DATA")
        .extractingByKey("organisationseinheit")
        .asString()
        .contains("Handwerkskammer Erfurt");
    assertThat(responsible(object("/api/v1/services/99065024000000?ars=160530000000")))
        .as("Meisterprüfung in Jena")
        .extractingByKey("organisationseinheit")
        .asString()
        .contains("Handwerkskammer für Ostthüringen");
  }

  @Test
  void whereNeitherDataNorAReliableRuleAnswersNobodyIsNamedAndPeopleAreSentOnward() {
    // Lehramtsreferendariat: LeiKa type 4, no data. The Typisierung guess (the Kreis) is no answer.
    Map<String, Object> detail = object("/api/v1/services/99019034000000?ars=160510000000");

    assertThat(responsible(detail))
        .containsEntry("basis", "UNKNOWN")
        .containsEntry("authority", null)
        .extractingByKey("onward")
        .asString()
        .contains("https://www.verwaltung.thueringen.de/", "https://www.115.de/");
    assertThat(responsible(detail).get("reason").toString()).doesNotContain("Landkreis");
  }

  @Test
  void aRuleIsMarkedAsAPresumption() {
    assertThat(responsible(object("/api/v1/services/99107023000000?ars=160530000000")))
        .containsEntry("basis", "RULE")
        .containsEntry("note", "vermutlich zuständig – bitte prüfen");
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

  @SuppressWarnings("unchecked")
  private static Map<String, Object> responsible(Map<String, Object> hit) {
    assertThat(hit.get("responsible")).as("responsible").isInstanceOf(Map.class);
    return (Map<String, Object>) hit.get("responsible");
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
