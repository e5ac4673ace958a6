package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Health, the security baseline and the error contract, over real HTTP. */
class PlatformIT extends AmtswegIT {

  @Test
  void healthIsUp() {
    HttpResponse<String> health = browser().get("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void theJsonApisAreDescribedWithOpenApi() {
    HttpResponse<String> description = browser().get("/api/openapi");

    assertThat(description.statusCode()).isEqualTo(200);
    assertThat(description.body())
        .contains(
            "\"openapi\":\"3.",
            "Amtsweg API",
            "/api/v1/authorities/{ars}",
            "/api/v1/services/{leikaKey}")
        .doesNotContain("/admin/", "/leistungen\"");
  }

  @Test
  void everyPageCarriesTheSecurityHeaders() {
    HttpResponse<String> page = browser().get("/");

    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  @Test
  void staffFindTheirManagementPagesInTheNavigation() {
    Browser admin = browser();
    admin.signIn("verwaltung-erfurt", DEMO_PASSWORD);
    assertThat(Browser.page(admin.get("/verwaltung/vorgaenge")).select("header a").eachAttr("href"))
        .contains("/verwaltung/mitarbeitende")
        .doesNotContain("/admin/mitarbeitende");
    Browser operator = browser();
    operator.signIn("betrieb", DEMO_PASSWORD);
    assertThat(Browser.page(operator.get("/admin/mandanten")).select("header a").eachAttr("href"))
        .contains("/admin/mitarbeitende", "/admin/anmeldung/anbieter");
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-erfurt", DEMO_PASSWORD);
    assertThat(
            Browser.page(caseworker.get("/verwaltung/vorgaenge"))
                .select("header a")
                .eachAttr("href"))
        .doesNotContain("/verwaltung/mitarbeitende");
  }

  @Test
  void theDemoMailboxAnswersOnlyThisMachine() {
    assertThat(browser().get("/demo/postfach-mails").statusCode()).isEqualTo(200);

    HttpResponse<String> forwarded = browser().from("10.1.2.3").get("/demo/postfach-mails");
    assertThat(forwarded.statusCode())
        .as("a client the reverse proxy forwards from elsewhere")
        .isEqualTo(404);
    assertThat(forwarded.body()).doesNotContain("passwort-neu");
  }

  @Test
  void pagesHaveNoInlineScriptOrStyle() {
    Document home = Browser.page(browser().get("/"));

    assertThat(home.select("script:not([src])")).isEmpty();
    assertThat(home.select("style")).isEmpty();
    assertThat(home.select("[style]")).isEmpty();
    assertThat(home.select("meta[name=_csrf]").attr("content")).isNotBlank();
    assertThat(home.select("meta[name=_csrf_header]").attr("content")).isNotBlank();
  }

  @Test
  void postWithoutCsrfTokenIsRefused() {
    Browser visitor = browser();
    visitor.get("/");

    HttpResponse<String> forged = visitor.post("/ort", Map.of("ars", "160510000000"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(visitor.get("/").body()).doesNotContain("Ihr Ort:");
  }

  @Test
  void adminPagesNeedTheOperatorLogin() {
    Browser visitor = browser();

    HttpResponse<String> admin = visitor.get("/admin/mandanten");

    assertThat(admin.statusCode()).isEqualTo(302);
    assertThat(admin.headers().firstValue("Location").orElseThrow()).endsWith("/anmelden");
  }

  @Test
  void wrongPasswordIsRefusedWithAMessage() {
    Browser visitor = browser();

    HttpResponse<String> login = visitor.signIn("betrieb", "falsch");

    assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/anmelden?fehler");
    Document page = Browser.page(visitor.follow(login));
    assertThat(page.select("#error-summary").text())
        .contains("Benutzername oder Passwort stimmen nicht");
    assertThat(visitor.get("/admin/mandanten").statusCode()).isEqualTo(302);
  }

  @Test
  void operatorSignsInWithTheDemoPasswordAndGetsAFreshHttpOnlySession() {
    Browser operator = browser();
    operator.get("/anmelden");
    String before = sessionId(operator);

    HttpResponse<String> login = operator.signIn("betrieb", DEMO_PASSWORD);

    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(operator.get("/admin/mandanten").statusCode()).isEqualTo(200);
    HttpCookie session =
        operator.cookies().stream()
            .filter(c -> c.getName().equals("AMTSWEG_SESSION"))
            .findFirst()
            .orElseThrow();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getValue()).isNotEqualTo(before);
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("AMTSWEG_SESSION=").contains("SameSite=Lax"));
  }

  @Test
  void unknownPageShowsAnErrorPageWithCorrelationIdAndNoStackTrace() {
    HttpResponse<String> missing = browser().get("/gibt-es-nicht");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    String correlationId = missing.headers().firstValue("X-Correlation-Id").orElseThrow();
    Document page = Browser.page(missing);
    assertThat(page.select("h1").text()).isEqualTo("Seite nicht gefunden");
    assertThat(page.text()).contains(correlationId).doesNotContain("Exception", "at de.amtsweg");
  }

  @Test
  void unknownApiPathAnswersWithProblemDetails() {
    HttpResponse<String> missing =
        browser().get("/api/v1/gibt-es-nicht", "Accept", "application/json");

    assertThat(missing.statusCode()).isIn(401, 404);
    assertThat(missing.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(missing.body()).contains("\"type\":\"urn:amtsweg:problem:");
  }

  private static String sessionId(Browser browser) {
    return browser.cookies().stream()
        .filter(c -> c.getName().equals("AMTSWEG_SESSION"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }
}
