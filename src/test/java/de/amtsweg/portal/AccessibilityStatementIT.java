package de.amtsweg.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every tenant has its own Erklärung zur Barrierefreiheit, linked from its pages, with dates, the
 * known barriers its admins keep, the conciliation body, and a feedback form whose reports reach
 * the tenant: stored for its admins and mailed to its accessibility contact.
 */
class AccessibilityStatementIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;

  @Test
  void erfurtsPagesLinkErfurtsStatement() {
    Document authority = Browser.page(browser().get("/behoerden/160510000000"));

    assertThat(authority.select("footer a:contains(Barrierefreiheit)").attr("href"))
        .isEqualTo("/barrierefreiheit/erfurt");
    assertThat(authority.select("main a[href=/barrierefreiheit/erfurt]").text())
        .as("with the contact")
        .isEqualTo("Erklärung zur Barrierefreiheit");
    assertThat(
            Browser.page(browser().get("/"))
                .select("footer a:contains(Barrierefreiheit)")
                .attr("href"))
        .as("the portal's own pages link the portal's statement")
        .isEqualTo("/barrierefreiheit");

    Document statement = Browser.page(browser().get("/barrierefreiheit/erfurt"));
    assertThat(statement.select("h1").text()).isEqualTo("Erklärung zur Barrierefreiheit");
    assertThat(statement.text()).contains("Diese Erklärung gilt für die Seiten von Stadt Erfurt");
    assertThat(statement.select(".statement-dates dt").eachText())
        .containsExactly("Erklärung erstellt am", "Zuletzt überprüft am");
    assertThat(statement.select(".statement-dates dd").eachText())
        .allSatisfy(date -> assertThat(date).matches("\\d\\d\\.\\d\\d\\.\\d{4}"));
    assertThat(statement.select("h2").eachText())
        .contains(
            "Stand der Vereinbarkeit mit den Anforderungen",
            "Nicht barrierefreie Inhalte",
            "Barrieren melden",
            "Schlichtungsverfahren");
    assertThat(statement.select("a[href^=mailto:]").text())
        .isEqualTo("barrierefreiheit@erfurt.example");
    assertThat(statement.select("a[href*=tlmb-thueringen.de]").text())
        .contains("Landesdurchsetzungsstelle");
    assertThat(statement.select("link[href*=/mandanten/erfurt/theme.css]")).isNotEmpty();
    assertThat(browser().get("/barrierefreiheit/gibt-es-nicht").statusCode()).isEqualTo(404);
  }

  @Test
  void aReportedBarrierReachesTheTenantByMailAndOnItsAdminPage() {
    String marker = "Kontrast-" + UUID.randomUUID();
    Browser visitor = browser();
    Document form = Browser.page(visitor.get("/barrierefreiheit/erfurt"));

    HttpResponse<String> sent =
        visitor.submit(
            "/barrierefreiheit/erfurt",
            Browser.csrf(form),
            Map.of(
                "message", "Der Knopf Weiter hat zu wenig Kontrast. " + marker,
                "page", "/antrag/hundesteuer",
                "email", "melderin@example.org"));

    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location").orElseThrow())
        .endsWith("/barrierefreiheit/erfurt?gesendet#barriere-melden");
    assertThat(Browser.page(visitor.follow(sent)).select("[role=status]").text())
        .contains("Sie ist bei der Behörde angekommen");
    String mail =
        jdbc.sql("select subject || '\n' || body from outbound_mail where body like ?")
            .param("%" + marker + "%")
            .query(String.class)
            .single();
    assertThat(mail)
        .contains(
            "Barriere gemeldet: Stadt Erfurt",
            "/antrag/hundesteuer",
            "melderin@example.org",
            "/verwaltung/barrierefreiheit");
    assertThat(
            jdbc.sql("select recipient from outbound_mail where body like ?")
                .param("%" + marker + "%")
                .query(String.class)
                .single())
        .isEqualTo("barrierefreiheit@erfurt.example");

    Browser erfurt = browser();
    erfurt.signIn("verwaltung-erfurt", DEMO_PASSWORD);
    Document reports = Browser.page(erfurt.get("/verwaltung/barrierefreiheit"));
    assertThat(reports.select(".report").text()).contains(marker, "melderin@example.org");

    Browser jena = browser();
    jena.signIn("verwaltung-jena", DEMO_PASSWORD);
    assertThat(Browser.page(jena.get("/verwaltung/barrierefreiheit")).text())
        .as("another tenant's admins never see it")
        .doesNotContain(marker);
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-erfurt", DEMO_PASSWORD);
    assertThat(caseworker.get("/verwaltung/barrierefreiheit").statusCode()).isEqualTo(403);
  }

  @Test
  void aReportWithoutTextShowsTheErrorAfterTheHeading() {
    Browser visitor = browser();
    Document form = Browser.page(visitor.get("/barrierefreiheit"));

    HttpResponse<String> refused =
        visitor.submit(
            "/barrierefreiheit/thueringen",
            Browser.csrf(form),
            Map.of("message", " ", "email", "kein-at", "portal", "1"));

    assertThat(refused.statusCode()).isEqualTo(400);
    Document page = Browser.page(refused);
    assertThat(page.select("#error-summary a").eachAttr("href"))
        .containsExactly("#message", "#email");
    assertThat(page.select("h1 ~ #error-summary, h1 ~ * #error-summary"))
        .as("the heading comes first")
        .isNotEmpty();
    assertThat(page.select("#email").attr("aria-invalid")).isEqualTo("true");
    assertThat(page.select("#email").val()).isEqualTo("kein-at");
  }

  @Test
  void theTenantAdminKeepsDatesAndKnownBarriersOfTheStatement() {
    Browser admin = browser();
    admin.signIn("verwaltung-jena", DEMO_PASSWORD);
    Document form = Browser.page(admin.get("/verwaltung/barrierefreiheit"));
    assertThat(form.select("#preparedOn").val()).isEqualTo("07.12.2026");

    HttpResponse<String> wrong =
        admin.submit(
            "/verwaltung/barrierefreiheit",
            Browser.csrf(form),
            Map.of(
                "conformity", "PARTIAL",
                "preparedOn", "01.03.2026",
                "reviewedOn", "01.02.2026",
                "knownBarriers", "",
                "version", form.select("input[name=version]").val()));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(Browser.page(wrong).select("#error-summary a").attr("href"))
        .isEqualTo("#reviewedOn");

    HttpResponse<String> saved =
        admin.submit(
            "/verwaltung/barrierefreiheit",
            Browser.csrf(form),
            Map.of(
                "conformity",
                "PARTIAL",
                "preparedOn",
                "1.3.2026",
                "reviewedOn",
                "15.11.2026",
                "knownBarriers",
                "Die Satzungen stehen nur als eingescannte PDF-Dateien bereit.\r\n\r\n"
                    + "Der Stadtplan ist nicht mit der Tastatur bedienbar.",
                "version",
                form.select("input[name=version]").val()));
    assertThat(saved.statusCode()).isEqualTo(302);

    Document statement = Browser.page(browser().get("/barrierefreiheit/jena"));
    assertThat(statement.select(".statement-dates dd").eachText())
        .containsExactly("01.03.2026", "15.11.2026");
    assertThat(statement.select("#known-barriers li").eachText())
        .containsExactly(
            "Die Satzungen stehen nur als eingescannte PDF-Dateien bereit.",
            "Der Stadtplan ist nicht mit der Tastatur bedienbar.");
    assertThat(statement.select("#known-barriers").attr("lang")).isEqualTo("de");
    assertThat(Browser.page(browser().get("/barrierefreiheit/erfurt")).text())
        .as("only Jena's statement changed")
        .doesNotContain("Stadtplan");

    HttpResponse<String> stale =
        admin.submit(
            "/verwaltung/barrierefreiheit",
            Browser.csrf(form),
            Map.of(
                "conformity", "FULL",
                "preparedOn", "1.3.2026",
                "reviewedOn", "1.3.2026",
                "version", form.select("input[name=version]").val()));
    assertThat(stale.statusCode())
        .as("a form from before the save is refused, not overwriting it")
        .isEqualTo(409);
  }
}
