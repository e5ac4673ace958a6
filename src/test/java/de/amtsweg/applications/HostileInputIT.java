package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input, as issue #15 probed it: what an attacker or a broken client sends is refused with
 * a clear 4xx, never a 500 or a stack trace, and nothing of it (the marker values in the answers)
 * reaches the log. Each test searches the log it produced for ERROR lines and the markers.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIT extends AmtswegIT {

  static final String ERFURT = "160510000000";
  static final String SUBMIT = "/api/v1/tenants/" + ERFURT + "/apps/hundesteuer/antraege";

  /** Personal data that must never appear in a log line. */
  static final String MARKER = "Zwiebelkuchen";

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aBodyOfFiveMegabytesIsRefusedBeforeItIsRead(CapturedOutput log) {
    String big =
        "{\"answers\":{\"vorname\":\""
            + MARKER
            + "x".repeat(5_000_000)
            + "\"},\"declarations\":[]}";
    HttpResponse<String> response = browser().postJson(SUBMIT, big);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.path("type").asString()).isEqualTo("urn:amtsweg:problem:payload-too-large");
    assertThat(problem.path("detail").asString()).as("the real limit").contains("MB");
    assertClean(log);
  }

  @Test
  void controlCharactersNonCharactersAndLoneSurrogatesInAnAnswerAreAFieldError(CapturedOutput log) {
    for (String hostile : List.of("\\u0000", "\\u0001", "\\uFFFE", "\\uFFFF", "\\uD800")) {
      ObjectNode body = example();
      String text =
          json.writeValueAsString(body).replace("\"Erika\"", "\"" + MARKER + hostile + "ika\"");
      HttpResponse<String> response = browser().postJson(SUBMIT, text);
      assertThat(response.statusCode()).as(hostile + ": " + response.body()).isEqualTo(422);
      JsonNode problem = json.readTree(response.body());
      List<String> paths = new ArrayList<>();
      problem.path("errors").forEach(e -> paths.add(e.path("path").asString()));
      assertThat(paths).as(hostile).contains("vorname");
      assertThat(response.body()).as("no echo of the input").doesNotContain(MARKER);
    }
    assertClean(log);
  }

  @Test
  void aNulInAStepOfTheFormIsAFieldErrorAndTheDraftKeepsEverythingElse(CapturedOutput log) {
    Browser browser = browser();
    AntragForms.choosePlace(browser, ERFURT);
    HttpResponse<String> anliegen = AntragForms.start(browser, "hundesteuer");
    HttpResponse<String> halter =
        AntragForms.next(
            browser, AntragForms.fill(browser, anliegen, Map.of("anliegen", "anmeldung")));
    HttpResponse<String> refused =
        AntragForms.fill(
            browser,
            halter,
            Map.of("vorname", MARKER + "\u0000Erika", "familienname", "Mustermann"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(AntragForms.errors(refused))
        .containsKey("#f-vorname")
        .hasEntrySatisfying(
            "#f-vorname", message -> assertThat(message).contains("Zeichen, die nicht erlaubt"));
    assertThat(Browser.page(refused).selectFirst("#f-familienname").val())
        .as("nothing else is lost")
        .isEqualTo("Mustermann");
    assertClean(log);
  }

  @Test
  void aNulInAQueryParameterIsABadRequest(CapturedOutput log) {
    HttpResponse<String> api = browser().get("/api/v1/services?q=Hund%00steuer");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(json.readTree(api.body()).path("type").asString())
        .isEqualTo("urn:amtsweg:problem:invalid-characters");
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-gotha", DEMO_PASSWORD);
    HttpResponse<String> page = caseworker.get("/verwaltung/vorgaenge?zugewiesen=me%00");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(Browser.page(page).text()).contains("Zeichen, die nicht erlaubt");
    assertClean(log);
  }

  @Test
  void anOversizedFormIsRefusedWithTheRealLimitAndNoStackTrace(CapturedOutput log) {
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-gotha", DEMO_PASSWORD);
    HttpResponse<String> response =
        caseworker.post(
            "/verwaltung/vorgaenge/HUND-2026-000001/notizen",
            Map.of("notiz", "x".repeat(3_000_000)));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Browser.page(response).text()).contains("höchstens 2 MB");
    assertClean(log);
  }

  /**
   * Random Unicode, numbers, nesting and types in place of the answers (a seeded generator, so a
   * failure can be replayed): the API always answers with a 4xx (or accepts a valid one), never
   * with a 5xx; afterwards the app is healthy.
   */
  @Test
  void randomAnswersNeverCauseAServerError(CapturedOutput log) {
    long seed = Long.getLong("hostile.seed", System.nanoTime());
    RandomAnswers random = new RandomAnswers(seed);
    List<String> fields =
        List.of(
            "vorname", "familienname", "geburtsdatum", "anschrift", "hunde", "email", "anliegen");
    List<Integer> statuses = new ArrayList<>();
    for (int run = 0; run < 150; run++) {
      ObjectNode body = example();
      ObjectNode answers = (ObjectNode) body.get("answers");
      for (String field : fields) {
        if (random.chance(0.6)) {
          answers.set(field, json.valueToTree(random.value(0)));
        }
      }
      // Each from its own address: this is about crashes, not about the submission limit.
      HttpResponse<String> response =
          browser()
              .from("198.51.100." + (run % 250))
              .postJson(SUBMIT, json.writeValueAsString(body));
      statuses.add(response.statusCode());
      assertThat(response.statusCode())
          .as(
              "seed %d, run %d: %s → %s",
              seed, run, json.writeValueAsString(answers), response.body())
          .isLessThan(500);
    }
    assertThat(statuses).contains(422);
    assertThat(browser().get("/actuator/health").statusCode()).isEqualTo(200);
    assertClean(log);
  }

  /** Values of every JSON type: any Unicode (control characters too), extreme numbers, nesting. */
  static final class RandomAnswers {
    private final java.util.Random random;

    RandomAnswers(long seed) {
      this.random = new java.util.Random(seed);
    }

    boolean chance(double p) {
      return random.nextDouble() < p;
    }

    Object value(int depth) {
      int kind = random.nextInt(depth > 2 ? 6 : 8);
      return switch (kind) {
        case 0 -> text(random.nextInt(40), 0x10FFFF);
        case 1 -> text(1 + random.nextInt(5), 0x20);
        case 2 -> random.nextLong();
        case 3 ->
            List.of(Double.MAX_VALUE, -Double.MIN_VALUE, 1e308, -0.0, 12345.678901234)
                .get(random.nextInt(5));
        case 4 -> new java.math.BigDecimal(random.nextInt(1000) + "E" + (random.nextInt(60) - 30));
        case 5 -> random.nextBoolean();
        case 6 -> {
          List<Object> list = new ArrayList<>();
          for (int i = random.nextInt(4); i > 0; i--) {
            list.add(value(depth + 1));
          }
          yield list;
        }
        default -> {
          Map<String, Object> map = new java.util.LinkedHashMap<>();
          for (int i = random.nextInt(4); i > 0; i--) {
            map.put(
                List.of("vorname", "street", "name", "content", "x", "\u0000")
                    .get(random.nextInt(6)),
                value(depth + 1));
          }
          yield map;
        }
      };
    }

    /** Code points below {@code bound}: surrogate halves on their own included. */
    private String text(int length, int bound) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length; i++) {
        int codePoint = random.nextInt(bound);
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
          text.append((char) codePoint);
        } else {
          text.appendCodePoint(codePoint);
        }
      }
      return text.toString();
    }
  }

  private ObjectNode example() {
    ObjectNode body =
        (ObjectNode) json.readTree(browser().get("/api/v1/apps/hundesteuer/example").body());
    return body;
  }

  private static void assertClean(CapturedOutput log) {
    assertThat(log.getAll()).as("no ERROR line").doesNotContain(" ERROR ");
    assertThat(log.getAll()).as("no personal data in the log").doesNotContain(MARKER);
  }
}
