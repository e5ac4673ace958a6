package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenant admins and operators register API clients in the browser; the secret is shown once and
 * stored hashed; the client then gets tokens at /oauth2/token; switched off or deleted, it gets
 * none and its tokens stop counting; another tenant's admin sees and changes nothing of it.
 */
class ApiClientRegistrationIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aTenantAdminRegistersAClientThatGetsTokensForItsTenantOnly() {
    Browser admin = browser();
    admin.signIn("verwaltung-jena", DEMO_PASSWORD);
    String clientId = "jena-hundesteuer-" + suffix();

    Document form = Browser.page(admin.get("/verwaltung/api-clients/neu"));
    assertThat(form.select("select#owner"))
        .as("a tenant admin registers for the own tenant only")
        .isEmpty();
    assertThat(form.select("input[name=scopes]").eachAttr("value"))
        .containsExactly("antraege.lesen", "postfach.senden", "zahlungen.lesen");
    assertThat(form.select("label[for=scope-antraege.lesen]").text())
        .isEqualTo("antraege.lesen – Anträge an die Behörde lesen");

    // Empty: every field says what is missing, in German, linked from the summary.
    Document empty =
        Browser.page(admin.submit("/verwaltung/api-clients", Browser.csrf(form), Map.of()));
    assertThat(empty.select("#error-summary a").eachText())
        .containsExactly(
            "Geben Sie eine Client-ID ein.",
            "Geben Sie den Namen des Programms ein.",
            "Wählen Sie mindestens eine Berechtigung.");
    assertThat(empty.select("#error-summary a").eachAttr("href"))
        .containsExactly("#clientId", "#name", "#scopes");

    Document malformed =
        Browser.page(
            admin.submit(
                "/verwaltung/api-clients",
                Browser.csrf(form),
                Map.of(
                    "clientId",
                    "Fachverfahren Jena",
                    "name",
                    "Fachverfahren",
                    "scopes",
                    "antraege.lesen")));
    assertThat(malformed.select("#clientId-error").text())
        .contains("nur Kleinbuchstaben (ohne Umlaute), Ziffern");
    assertThat(malformed.select("#clientId").val())
        .as("the input is kept")
        .isEqualTo("Fachverfahren Jena");
    assertThat(
            Browser.page(
                    admin.submit(
                        "/verwaltung/api-clients",
                        Browser.csrf(form),
                        Map.of(
                            "clientId", "ab", "name", "Fachverfahren", "scopes", "antraege.lesen")))
                .select("#clientId-error")
                .text())
        .contains("3 bis 60 Zeichen");
    Document taken =
        Browser.page(
            admin.submit(
                "/verwaltung/api-clients",
                Browser.csrf(form),
                Map.of(
                    "clientId",
                    "fachverfahren-erfurt",
                    "name",
                    "Fachverfahren",
                    "scopes",
                    "antraege.lesen")));
    assertThat(taken.select("#clientId-error").text())
        .contains("Diese Client-ID ist schon vergeben");
    Document foreignScope =
        Browser.page(
            admin.submit(
                "/verwaltung/api-clients",
                Browser.csrf(form),
                Map.of(
                    "clientId", clientId, "name", "Fachverfahren", "scopes", "rechnungen.senden")));
    assertThat(foreignScope.select("#scopes-error").text())
        .contains("nur Berechtigungen, die zum Inhaber passen");
    assertThat(clientRows(clientId)).isZero();

    // Valid, with an attempt to register it for another tenant: the login decides the tenant.
    HttpResponse<String> created =
        admin.submit(
            "/verwaltung/api-clients",
            Browser.csrf(form),
            Map.of(
                "clientId",
                clientId,
                "name",
                "Fachverfahren Hundesteuer",
                "scopes",
                "antraege.lesen",
                "owner",
                "tenant:erfurt"));
    assertThat(created.headers().firstValue("Location").orElseThrow())
        .endsWith("/verwaltung/api-clients");
    Document list = Browser.page(admin.follow(created));
    assertThat(list.select("#client-created").text())
        .contains("API-Zugang " + clientId + " angelegt", "nur jetzt sichtbar");
    String secret = list.select("#new-secret").text();
    assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
    assertThat(list.select("#client-" + clientId + " .client-status").text())
        .isEqualTo("eingeschaltet");
    Document again = Browser.page(admin.get("/verwaltung/api-clients"));
    assertThat(again.select("#new-secret")).as("the secret is shown once").isEmpty();
    assertThat(again.html()).doesNotContain(secret);
    String hash =
        jdbc.sql("select secret_hash from api_client where client_id = ?")
            .param(clientId)
            .query(String.class)
            .single();
    assertThat(hash).startsWith("$argon2id$").doesNotContain(secret);

