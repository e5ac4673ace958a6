package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.forms.AnswerSchema;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One event, one time (issue #16): the moment an Antrag came in reads the same, in German time, on
 * the confirmation page, in the receipt PDF and in the authority's case inbox. The database answers
 * in UTC, so a page that formats what it gets shows the hour before.
 */
class GermanTimeIT extends AmtswegIT {

  /** Stadt Gotha: its Hundesteuer goes to the case inbox. */
  private static final String GOTHA = "160670029029";

  @Autowired Drafts drafts;
  @Autowired AppStore store;
  @Autowired JdbcClient jdbc;

  @Test
  void theTimeOfSubmissionIsGermanTimeOnThePageInTheReceiptAndInTheCaseInbox() throws Exception {
    Browser visitor = browser().from("198.51.100.171");
    AntragForms.choosePlace(visitor, GOTHA);
    UUID draft =
        UUID.fromString(AntragForms.path(AntragForms.start(visitor, "hundesteuer")).split("/")[3]);
    AppDefinition app = store.offered(GOTHA, "hundesteuer").orElseThrow().definition();
    Map<String, Object> answers = new LinkedHashMap<>(AnswerSchema.example(app));
    drafts.saveAnswers(draft, answers);
    String check = "/antrag/hundesteuer/" + draft + "/pruefen";
    Document page = Browser.page(visitor.get(check));
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("_csrf", Browser.csrf(page)));
    page.select("input[name=erklaerung]")
        .forEach(b -> fields.add(Map.entry("erklaerung", b.val())));
    HttpResponse<String> submitted = visitor.post(check.replace("/pruefen", "/absenden"), fields);
    String reference = AntragForms.reference(submitted, "HUND");

    OffsetDateTime stored =
        jdbc.sql("select submitted_at from antrag where reference = ?")
            .param(reference)
            .query(OffsetDateTime.class)
            .single();
    var german = stored.atZoneSameInstant(ZoneId.of("Europe/Berlin"));
    String expected = german.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
    String utc =
        stored
            .atZoneSameInstant(ZoneId.of("UTC"))
            .format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
    assertThat(utc).as("German time is never UTC").isNotEqualTo(expected);

    assertThat(Browser.page(visitor.follow(submitted)).text())
        .as("confirmation page")
        .contains(expected)
        .doesNotContain(utc);

    try (PDDocument pdf = Loader.loadPDF(AntragForms.receipt(visitor, submitted))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .as("receipt")
          .contains(german.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")))
          .contains(german.format(DateTimeFormatter.ofPattern("HH:mm")));
    }

    // The applicant's status page and the API timeline: the same time (the API with its offset).
    assertThat(Browser.page(visitor.get("/antrag/status/" + reference)).select(".timeline").text())
        .as("status page")
        .contains(expected)
        .doesNotContain(utc);
    String mail =
        jdbc.sql("select body from outbound_mail where body like ?")
            .param("%" + reference + "%")
            .query(String.class)
            .list()
            .getFirst();
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mail);
    assertThat(token.find()).as(mail).isTrue();
    tools.jackson.databind.JsonNode api =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(
                visitor
                    .get(
                        "/api/v1/antraege/" + reference + "?token=" + token.group(1),
                        "Accept",
                        "application/json")
                    .body());
    assertThat(
            OffsetDateTime.parse(api.get("submittedAt").asString())
                .atZoneSameInstant(ZoneId.of("Europe/Berlin"))
                .format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")))
        .as("API")
        .isEqualTo(expected);
    OffsetDateTime submittedEvent =
        OffsetDateTime.parse(api.get("timeline").get(0).get("at").asString());
    assertThat(api.get("timeline").get(0).get("type").asString()).isEqualTo("SUBMITTED");
    assertThat(java.time.Duration.between(stored, submittedEvent).abs())
        .as("API timeline: the submission's entry is the submission")
        .isLessThan(java.time.Duration.ofSeconds(5));

    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-gotha", DEMO_PASSWORD);
    Document inbox = Browser.page(caseworker.get("/verwaltung/vorgaenge"));
    assertThat(inbox.select("#case-" + reference).text())
        .as("case inbox")
        .contains(expected)
        .doesNotContain(utc);
  }
}
