package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped apps behave as their paper forms and rules say: fees, conditions and cross-field
 * rules.
 */
class AntragsAppsTest {

  private static AppDefinition app(String id) throws IOException {
    try (InputStream in =
        AntragsAppsTest.class.getClassLoader().getResourceAsStream("apps/" + id + ".yaml")) {
      return Definitions.parse(in);
    }
  }

  /** The app's example answers, ready for the engine, to change one thing at a time. */
  private static Map<String, Object> answers(AppDefinition app) {
    return new LinkedHashMap<>(AnswerSchema.engineAnswers(app, AnswerSchema.example(app)));
  }

  private static List<String> messages(FormEngine engine, String path) {
    return engine.problems().stream()
        .filter(p -> p.path().equals(path))
        .map(p -> p.text() != null ? p.text().de() : p.key())
        .toList();
  }

  private static String daysFromToday(int days) {
    return LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(days).toString();
  }

  // --- Meldebescheinigung ---

  @Test
  void meldebescheinigungFeeFollowsTypePeopleCopiesAndTheTenantsParameters() throws IOException {
    AppDefinition app = app("meldebescheinigung");
    Map<String, Object> answers = answers(app);

    assertThat(FormEngine.evaluate(app, Map.of(), answers).fee())
        .as("erweitert, 2 Personen")
        .isEqualByComparingTo("24.00");
    assertThat(
            FormEngine.evaluate(
                    app, Map.of("gebuehrErweitert", "15", "versandpauschale", "1.50"), answers)
                .fee())
        .isEqualByComparingTo("31.50");

    answers.put("art", "einfach");
    answers.put("fuerWen", "selbst");
    answers.put("anzahl", "2");
    FormEngine einfach = FormEngine.evaluate(app, Map.of(), answers);
    assertThat(einfach.problems()).isEmpty();
    assertThat(einfach.fee())
        .as("2 einfache Ausfertigungen für mich")
        .isEqualByComparingTo("16.00");
    assertThat(einfach.normalized())
        .as("hidden fields are left out")
        .doesNotContainKeys("zusatzangaben", "personen");
    assertThat(app.leikaKeys()).containsExactly("99115004001005");
    assertThat(app.anonymous()).isTrue();
  }

