package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anträge over the API as an integrator sends them: every shipped app's documented example is
 * accepted by a tenant that offers the app, with a receipt and a status; retries with the same
 * Idempotency-Key do not create a second Antrag; the wrong tenant, a missing login and a stranger
 * are refused.
 */
class AntragApiIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String LAND = "160000000000";
  private static final String JENA = "160530000000";
  private static final String ERIKA = "erika.mustermann@example.org";
  private static final String SUPPLIER = "rechnungen@lieferdienst-thueringen.example";
  private static final String JSON = "application/json";

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void everyShippedAppAcceptsItsExampleWithReceiptAndStatus() {
    Browser erika = browser();
    String token = personalAccessToken(erika, ERIKA);
    JsonNode apps = read(browser().get("/api/v1/apps", "Accept", JSON));
    List<String> ids = new ArrayList<>();
    apps.forEach(app -> ids.add(app.get("id").asString()));
    assertThat(ids)
        .contains("hundesteuer", "meldebescheinigung", "kita-anmeldung", "foerderung-egovernment");

    for (JsonNode app : apps) {
      String id = app.get("id").asString();
      boolean anonymous = app.get("anonymous").asBoolean();
      // Erfurt wants the Meldebescheinigung paid before submission (PaymentFlowIT); Jena charges by
      // Bescheid.
      String tenant =
          id.equals("foerderung-egovernment")
              ? LAND
              : id.equals("meldebescheinigung") ? JENA : ERFURT;
      HttpResponse<String> example =
          browser().get("/api/v1/apps/" + id + "/example", "Accept", JSON);
      assertThat(example.statusCode()).as(id).isEqualTo(200);

      Browser caller = browser();
      String[] auth = anonymous ? new String[0] : new String[] {"Authorization", "Bearer " + token};
      HttpResponse<String> created = caller.postJson(antraege(tenant, id), example.body(), auth);
      assertThat(created.statusCode()).as("%s: %s", id, created.body()).isEqualTo(201);
      JsonNode body = read(created);
      String reference = body.get("reference").asString();
      assertThat(reference).as(id).matches("[A-Z]+-\\d{4}-\\d{6}");
      assertThat(body.get("status").asString()).isNotBlank();
      assertThat(created.headers().firstValue("Location").orElseThrow())
          .endsWith("/api/v1/antraege/" + reference);
      URI receipt = URI.create(body.get("receipt").asString());
      assertThat(receipt.getPath())
          .isEqualTo("/antrag/eingang/" + reference + "/eingangsbestaetigung.pdf");

      // Anonymous applicants read their receipt and status with the token; account holders with
      // their login.
      String receiptToken = anonymous ? receipt.getQuery().replace("token=", "") : null;
      byte[] pdf = (anonymous ? browser() : erika).download(receipt.toString()).body();
      ReceiptCheck.of(pdf, reference);
      HttpResponse<String> status =
          anonymous
              ? browser()
                  .get("/api/v1/antraege/" + reference + "?token=" + receiptToken, "Accept", JSON)
              : browser()
                  .get(
                      "/api/v1/antraege/" + reference,
                      "Accept",
                      JSON,
                      "Authorization",
                      "Bearer " + token);
      assertThat(status.statusCode()).as(id).isEqualTo(200);
      JsonNode state = read(status);
      assertThat(state.get("reference").asString()).isEqualTo(reference);
      assertThat(state.get("app").asString()).isEqualTo(id);
      assertThat(state.get("status").asString()).isEqualTo(body.get("status").asString());
      assertThat(state.get("timeline")).isNotEmpty();
      assertThat(state.get("timeline").get(0).get("text").asString()).isNotBlank();

      // Nobody else learns anything about it.
      assertThat(browser().get("/api/v1/antraege/" + reference, "Accept", JSON).statusCode())
          .isEqualTo(404);
      assertThat(
              browser()
                  .get("/api/v1/antraege/" + reference + "?token=falsch", "Accept", JSON)
                  .statusCode())
          .isEqualTo(404);
    }
  }

  @Test
  void retriesWithTheSameKeyGiveTheSameAntrag() {
    String example = browser().get("/api/v1/apps/hundesteuer/example", "Accept", JSON).body();
    String key = "retry-" + System.nanoTime();
    HttpResponse<String> first =
        browser().postJson(antraege(ERFURT, "hundesteuer"), example, "Idempotency-Key", key);
    HttpResponse<String> again =
        browser().postJson(antraege(ERFURT, "hundesteuer"), example, "Idempotency-Key", key);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(read(again).get("reference").asString())
        .isEqualTo(read(first).get("reference").asString());
    HttpResponse<String> other =
        browser().postJson(antraege(ERFURT, "hundesteuer"), example, "Idempotency-Key", key + "-2");
    assertThat(other.statusCode()).isEqualTo(201);
    assertThat(read(other).get("reference").asString())
        .isNotEqualTo(read(first).get("reference").asString());
  }

  @Test
  void wrongTenantMissingLoginAndStrangersAreRefused() {
    String hunde = browser().get("/api/v1/apps/hundesteuer/example", "Accept", JSON).body();
    // The Land does not offer the Hundesteuer, and no tenant has this key.
    for (String tenant : List.of(LAND, "169999999999")) {
      HttpResponse<String> inactive = browser().postJson(antraege(tenant, "hundesteuer"), hunde);
      assertThat(inactive.statusCode()).as(tenant).isEqualTo(404);
      assertThat(inactive.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(read(inactive).get("type").asString()).startsWith("urn:amtsweg:problem:");
    }

    String kita = browser().get("/api/v1/apps/kita-anmeldung/example", "Accept", JSON).body();
    HttpResponse<String> anonymous = browser().postJson(antraege(ERFURT, "kita-anmeldung"), kita);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");

    Browser erika = browser();
    String token = personalAccessToken(erika, ERIKA);
    HttpResponse<String> created =
        browser()
            .postJson(antraege(ERFURT, "kita-anmeldung"), kita, "Authorization", "Bearer " + token);
    assertThat(created.statusCode()).isEqualTo(201);
    String reference = read(created).get("reference").asString();
    String stranger = personalAccessToken(browser(), SUPPLIER);
    HttpResponse<String> foreign =
        browser()
            .get(
                "/api/v1/antraege/" + reference,
                "Accept",
                JSON,
                "Authorization",
                "Bearer " + stranger);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(foreign.body()).doesNotContain("Mia");
  }

  private static String antraege(String tenant, String app) {
    return "/api/v1/tenants/" + tenant + "/apps/" + app + "/antraege";
  }

  private String personalAccessToken(Browser browser, String email) {
    return AntragForms.personalAccessToken(AntragForms.loggedIn(browser, email, DEMO_PASSWORD));
  }

  private JsonNode read(HttpResponse<String> response) {
    return json.readTree(response.body());
  }
}
