package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Machines get access tokens with the client credentials grant; tenant admins rotate secrets. */
class ClientCredentialsIT extends AmtswegIT {

  private static final String OHRDRUF_SECRET = "Ein-Anfangsgeheimnis-fuer-Ohrdruf";

  @Autowired ApiClients clients;
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aDemoClientGetsATokenThatCarriesItsTenantAndScopes() {
    HttpResponse<String> token = token("fachverfahren-erfurt", DEMO_PASSWORD, "antraege.lesen");

    assertThat(token.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(token.body());
    assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.path("expires_in").asInt()).isBetween(590, 600);
    String accessToken = body.path("access_token").asString();

    HttpResponse<String> me =
        browser().get("/api/v1/clients/me", "Authorization", "Bearer " + accessToken);
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode client = json.readTree(me.body());
    assertThat(client.path("clientId").asString()).isEqualTo("fachverfahren-erfurt");
    assertThat(client.path("tenant").asString()).isEqualTo("erfurt");
    assertThat(client.path("scopes").get(0).asString()).isEqualTo("antraege.lesen");
    assertThat(browser().get("/api/v1/me", "Authorization", "Bearer " + accessToken).statusCode())
        .as("a machine is no citizen")
        .isEqualTo(403);

    JsonNode supplier =
        json.readTree(
            browser()
                .get(
                    "/api/v1/clients/me",
                    "Authorization",
                    "Bearer "
                        + json.readTree(
                                token("lieferant-demo", DEMO_PASSWORD, "rechnungen.senden").body())
                            .path("access_token")
                            .asString())
                .body());
    assertThat(supplier.path("organisation").asString()).isNotBlank();
    assertThat(supplier.path("tenant").asString()).isEmpty();
  }

  @Test
  void wrongSecretsAndForeignScopesAreRefused() {
    assertThat(token("fachverfahren-erfurt", "falsch", "antraege.lesen").statusCode())
        .isEqualTo(401);
    assertThat(token("gibt-es-nicht", DEMO_PASSWORD, "antraege.lesen").statusCode()).isEqualTo(401);
    HttpResponse<String> scope = token("fachverfahren-jena", DEMO_PASSWORD, "rechnungen.senden");
    assertThat(scope.statusCode()).isEqualTo(400);
    assertThat(scope.body()).contains("invalid_scope");
    assertThat(
            browser()
                .get("/api/v1/clients/me", "Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void theTenantAdminRotatesASecretAndOnlyTheirOwn() {
    Browser admin = browser();
    admin.signIn("verwaltung-ohrdruf", DEMO_PASSWORD);
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-ohrdruf", DEMO_PASSWORD);
    // Registered as a platform operator would.
    clients.createOrUpdate(
        "fachverfahren-ohrdruf",
        "Fachverfahren Ohrdruf",
        OHRDRUF_SECRET,
        "ohrdruf",
        null,
        List.of("antraege.lesen"));

    Document list = Browser.page(admin.get("/verwaltung/api-clients"));
    assertThat(list.select("tbody code").eachText()).containsExactly("fachverfahren-ohrdruf");
    assertThat(caseworker.get("/verwaltung/api-clients").statusCode())
        .as("caseworkers do not manage clients")
        .isEqualTo(403);
    HttpResponse<String> rotated =
        admin.submit(
            list.select("form[action$=/neues-geheimnis]").attr("action"),
            Browser.csrf(list),
            Map.of());
    String secret =
        Browser.page(admin.follow(rotated)).select("#secret-fachverfahren-ohrdruf").text();

    assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
    assertThat(token("fachverfahren-ohrdruf", OHRDRUF_SECRET, "antraege.lesen").statusCode())
        .isEqualTo(401);
    assertThat(token("fachverfahren-ohrdruf", secret, "antraege.lesen").statusCode())
        .isEqualTo(200);

    Browser otherAdmin = browser();
    otherAdmin.signIn("verwaltung-gotha", DEMO_PASSWORD);
    Document gotha = Browser.page(otherAdmin.get("/verwaltung/api-clients"));
    assertThat(gotha.select("tbody code").eachText()).doesNotContain("fachverfahren-ohrdruf");
    assertThat(
            otherAdmin
                .submit(
                    list.select("form[action$=/neues-geheimnis]").attr("action"),
                    Browser.csrf(gotha),
                    Map.of())
                .statusCode())
        .isEqualTo(404);
  }

  private HttpResponse<String> token(String clientId, String secret, String scope) {
    return new TokenEndpoint(port).token(clientId, secret, scope);
  }
}
