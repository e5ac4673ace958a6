package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.forms.AppDefinition.Field;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormEngineTest {

  /** The forms engine decides "today" in German time, whatever the machine\'s zone. */
  private static final java.time.ZoneId GERMAN_TIME = java.time.ZoneId.of("Europe/Berlin");

  static AppDefinition hundesteuer() throws Exception {
    try (InputStream in =
        FormEngineTest.class.getClassLoader().getResourceAsStream("apps/hundesteuer.yaml")) {
      return Definitions.parse(in);
    }
  }

  static Map<String, Object> validAnmeldung() {
    Map<String, Object> answers = new HashMap<>();
    answers.put("anliegen", "anmeldung");
    answers.put("vorname", "Erika");
    answers.put("familienname", "Mustermann");
    answers.put("geburtsdatum", "12.08.1984");
    answers.put(
        "anschrift",
        Map.of("street", "Fischmarkt", "houseNumber", "1", "postcode", "99084", "city", "Erfurt"));
    answers.put("email", "erika@example.org");
    answers.put(
        "hunde",
        List.of(
            Map.of(
                "name",
                "Bello",
                "rasse",
                "labrador",
                "geschlecht",
                "ruede",
                "wurfdatum",
                "2023-04-01",
                "haltungsbeginn",
                "2024-06-01",
                "listenhund",
                "false"),
            Map.of(
                "name",
                "Luna",
                "rasse",
                "beagle",
                "geschlecht",
                "huendin",
                "wurfdatum",
                "2022-01-01",
                "haltungsbeginn",
                "2024-06-01",
                "listenhund",
                "nein")));
    answers.put("befreiungBeantragt", "nein");
    return answers;
  }

  @Test
  void validAnswersHaveNoProblemsAndComputeTheTax() throws Exception {
    FormEngine engine = FormEngine.evaluate(hundesteuer(), Map.of(), validAnmeldung());

    assertThat(engine.problems()).isEmpty();
    assertThat(engine.computed().get("jahressteuer")).isEqualTo(new BigDecimal("246.00"));
    assertThat(engine.normalized())
        .containsEntry("geburtsdatum", "1984-08-12")
        .doesNotContainKey("abmeldegrund");
  }

  @Test
  void tenantParametersChangeTheComputedTax() throws Exception {
    FormEngine engine =
        FormEngine.evaluate(
            hundesteuer(),
            Map.of("steuerErsterHund", "50", "steuerWeitererHund", "70"),
            validAnmeldung());

    assertThat(engine.computed().get("jahressteuer")).isEqualTo(new BigDecimal("120.00"));
  }

  @Test
  void hiddenStepsAreSkippedAndTheirAnswersLeftOut() throws Exception {
    Map<String, Object> answers = validAnmeldung();
    answers.put("anliegen", "abmeldung");
    answers.put("abmeldungHundName", "Bello");
    answers.put("abmeldegrund", "verstorben");
    answers.put("abmeldedatum", LocalDate.now(GERMAN_TIME).minusDays(3).toString());

    FormEngine engine = FormEngine.evaluate(hundesteuer(), Map.of(), answers);

    assertThat(engine.visibleSteps())
        .extracting(AppDefinition.Step::id)
        .containsExactly("anliegen", "halter", "abmeldung");
    assertThat(engine.problems()).isEmpty();
    assertThat(engine.normalized())
        .doesNotContainKey("hunde")
        .containsEntry("abmeldegrund", "verstorben");
  }

  @Test
  void everyRuleTypeIsCheckedWithItsPlace() throws Exception {
    Map<String, Object> answers = validAnmeldung();
    answers.put("vorname", "");
    answers.put("geburtsdatum", LocalDate.now(GERMAN_TIME).plusDays(1).toString());
    answers.put("email", "kein-at-zeichen");
    answers.put(
        "anschrift",
        Map.of("street", "Fischmarkt", "houseNumber", "1", "postcode", "9908", "city", "Erfurt"));
    answers.put(
        "hunde",
        List.of(
            Map.of(
                "name",
                "Rex",
                "rasse",
                "pitbull-terrier",
                "geschlecht",
                "ruede",
                "wurfdatum",
                "2024-01-01",
                "haltungsbeginn",
                "2023-01-01",
                "listenhund",
                "false",
                "chipnummer",
                "123")));

    FormEngine engine = FormEngine.evaluate(hundesteuer(), Map.of(), answers);

    assertThat(engine.problems())
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .contains(
            org.assertj.core.groups.Tuple.tuple("vorname", "required"),
            org.assertj.core.groups.Tuple.tuple("geburtsdatum", null),
            org.assertj.core.groups.Tuple.tuple("anschrift.postcode", "postcode"),
            org.assertj.core.groups.Tuple.tuple("email", "email"),
            org.assertj.core.groups.Tuple.tuple("hunde[0].chipnummer", null),
            org.assertj.core.groups.Tuple.tuple("hunde[0].haltungsbeginn", null),
            org.assertj.core.groups.Tuple.tuple("hunde[0].erlaubnis", "file-required"));
    // The question's own words, the key kept for programs.
    assertThat(engine.problems())
        .filteredOn(p -> p.path().equals("vorname"))
        .extracting(p -> p.text().de())
        .containsExactly("Geben Sie Ihren Vornamen an");
  }

  @Test
  void aListedBreedAnswersTheListenhundQuestion() throws Exception {
    Map<String, Object> answers = validAnmeldung();
    Map<String, Object> dog = new java.util.HashMap<>(firstDog(answers));
    dog.put("rasse", "pitbull-terrier");
    // an answer from before the breed was chosen: hidden now, so it counts for nothing
    dog.put("listenhund", "false");
    answers.put("hunde", List.of(dog));
    Field hunde = hundesteuer().field("hunde").orElseThrow();

    FormEngine engine = FormEngine.evaluate(hundesteuer(), Map.of(), answers);

    assertThat(engine.visible(hunde, 0, hunde.child("listenhund").orElseThrow())).isFalse();
    assertThat(engine.visible(hunde, 0, hunde.child("erlaubnis").orElseThrow())).isTrue();
    assertThat(engine.computed()).containsEntry("jahressteuer", new BigDecimal("600.00"));
    assertThat(((List<?>) engine.normalized().get("hunde")).getFirst())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .doesNotContainKey("listenhund");
  }

  @Test
  void declarationsAreMissedEachInItsOwnWords() throws Exception {
    FormEngine engine = FormEngine.evaluate(hundesteuer(), Map.of(), validAnmeldung());

    assertThat(engine.declarationProblems(List.of()))
        .extracting(p -> p.text().de())
        .containsExactly(
            "Bestätigen Sie, dass Ihre Angaben richtig und vollständig sind",
            "Bestätigen Sie, dass Sie Änderungen innerhalb von zwei Wochen mitteilen");
  }

  @Test
  void theQuestionsThatShowOthersAreKnown() throws Exception {
    assertThat(FormEngine.conditionSources(hundesteuer()))
        .contains("rasse", "listenhund", "befreiungBeantragt", "abmeldegrund")
        .doesNotContain("name", "farbe", "vorname");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstDog(Map<String, Object> answers) {
    return (Map<String, Object>) ((List<?>) answers.get("hunde")).getFirst();
  }

  @Test
  void conditionalFieldsBecomeRequiredWhenShown() throws Exception {
    Map<String, Object> answers = validAnmeldung();
    answers.put("befreiungBeantragt", "ja");
    answers.put(
        "hunde",
        List.of(
            Map.of(
                "name",
                "Rex",
                "rasse",
                "bullterrier",
                "geschlecht",
                "ruede",
                "wurfdatum",
                "2022-01-01",
                "haltungsbeginn",
                "2023-01-01",
                "listenhund",
                "ja")));

    FormEngine engine = FormEngine.evaluate(hundesteuer(), Map.of(), answers);

    assertThat(engine.problems())
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("hunde[0].erlaubnis", "file-required"),
            org.assertj.core.groups.Tuple.tuple("befreiungsgrund", "required"),
            org.assertj.core.groups.Tuple.tuple("nachweis", "file-required"));
    assertThat(engine.computed().get("jahressteuer")).isEqualTo(new BigDecimal("600.00"));
  }

  @Test
  void numbersAreReadTheGermanWayAndTheEnglishWay() {
    assertThat(FormEngine.number("1.234,50")).isEqualByComparingTo("1234.50");
    assertThat(FormEngine.number("12,5")).isEqualByComparingTo("12.5");
    assertThat(FormEngine.number("1234.5")).isEqualByComparingTo("1234.5");
    assertThat(FormEngine.number("40.000"))
        .as("thousands, as Germans write them")
        .isEqualByComparingTo("40000");
    assertThat(FormEngine.number("1.234.567")).isEqualByComparingTo("1234567");
    assertThat(FormEngine.number("12.50")).isEqualByComparingTo("12.5");
    assertThat(FormEngine.number("zwölf")).isNull();
  }
}
