package de.amtsweg.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A tenant admin lists the websites that may embed the tenant's apps (#18); a bad line is refused
 * with a message naming it, and what was stored stays.
 */
class EmbeddingAdminIT extends AmtswegIT {

  @Test
  void aBadOriginIsRefusedByItsLineAndTheStoredOnesStay() {
    Browser admin = browser();
    admin.signIn("verwaltung-erfurt", DEMO_PASSWORD);
    Document form = Browser.page(admin.get("/verwaltung/einbettung"));
    assertThat(form.select("label[for=origins]").text())
        .isEqualTo("Erlaubte Websites für die Einbettung");
    assertThat(form.select("textarea#origins").val().strip())
        .isEqualTo("http://localhost:*\nhttp://127.0.0.1:*");

    HttpResponse<String> refused =
        admin.submit(
            "/verwaltung/einbettung",
            Browser.csrf(form),
            Map.of("origins", "https://www.erfurt.de\nhttps://*.erfurt.de\nhttps://a.de/pfad"));

    assertThat(refused.statusCode()).isEqualTo(200);
    Document page = Browser.page(refused);
    assertThat(page.select("#error-summary a[href=#origins]").text())
        .contains("Zeile 2: „https://*.erfurt.de“ ist keine erlaubte Adresse")
        .contains("Zeile 3: „https://a.de/pfad“");
    assertThat(page.select("textarea#origins[aria-invalid=true]").val())
        .contains("https://*.erfurt.de");
    assertThat(page.select("#origins-error").text()).contains("Zeile 2");
    assertThat(
            Browser.page(admin.get("/verwaltung/einbettung"))
                .select("textarea#origins")
                .val()
                .strip())
        .isEqualTo("http://localhost:*\nhttp://127.0.0.1:*");
  }

  @Test
  void validOriginsAreSavedAndFrameTheTenantsApps() {
    Browser admin = browser();
    admin.signIn("verwaltung-jena", DEMO_PASSWORD);
    Document form = Browser.page(admin.get("/verwaltung/einbettung"));
    assertThat(form.select("textarea#origins").val().strip()).isEmpty();

    HttpResponse<String> saved =
        admin.submit(
            "/verwaltung/einbettung",
            Browser.csrf(form),
            Map.of("origins", "HTTPS://www.Jena.de\n\nhttps://buergerservice.jena.de:8443"));

    assertThat(saved.statusCode()).isEqualTo(302);
    try {
      assertThat(
              browser()
                  .get("/antrag/hundesteuer?ars=160530000000")
                  .headers()
                  .firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains(
                          "frame-ancestors 'self' https://www.jena.de"
                              + " https://buergerservice.jena.de:8443;"));
    } finally {
      // Other tests expect Jena without origins.
      admin.submit(
          "/verwaltung/einbettung",
          Browser.csrf(Browser.page(admin.get("/verwaltung/einbettung"))),
          Map.of("origins", ""));
    }
  }
}
