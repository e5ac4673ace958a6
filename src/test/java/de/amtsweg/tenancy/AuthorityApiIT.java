package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The public authority API: search by name and postcode, lookup by ARS, errors as problems. */
class AuthorityApiIT extends AmtswegIT {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void findsErfurtByNameFirst() {
    List<Map<String, Object>> result = search("erfurt");

    assertThat(result.getFirst())
        .containsEntry("ars", "160510000000")
        .containsEntry("ags", "16051000")
        .containsEntry("name", "Erfurt")
        .containsEntry("type", "KREISFREIE_STADT")
        .containsEntry("parentArs", "160000000000");
  }

  @Test
  void findsGoessnitzWithoutUmlautsInAnySpelling() {
    for (String spelling : List.of("gossnitz", "Goessnitz", "GÖSSNITZ", "Gößnitz")) {
      assertThat(search(spelling).getFirst())
          .as(spelling)
          .containsEntry("name", "Gößnitz")
          .containsEntry("type", "STADT");
    }
  }

  @Test
  void findsErfurtByPostcode() {
    List<Map<String, Object>> result = search("99084");

    assertThat(result).extracting(a -> a.get("ars")).containsExactly("160510000000");
  }

  @Test
  void toleratesTypos() {
    assertThat(search("Erfrut")).extracting(a -> a.get("name")).first().isEqualTo("Erfurt");
  }

  @Test
  void findsTheLandkreisByItsFullName() {
    assertThat(search("Landkreis Gotha").getFirst()).containsEntry("ars", "160670000000");
  }

  @Test
  void limitsResults() {
    assertThat(get("/api/v1/authorities?q=gemeinde&limit=3")).hasSize(3);
  }

  @Test
  @SuppressWarnings("unchecked")
  void returnsOneAuthorityWithItsPostcodes() {
    HttpResponse<String> response = browser().get("/api/v1/authorities/160530000000");

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> jena = json.readValue(response.body(), Map.class);
    assertThat(jena).containsEntry("name", "Jena").containsEntry("displayName", "Stadt Jena");
    assertThat((List<Object>) jena.get("postcodes")).contains("07743");
  }

  @Test
  void unknownArsIsANotFoundProblem() {
    HttpResponse<String> response = browser().get("/api/v1/authorities/169999999999");

    assertProblem(response, 404, "authority-not-found");
    assertThat(response.body()).contains("169999999999");
  }

  @Test
  void malformedArsIsABadRequestProblem() {
    assertProblem(browser().get("/api/v1/authorities/erfurt"), 400, "malformed-ars");
    assertProblem(browser().get("/api/v1/authorities/1605100000001"), 400, "malformed-ars");
  }

  @Test
  void missingQueryAndBadLimitAreProblems() {
    assertProblem(browser().get("/api/v1/authorities"), 400, "missing-parameter");
    assertProblem(browser().get("/api/v1/authorities?q=jena&limit=0"), 400, "limit-out-of-range");
    assertProblem(browser().get("/api/v1/authorities?q=jena&limit=abc"), 400, "invalid-parameter");
    assertProblem(browser().get("/api/v1/authorities?q=" + "a".repeat(101)), 400, "query-too-long");
  }

  @Test
  void problemsSpeakTheClientsLanguage() {
    HttpResponse<String> english =
        browser().acceptLanguage("en").get("/api/v1/authorities/169999999999");

    assertThat(english.body()).contains("\"title\":\"Authority not found\"");
  }

  private void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    Map<String, Object> problem = json.readValue(response.body(), Map.class);
    assertThat(problem)
        .containsEntry("status", status)
        .containsEntry("type", "urn:amtsweg:problem:" + type)
        .containsKeys("title", "detail", "instance", "correlationId");
    assertThat(response.body()).doesNotContain("Exception", "at de.amtsweg");
  }

  private List<Map<String, Object>> search(String query) {
    return get(
        "/api/v1/authorities?q="
            + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> get(String path) {
    HttpResponse<String> response = browser().get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    return json.readValue(response.body(), List.class);
  }
}
