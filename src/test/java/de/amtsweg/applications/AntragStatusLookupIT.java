package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Following an Antrag without a Servicekonto (issue #16): the receipt e-mail carries a status code;
 * with the reference and the code anyone who has the e-mail sees the status, the next step and the
 * receipt. A wrong code and an unknown reference get the same answer, and guessing runs into a
 * limit per address and per reference.
 */
class AntragStatusLookupIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final Pattern CODE = Pattern.compile("Code: ([A-Z0-9]{5}-[A-Z0-9]{5})");

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired JdbcClient jdbc;

  @Test
  void theReferenceAndTheCodeFromTheMailShowTheStatusWithTheNextStep() {
    Submitted submitted = submit("198.51.100.201");
    assertThat(submitted.mail())
        .contains("Den Stand Ihres Antrags sehen Sie jederzeit unter", "/antrag/status");

    Browser stranger = browser().from("198.51.100.202");
    assertThat(stranger.get("/antrag/status/" + submitted.reference()).statusCode())
        .as("no code, no status")
        .isEqualTo(404);

    Document form = Browser.page(stranger.get("/antrag/status"));
    assertThat(form.select("label[for=reference]").text()).isEqualTo("Aktenzeichen");
    assertThat(form.select("label[for=code]").text()).isEqualTo("Code");
    HttpResponse<String> found =
        stranger.submit(
            "/antrag/status",
            Browser.csrf(form),
            Map.of(
                "reference",
                submitted.reference().toLowerCase(java.util.Locale.ROOT),
                "code",
                submitted.code().replace("-", " ").toLowerCase(java.util.Locale.ROOT)));
    assertThat(found.statusCode()).isEqualTo(302);
    assertThat(found.headers().firstValue("Location").orElseThrow())
        .endsWith("/antrag/status/" + submitted.reference());

    Document status = Browser.page(stranger.follow(found));
    assertThat(status.select(".reference").text()).isEqualTo(submitted.reference());
    assertThat(status.select(".antrag-status").text()).isEqualTo("Eingegangen");
    assertThat(status.select(".next-step__text").text())
        .isEqualTo(
            "Als Nächstes: Stadt Erfurt prüft Ihren Antrag. Bearbeitungsdauer: meist innerhalb"
                + " von 2 Wochen.");
    assertThat(status.select(".timeline li").text()).contains("Antrag eingegangen");
    String receipt = status.select("a[href$=eingangsbestaetigung.pdf]").attr("href");
    HttpResponse<byte[]> pdf = stranger.download(receipt);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
  }

  @Test
  void aWrongCodeAndAnUnknownReferenceGetTheSameAnswer() {
    Submitted submitted = submit("198.51.100.203");
    Browser guesser = browser().from("198.51.100.204");

    HttpResponse<String> wrongCode =
        lookup(
            guesser,
            submitted.reference(),
            submitted.code().equals("AAAAA-AAAAA") ? "BBBBB-BBBBB" : "AAAAA-AAAAA");
    HttpResponse<String> unknownReference = lookup(guesser, "HUND-1999-999999", submitted.code());

    assertThat(wrongCode.statusCode()).isEqualTo(404);
    assertThat(unknownReference.statusCode()).isEqualTo(404);
    String wrong = Browser.page(wrongCode).select("#error-summary").text();
    assertThat(wrong).contains("Aktenzeichen und Code passen nicht zusammen");
    assertThat(Browser.page(unknownReference).select("#error-summary").text()).isEqualTo(wrong);
    assertThat(Browser.page(wrongCode).select("#error-summary a").attr("href"))
        .isEqualTo("#reference");
    assertThat(Browser.page(wrongCode).select("#code").attr("aria-invalid")).isEqualTo("true");
    assertThat(guesser.get("/antrag/status/" + submitted.reference()).statusCode()).isEqualTo(404);

    HttpResponse<String> empty = lookup(guesser, "", "");
    assertThat(Browser.page(empty).select("#error-summary a").eachAttr("href"))
        .containsExactly("#reference", "#code");
  }

  @Test
  void guessingCodesRunsIntoALimitPerAddressAndPerReference() {
    Submitted submitted = submit("198.51.100.205");
    Browser guesser = browser().from("198.51.100.206");
    for (int i = 0; i < 10; i++) {
      assertThat(lookup(guesser, submitted.reference(), "ZZZZZ-ZZZZ" + (i % 8 + 2)).statusCode())
          .isEqualTo(404);
    }
    HttpResponse<String> limited = lookup(guesser, submitted.reference(), submitted.code());
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(Browser.page(limited).select("#error-summary").text()).contains("Zu viele Versuche");

    // From elsewhere, the reference guessed at is held too: no spreading the guesses.
    HttpResponse<String> elsewhere =
        lookup(browser().from("198.51.100.207"), submitted.reference(), submitted.code());
    assertThat(elsewhere.statusCode()).isEqualTo(429);
  }

  private HttpResponse<String> lookup(Browser browser, String reference, String code) {
    Document form = Browser.page(browser.get("/antrag/status"));
    return browser.submit(
        "/antrag/status", Browser.csrf(form), Map.of("reference", reference, "code", code));
  }

  record Submitted(String reference, String code, String mail) {}

  /** An anonymous Hundesteuer Antrag through the API, and its receipt e-mail. */
  private Submitted submit(String address) {
    String email = "status-" + UUID.randomUUID() + "@example.org";
    ObjectNode example =
        (ObjectNode)
            json.readTree(
                browser()
                    .get("/api/v1/apps/hundesteuer/example", "Accept", "application/json")
                    .body());
    ((ObjectNode) example.get("answers")).put("email", email);
    HttpResponse<String> created =
        browser()
            .from(address)
            .postJson(
                "/api/v1/tenants/" + ERFURT + "/apps/hundesteuer/antraege", example.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = json.readTree(created.body()).get("reference").asString();
    String mail =
        jdbc.sql("select body from outbound_mail where recipient = ?")
            .param(email)
            .query(String.class)
            .single();
    Matcher code = CODE.matcher(mail);
    assertThat(code.find()).as(mail).isTrue();
    return new Submitted(reference, code.group(1), mail);
  }
}
