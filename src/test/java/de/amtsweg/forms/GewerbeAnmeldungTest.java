package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import de.amtsweg.forms.AppDefinition.Field;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped Gewerbe-Anmeldung (GewA 1), completed by hand from the FIM import of S00000009. */
class GewerbeAnmeldungTest {

  /** The forms engine decides "today" in German time, whatever the machine\'s zone. */
  private static final java.time.ZoneId GERMAN_TIME = java.time.ZoneId.of("Europe/Berlin");

  static AppDefinition app() throws IOException {
    try (InputStream in =
        GewerbeAnmeldungTest.class
            .getClassLoader()
            .getResourceAsStream("apps/gewerbe-anmeldung.yaml")) {
      return Definitions.parse(in);
    }
  }

  /** A complete answer document from the {@code example} of every field. */
  static Map<String, Object> examples(AppDefinition app) {
    Map<String, Object> answers = new HashMap<>();
    for (Field field : app.fields()) {
      assertThat(field.example()).as("example of " + field.id()).isNotNull();
      answers.put(field.id(), field.example());
      field
          .fields()
          .forEach(
              child ->
                  assertThat(child.example())
                      .as("example of " + field.id() + "." + child.id())
                      .isNotNull());
    }
    return answers;
  }

  private static List<AnswerProblem> problems(Map<String, Object> answers) throws IOException {
    return FormEngine.evaluate(app(), Map.of(), answers).problems();
  }

  @Test
  void loadsWithItsLeikaKeyPrefixFeeAndDeclarations() throws IOException {
    AppDefinition app = app();

    assertThat(app.id()).isEqualTo("gewerbe-anmeldung");
    assertThat(app.leikaKeys()).containsExactly("99050012104000");
    assertThat(app.referencePrefix()).isEqualTo("GEWA");
    assertThat(app.fee()).isEqualTo(de.amtsweg.forms.AppDefinition.Fee.computed("gebuehr"));
    assertThat(app.parameter("gebuehrAnmeldung").orElseThrow().defaultValue().toString())
        .isEqualTo("26.0");
    assertThat(app.declarations())
        .extracting(AppDefinition.Declaration::id)
        .containsExactly("richtigkeit", "keineErlaubnis", "datenuebermittlung");
    assertThat(app.steps())
        .extracting(AppDefinition.Step::id)
        .containsExactly(
            "unternehmen",
            "person",
            "aufenthalt",
            "gesellschaft",
            "betrieb",
            "taetigkeit",
            "anlass",
            "erlaubnisse");
    // every label has an English translation
    assertThat(app.allFields()).allSatisfy(f -> assertThat(f.label().en()).as(f.id()).isNotBlank());
    // the Servicekonto fills in the person
    assertThat(app.field("familienname").orElseThrow().prefill()).isEqualTo("familyName");
    assertThat(app.field("anschrift").orElseThrow().prefill()).isEqualTo("address");
    assertThat(app.field("staatsangehoerigkeit").orElseThrow().prefill()).isEqualTo("nationality");
  }

  @Test
  void theExampleAnswersAreCompleteAndValidAndCostTheDefaultFee() throws IOException {
    AppDefinition app = app();
    FormEngine engine = FormEngine.evaluate(app, Map.of(), examples(app));

    assertThat(engine.problems()).isEmpty();
    assertThat(engine.fee()).isEqualTo(new BigDecimal("26.00"));
    assertThat(engine.visibleSteps())
        .extracting(AppDefinition.Step::id)
        .containsExactly(
            "unternehmen",
            "person",
            "gesellschaft",
            "betrieb",
            "taetigkeit",
            "anlass",
            "erlaubnisse");
    assertThat(engine.normalized())
        .containsEntry("registernummer", "HRB 512345")
        .doesNotContainKey("auslaendischesRegister");
  }

  @Test
  void theTenantSetsTheFee() throws IOException {
    AppDefinition app = app();

    assertThat(FormEngine.evaluate(app, Map.of("gebuehrAnmeldung", "35.00"), examples(app)).fee())
        .isEqualTo(new BigDecimal("35.00"));
  }