    JsonNode me = whoAmI(new TokenEndpoint(port).accessToken(clientId, secret, "antraege.lesen"));
    assertThat(me.path("clientId").asString()).isEqualTo(clientId);
    assertThat(me.path("tenant").asString()).isEqualTo("jena");
    assertThat(new TokenEndpoint(port).token(clientId, secret, "postfach.senden").statusCode())
        .as("a scope the client was not given")
        .isEqualTo(400);
    assertThat(new TokenEndpoint(port).token(clientId, "falsch", "antraege.lesen").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aSwitchedOffOrDeletedClientGetsNoTokensAndItsTokensStopCounting() {
    Browser admin = browser();
    admin.signIn("verwaltung-erfurt", DEMO_PASSWORD);
    String clientId = "erfurt-gewerbe-" + suffix();
    String secret = register(admin, clientId, "postfach.senden");
    TokenEndpoint endpoint = new TokenEndpoint(port);
    String token = endpoint.accessToken(clientId, secret, "postfach.senden");
    assertThat(call(token).statusCode()).isEqualTo(200);

    Document list = Browser.page(admin.get("/verwaltung/api-clients"));
    Document off =
        Browser.page(
            admin.follow(
                admin.submit(action(list, clientId, "ausschalten"), Browser.csrf(list), Map.of())));
    assertThat(off.select("#client-notice").text()).contains(clientId + " ist ausgeschaltet");
    assertThat(off.select("#client-" + clientId + " .client-status").text())
        .isEqualTo("ausgeschaltet");
    assertThat(endpoint.token(clientId, secret, "postfach.senden").statusCode()).isEqualTo(401);
    assertThat(call(token).statusCode()).as("its token no longer counts").isEqualTo(401);

    Document on =
        Browser.page(
            admin.follow(
                admin.submit(action(off, clientId, "einschalten"), Browser.csrf(off), Map.of())));
    assertThat(on.select("#client-" + clientId + " .client-status").text())
        .isEqualTo("eingeschaltet");
    String newToken = endpoint.accessToken(clientId, secret, "postfach.senden");

    String confirm = on.select("#client-" + clientId + " a[href$=/loeschen]").attr("href");
    Document question = Browser.page(admin.get(confirm));
    assertThat(question.select("h1").text()).isEqualTo(clientId + " löschen?");
    Document deleted =
        Browser.page(admin.follow(admin.submit(confirm, Browser.csrf(question), Map.of())));
    assertThat(deleted.select("#client-notice").text()).contains(clientId + " ist gelöscht");
    assertThat(deleted.select("#client-" + clientId)).isEmpty();
    assertThat(clientRows(clientId)).isZero();
    assertThat(endpoint.token(clientId, secret, "postfach.senden").statusCode()).isEqualTo(401);
    assertThat(call(newToken).statusCode()).isEqualTo(401);
  }

  @Test
  void anotherTenantsAdminSeesAndChangesNothingOfAClient() {
    Browser jena = browser();
    jena.signIn("verwaltung-jena", DEMO_PASSWORD);
    String clientId = "jena-melde-" + suffix();
    String secret = register(jena, clientId, "antraege.lesen");
    Document jenaList = Browser.page(jena.get("/verwaltung/api-clients"));
    UUID id = UUID.fromString(action(jenaList, clientId, "ausschalten").split("/")[3]);

    Browser gotha = browser();
    gotha.signIn("verwaltung-gotha", DEMO_PASSWORD);
    Document gothaList = Browser.page(gotha.get("/verwaltung/api-clients"));
    assertThat(gothaList.text()).doesNotContain(clientId, "fachverfahren-jena");
    String csrf = Browser.csrf(gothaList);
    for (String step : new String[] {"neues-geheimnis", "ausschalten", "einschalten", "loeschen"}) {
      HttpResponse<String> attempt =
          gotha.submit("/verwaltung/api-clients/" + id + "/" + step, csrf, Map.of());
      assertThat(attempt.statusCode()).as(step).isEqualTo(404);
      assertThat(attempt.body()).as(step).doesNotContain(clientId, "Meldewesen");
    }
    HttpResponse<String> peek = gotha.get("/verwaltung/api-clients/" + id + "/loeschen");
    assertThat(peek.statusCode()).isEqualTo(404);
    assertThat(peek.body()).doesNotContain(clientId, "Meldewesen");
    assertThat(gotha.get("/admin/api-clients").statusCode())
        .as("tenant admins are no operators")
        .isEqualTo(403);
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-jena", DEMO_PASSWORD);
    assertThat(caseworker.get("/verwaltung/api-clients/neu").statusCode()).isEqualTo(403);

    assertThat(new TokenEndpoint(port).token(clientId, secret, "antraege.lesen").statusCode())
        .as("untouched: the old secret still works")
        .isEqualTo(200);
    assertThat(
            jdbc.sql("select disabled_at is null from api_client where id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void anOperatorRegistersClientsForOrganisationsWithTheirScopes() {
    Browser operator = browser();
    operator.signIn("betrieb", DEMO_PASSWORD);
    Document list = Browser.page(operator.get("/admin/api-clients"));
    assertThat(list.select("tbody code").eachText())
        .contains("fachverfahren-erfurt", "fachverfahren-jena", "lieferant-demo");
    assertThat(list.select("#client-lieferant-demo td").eachText())
        .contains("Lieferdienst Thüringen GmbH (Demo)");
    Document form = Browser.page(operator.get("/admin/api-clients/neu"));
    Element supplier =
        form.select("select#owner option").stream()
            .filter(o -> o.text().equals("Lieferdienst Thüringen GmbH (Demo)"))
            .findFirst()
            .orElseThrow();
    assertThat(form.select("select#owner option").eachText()).contains("Stadt Erfurt");
    assertThat(form.select("label[for=scope-rechnungen.senden]").text())
        .contains("(für Unternehmen)");
    String clientId = "lieferant-erp-" + suffix();

    Document noOwner =
        Browser.page(
            operator.submit(
                "/admin/api-clients",
                Browser.csrf(form),
                Map.of("clientId", clientId, "name", "ERP", "scopes", "rechnungen.senden")));
    assertThat(noOwner.select("#owner-error").text())
        .contains("Wählen Sie, zu welchem Mandanten oder Unternehmen");
    Document wrongScope =
        Browser.page(
            operator.submit(
                "/admin/api-clients",
                Browser.csrf(form),
                Map.of(
                    "clientId",
                    clientId,
                    "name",
                    "ERP",
                    "scopes",
                    "antraege.lesen",
                    "owner",
                    supplier.val())));
    assertThat(wrongScope.select("#scopes-error").text()).contains("zum Inhaber passen");
    Document unknownOwner =
        Browser.page(
            operator.submit(
                "/admin/api-clients",
                Browser.csrf(form),
                Map.of(
                    "clientId",
                    clientId,
                    "name",
                    "ERP",
                    "scopes",
                    "antraege.lesen",
                    "owner",
                    "tenant:gibt-es-nicht")));
    assertThat(unknownOwner.select("#owner-error").text())
        .contains("Diesen Mandanten oder dieses Unternehmen gibt es nicht");

    HttpResponse<String> created =
        operator.submit(
            "/admin/api-clients",
            Browser.csrf(form),
            Map.of(
                "clientId",
                clientId,
                "name",
                "ERP des Lieferdienstes",
                "scopes",
                "rechnungen.senden",
                "owner",
                supplier.val()));
    Document after = Browser.page(operator.follow(created));
    String secret = after.select("#new-secret").text();
    JsonNode me =
        whoAmI(new TokenEndpoint(port).accessToken(clientId, secret, "rechnungen.senden"));
    assertThat(me.path("organisation").asString())
        .isEqualTo(supplier.val().substring("organisation:".length()));
    assertThat(me.path("tenant").asString()).isEmpty();

    // The operator manages every tenant's clients, too.
    String jenaClient = "jena-betrieb-" + suffix();
    Document jenaCreated =
        Browser.page(
            operator.follow(
                operator.submit(
                    "/admin/api-clients",
                    Browser.csrf(form),
                    Map.of(
                        "clientId",
                        jenaClient,
                        "name",
                        "Betrieb für Jena",
                        "scopes",
                        "postfach.senden",
                        "owner",
                        "tenant:jena"))));
    assertThat(jenaCreated.select("#client-" + jenaClient + " td").eachText())
        .contains("Stadt Jena");
    Browser jena = browser();
    jena.signIn("verwaltung-jena", DEMO_PASSWORD);
    assertThat(Browser.page(jena.get("/verwaltung/api-clients")).select("tbody code").eachText())
        .contains(jenaClient);
  }

  @Test
  void registeringWithoutTheCsrfTokenIsRefused() {
    Browser admin = browser();
    admin.signIn("verwaltung-jena", DEMO_PASSWORD);
    String clientId = "jena-ohne-csrf-" + suffix();
    HttpResponse<String> forged =
        admin.post(
            "/verwaltung/api-clients",
            Map.of("clientId", clientId, "name", "Fremd", "scopes", "antraege.lesen"));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(clientRows(clientId)).isZero();
  }

  /** Registers a client through the form and returns its secret. */
  private String register(Browser admin, String clientId, String scope) {
    Document form = Browser.page(admin.get("/verwaltung/api-clients/neu"));
    HttpResponse<String> created =
        admin.submit(
            "/verwaltung/api-clients",
            Browser.csrf(form),
            Map.of("clientId", clientId, "name", "Meldewesen " + clientId, "scopes", scope));
    assertThat(created.statusCode()).as("registration of " + clientId).isEqualTo(302);
    return Browser.page(admin.follow(created)).select("#new-secret").text();
  }

  private static String action(Document list, String clientId, String step) {
    return list.select("#client-" + clientId + " form[action$=/" + step + "]").attr("action");
  }

  private HttpResponse<String> call(String accessToken) {
    return browser().get("/api/v1/clients/me", "Authorization", "Bearer " + accessToken);
  }

  private JsonNode whoAmI(String accessToken) {
    HttpResponse<String> me = call(accessToken);
    assertThat(me.statusCode()).isEqualTo(200);
    return json.readTree(me.body());
  }

  private int clientRows(String clientId) {
    return jdbc.sql("select count(*) from api_client where client_id = ?")
        .param(clientId)
        .query(Integer.class)
        .single();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