  @Test
  void meldebescheinigungForASocialBenefitIsFreeButNamesTheBody() throws IOException {
    AppDefinition app = app("meldebescheinigung");
    Map<String, Object> answers = answers(app);
    answers.put("zweck", "sozialleistung");

    assertThat(FormEngine.evaluate(app, Map.of(), answers).problems())
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactly(tuple("zweckStelle", "required"));

    answers.put("zweckStelle", "Deutsche Rentenversicherung");
    FormEngine engine = FormEngine.evaluate(app, Map.of(), answers);
    assertThat(engine.problems()).isEmpty();
    assertThat(engine.fee()).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void meldebescheinigungForAnAdultOfTheHouseholdNeedsTheirPowerOfAttorney() throws IOException {
    AppDefinition app = app("meldebescheinigung");
    Map<String, Object> answers = answers(app);
    answers.put(
        "personen",
        List.of(
            Map.of(
                "vorname",
                "Max",
                "familienname",
                "Mustermann",
                "geburtsdatum",
                "2018-01-01",
                "beziehung",
                "kind"),
            Map.of(
                "vorname",
                "Hans",
                "familienname",
                "Mustermann",
                "geburtsdatum",
                "1980-01-01",
                "beziehung",
                "ehegatte"),
            Map.of(
                "vorname",
                "Lea",
                "familienname",
                "Mustermann",
                "geburtsdatum",
                "2000-01-01",
                "beziehung",
                "kind")));

    FormEngine engine = FormEngine.evaluate(app, Map.of(), answers);

    assertThat(engine.problems())
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactly(
            tuple("personen[1].vollmacht", "file-required"),
            tuple("personen[2].vollmacht", "file-required"));
    assertThat(engine.computed().get("anzahlPersonen")).isEqualTo(new BigDecimal("4"));
  }

  @Test
  void meldebescheinigungRefusesADateOfBirthInTheFuture() throws IOException {
    AppDefinition app = app("meldebescheinigung");
    Map<String, Object> answers = answers(app);
    answers.put("geburtsdatum", daysFromToday(1));

    assertThat(messages(FormEngine.evaluate(app, Map.of(), answers), "geburtsdatum"))
        .contains("Das Geburtsdatum darf nicht in der Zukunft liegen.");
  }

  // --- Kita-Anmeldung ---

  @Test
  void kitaRefusesAnUnbornChildAndASchoolChild() throws IOException {
    AppDefinition app = app("kita-anmeldung");
    Map<String, Object> answers = answers(app);

    answers.put("kindGeburtsdatum", daysFromToday(10));
    assertThat(messages(FormEngine.evaluate(app, Map.of(), answers), "kindGeburtsdatum"))
        .containsExactly(
            "Das Geburtsdatum darf nicht in der Zukunft liegen. Bitte melden Sie Ihr Kind nach der Geburt an.");

    answers.put("kindGeburtsdatum", "2015-03-01");
    assertThat(messages(FormEngine.evaluate(app, Map.of(), answers), "kindGeburtsdatum"))
        .singleElement()
        .asString()
        .startsWith("Ihr Kind ist im Schulalter.");
    assertThat(app.anonymous()).as("no anonymous Kita registration").isFalse();
  }

  @Test
  void kitaStartDateMustLieInTheFutureAndAfterTheBirth() throws IOException {
    AppDefinition app = app("kita-anmeldung");
    Map<String, Object> answers = answers(app);

    answers.put("betreuungsbeginn", daysFromToday(-1));
    assertThat(messages(FormEngine.evaluate(app, Map.of(), answers), "betreuungsbeginn"))
        .contains("Der Betreuungsbeginn muss in der Zukunft liegen.");

    answers.put("kindGeburtsdatum", daysFromToday(0));
    answers.put("betreuungsbeginn", daysFromToday(0));
    assertThat(messages(FormEngine.evaluate(app, Map.of(), answers), "betreuungsbeginn"))
        .contains("Der Betreuungsbeginn muss nach der Geburt des Kindes liegen.");
  }

  @Test
  void kitaTakesOneOrTwoGuardiansAndUpToThreeFacilities() throws IOException {
    AppDefinition app = app("kita-anmeldung");
    Map<String, Object> answers = answers(app);
    Map<String, Object> guardian =
        Map.of(
            "vorname",
            "Erika",
            "familienname",
            "Mustermann",
            "beziehung",
            "mutter",
            "taetigkeit",
            "erwerbstaetig",
            "abweichendeAnschrift",
            "nein");
    answers.put("sorgeberechtigte", List.of(guardian, guardian, guardian));
    answers.put(
        "wunscheinrichtungen",
        List.of(
            Map.of("einrichtung", "A"),
            Map.of("einrichtung", "B"),
            Map.of("einrichtung", "C"),
            Map.of("einrichtung", "D")));

    assertThat(FormEngine.evaluate(app, Map.of(), answers).problems())
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactly(
            tuple("sorgeberechtigte", "items-max"), tuple("wunscheinrichtungen", "items-max"));

    answers.put("sorgeberechtigte", List.of());
    answers.put("wunscheinrichtungen", List.of());
    assertThat(FormEngine.evaluate(app, Map.of(), answers).problems())
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactly(
            tuple("sorgeberechtigte", "items-min"), tuple("wunscheinrichtungen", "items-min"));
  }

  @Test
  void kitaSingleParentNamesOnlyThemselvesAndADifferentAddressIsAskedFor() throws IOException {
    AppDefinition app = app("kita-anmeldung");
    Map<String, Object> answers = answers(app);
    answers.put("alleinerziehend", "ja");
    answers.put(
        "sorgeberechtigte",
        List.of(
            Map.of(
                "vorname",
                "Erika",
                "familienname",
                "Mustermann",
                "beziehung",
                "mutter",
                "taetigkeit",
                "elternzeit",
                "abweichendeAnschrift",
                "nein"),
            Map.of(
                "vorname",
                "Hans",
                "familienname",
                "Mustermann",
                "beziehung",
                "vater",
                "taetigkeit",
                "erwerbstaetig",
                "abweichendeAnschrift",
                "ja")));

    FormEngine engine = FormEngine.evaluate(app, Map.of(), answers);
    assertThat(engine.problems())
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .contains(tuple("sorgeberechtigte[1].anschrift.street", "address-street"));

    answers.put(
        "sorgeberechtigte",
        List.of(
            ((List<?>) answers.get("sorgeberechtigte")).getFirst(),
            Map.of(
                "vorname",
                "Hans",
                "familienname",
                "Mustermann",
                "beziehung",
                "vater",
                "taetigkeit",
                "erwerbstaetig",
                "abweichendeAnschrift",
                "nein")));
    assertThat(messages(FormEngine.evaluate(app, Map.of(), answers), "alleinerziehend"))
        .containsExactly(
            "Wenn Sie alleinerziehend sind, geben Sie bitte nur sich selbst als sorgeberechtigte Person an.");
  }

  @Test
  void kitaAsksForSiblingsOnlyWhenThereAreSome() throws IOException {
    AppDefinition app = app("kita-anmeldung");
    Map<String, Object> answers = answers(app);
    answers.put("geschwister", "nein");

    FormEngine engine = FormEngine.evaluate(app, Map.of(), answers);

    assertThat(engine.problems()).isEmpty();
    assertThat(engine.normalized()).doesNotContainKey("geschwisterKinder");
    answers.put("geschwister", "ja");
    answers.remove("geschwisterKinder");
    assertThat(FormEngine.evaluate(app, Map.of(), answers).problems())
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactly(tuple("geschwisterKinder", "items-min"));
  }

  // --- Förderung E-Government ---

  @Test
  void foerderungComputesTotalAndMaximumGrantFromTheTenantsRate() throws IOException {
    AppDefinition app = app("foerderung-egovernment");
    Map<String, Object> answers = answers(app);

    FormEngine engine = FormEngine.evaluate(app, Map.of(), answers);
    assertThat(engine.problems()).isEmpty();
    assertThat(engine.computed())
        .containsEntry("gesamtkosten", new BigDecimal("50000.00"))
        .containsEntry("hoechstzuwendung", new BigDecimal("40000.00"));
    assertThat(app.forOrganisations()).isTrue();
    assertThat(app.field("kommune").orElseThrow().prefill()).isEqualTo("organisationName");

    answers.put("beantragt", "45.000,00");
    answers.put("eigenanteil", "5000");
    assertThat(messages(FormEngine.evaluate(app, Map.of(), answers), "beantragt"))
        .singleElement()
        .asString()
        .startsWith("Die beantragte Zuwendung übersteigt den Fördersatz.");
    FormEngine ninety = FormEngine.evaluate(app, Map.of("foerderquote", "0.9"), answers);
    assertThat(ninety.problems()).isEmpty();
    assertThat(ninety.computed()).containsEntry("hoechstzuwendung", new BigDecimal("45000.00"));
  }

  @Test
  void foerderungRefusesMoreThanTheCostsAndAnUnbalancedFinancingPlan() throws IOException {
    AppDefinition app = app("foerderung-egovernment");
    Map<String, Object> answers = answers(app);

    answers.put("beantragt", "60000");
    assertThat(messages(FormEngine.evaluate(app, Map.of(), answers), "beantragt"))
        .contains("Die beantragte Zuwendung darf die Gesamtausgaben nicht übersteigen.");

    answers.put("beantragt", "30000");
    assertThat(messages(FormEngine.evaluate(app, Map.of(), answers), "beantragt"))
        .containsExactly(
            "Eigenanteil, Mittel Dritter und beantragte Zuwendung müssen zusammen die Gesamtausgaben ergeben.");

    answers.put("drittmittel", "10000");
    assertThat(FormEngine.evaluate(app, Map.of(), answers).problems()).isEmpty();
  }

  @Test
  void foerderungScheduleStartsAfterTodayAndEndsAfterItsStart() throws IOException {
    AppDefinition app = app("foerderung-egovernment");
    Map<String, Object> answers = answers(app);
    answers.put("beginn", daysFromToday(-5));
    answers.put("ende", daysFromToday(-10));

    FormEngine engine = FormEngine.evaluate(app, Map.of(), answers);

    assertThat(messages(engine, "beginn"))
        .singleElement()
        .asString()
        .startsWith("Der Beginn muss in der Zukunft liegen");
    assertThat(messages(engine, "ende")).containsExactly("Das Ende muss nach dem Beginn liegen.");
  }

  @Test
  void foerderungAsksForTheReasonOfAnEarlyStartAndForTheCostEvidence() throws IOException {
    AppDefinition app = app("foerderung-egovernment");
    Map<String, Object> answers = answers(app);
    answers.put("vorzeitigerBeginn", "ja");
    answers.remove("kostennachweis");
    answers.put("ars", "150510000000");

    assertThat(FormEngine.evaluate(app, Map.of(), answers).problems())
        .extracting(AnswerProblem::path, AnswerProblem::key)
        .containsExactlyInAnyOrder(
            tuple("vorzeitigerBeginnGrund", "required"),
            tuple("kostennachweis", "file-required"),
            tuple("ars", null));
  }
}