  /**
   * Answers that show the conditional fields the default example hides; their examples must be
   * valid, too.
   */
  static Stream<Map<String, Object>> variants() {
    String minor = LocalDate.now(GERMAN_TIME).minusYears(16).toString();
    return Stream.of(
        Map.of(
            "rechtsform",
            "ag",
            "staatsangehoerigkeit",
            "andere",
            "niederlassung",
            "zweigniederlassung",
            "grund",
            "uebernahme",
            "erlaubnisErforderlich",
            true,
            "auflage",
            true,
            "geburtsdatum",
            minor),
        Map.of("rechtsform", "gbr", "grund", "zuzug"),
        Map.of(
            "rechtsform",
            "auslaendisch",
            "staatsangehoerigkeit",
            "staatenlos",
            "niederlassung",
            "zweigstelle"),
        Map.of("rechtsform", "einzelunternehmen", "grund", "rechtsformwechsel"));
  }

  @ParameterizedTest
  @MethodSource("variants")
  void theExamplesOfConditionalFieldsAreValidToo(Map<String, Object> variant) throws IOException {
    AppDefinition app = app();
    Map<String, Object> answers = examples(app);
    answers.putAll(variant);

    assertThat(FormEngine.evaluate(app, Map.of(), answers).problems()).isEmpty();
  }

  @Test
  void aMissingRequiredFieldIsNamed() throws IOException {
    Map<String, Object> answers = examples(app());
    answers.remove("taetigkeit");
    answers.put("beginn", "");

    List<AnswerProblem> problems = problems(answers);

    assertThat(problems)
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactlyInAnyOrder(tuple("taetigkeit", "required"), tuple("beginn", "required"));
    assertThat(problems.getFirst().arguments())
        .containsExactly(new Text("Angemeldete Tätigkeit", "Registered activity"));
  }

  @Test
  void registerDetailsAreRequiredOnlyForRegisteredLegalForms() throws IOException {
    Map<String, Object> gmbh = examples(app());
    gmbh.remove("registernummer");
    gmbh.remove("betriebsname");
    Map<String, Object> einzelunternehmen = new HashMap<>(gmbh);
    einzelunternehmen.put("rechtsform", "einzelunternehmen");
    einzelunternehmen.remove("registergericht");

    assertThat(problems(gmbh))
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactlyInAnyOrder(
            tuple("registernummer", "required"), tuple("betriebsname", "required"));
    assertThat(problems(einzelunternehmen)).isEmpty();
    FormEngine engine = FormEngine.evaluate(app(), Map.of(), einzelunternehmen);
    assertThat(engine.visibleSteps())
        .extracting(AppDefinition.Step::id)
        .doesNotContain("gesellschaft");
  }

  @Test
  void aRegisterNumberWithoutRegisterTypeIsRefusedWithTheAppsMessage() throws IOException {
    Map<String, Object> answers = examples(app());
    answers.put("registernummer", "512345");

    assertThat(problems(answers))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("registernummer");
              assertThat(p.text().de())
                  .isEqualTo(
                      "Bitte geben Sie die Registernummer mit Registerart an, zum Beispiel HRB 512345.");
            });
  }

  @Test
  void everyManagingPartnerMustBeListed() throws IOException {
    Map<String, Object> answers = examples(app());
    answers.put("rechtsform", "gbr");
    answers.put("zahlGesellschafter", "3");

    assertThat(problems(answers))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("weiterePersonen");
              assertThat(p.text().de())
                  .startsWith("Bitte tragen Sie alle geschäftsführenden Gesellschafter");
            });
  }

  @Test
  void residencePermitQuestionsAppearOnlyWithoutEuNationality() throws IOException {
    Map<String, Object> answers = examples(app());
    answers.put("staatsangehoerigkeit", "TR");
    answers.remove("aufenthaltstitel");

    assertThat(problems(answers))
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactly(tuple("aufenthaltstitel", "required"));
    answers.put("staatsangehoerigkeit", "PL");
    assertThat(problems(answers)).isEmpty();
  }

  @Test
  void itsFimIdsAreThoseOfTheStammdatenschema() throws IOException {
    String schema =
        Files.readString(
            Path.of(
                "src/test/resources/fim/xdf2-gewerbeanmeldung-S00000009/S00000009_xdatenfelder.xml"));
    Set<String> ids =
        Pattern.compile("<xdf:id>([FG][0-9]{8})</xdf:id>")
            .matcher(schema)
            .results()
            .map(m -> m.group(1))
            .collect(Collectors.toSet());

    List<String> used =
        app().allFields().stream().map(Field::fim).filter(java.util.Objects::nonNull).toList();
    assertThat(used).hasSizeGreaterThan(30);
    assertThat(ids).containsAll(used);
  }
}
