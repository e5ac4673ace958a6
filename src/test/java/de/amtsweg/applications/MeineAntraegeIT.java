package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A submitted Antrag shows up in the account with its timeline, and the receipt lands in the
 * Postfach.
 */
class MeineAntraegeIT extends AmtswegIT {

  @Test
  void anAccountSeesItsAntragWithTimelineAndReceiptInThePostfach() {
    Browser erika = browser();
    assertThat(erika.logIn("erika.mustermann@example.org", DEMO_PASSWORD).statusCode())
        .isEqualTo(302);
    String example =
        browser().accept("application/json").get("/api/v1/apps/hundesteuer/example").body();

    HttpResponse<String> created =
        erika.postJson(
            "/api/v1/tenants/160510000000/apps/hundesteuer/antraege",
            example,
            "Accept",
            "application/json");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = created.body().replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
    assertThat(reference).matches("HUND-\\d{4}-\\d{6}");

    Document list = Browser.page(erika.get("/konto/antraege"));
    assertThat(list.select("table a").eachText()).contains(reference);
    Document detail = Browser.page(erika.get("/konto/antraege/" + reference));
    assertThat(detail.select(".timeline li").text()).contains("Antrag eingegangen");
    assertThat(detail.text()).contains("Stadt Erfurt", "Eingegangen", "Bello");
    HttpResponse<String> pdf =
        erika.get("/konto/antraege/" + reference + "/eingangsbestaetigung.pdf");
    assertThat(pdf.body()).startsWith("%PDF-");

    Document postfach = Browser.page(erika.get("/konto/postfach"));
    assertThat(postfach.text()).contains("Eingangsbestätigung " + reference);

    // Somebody else's account gets nothing, not even whether the reference exists.
    assertThat(browser().get("/konto/antraege/" + reference).statusCode()).isIn(302, 401);
    assertThat(
            browser().accept("application/json").get("/api/v1/antraege/" + reference).statusCode())
        .isEqualTo(404);
  }
}
