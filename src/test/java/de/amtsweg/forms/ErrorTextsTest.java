package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.forms.AppDefinition.Field;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Error messages written for each question (issue #16, GOV.UK style): every problem a question of a
 * shipped app can have is told in its own words, in German and English, and every own word is one
 * the engine uses.
 */
class ErrorTextsTest {

  private static final List<String> SHIPPED_APPS =
      List.of(
          "hundesteuer",
          "meldebescheinigung",
          "kita-anmeldung",
          "gewerbe-anmeldung",
          "foerderung-egovernment");

  private static AppDefinition app(String id) throws IOException {
    try (InputStream in =
        ErrorTextsTest.class.getClassLoader().getResourceAsStream("apps/" + id + ".yaml")) {
      return Definitions.parse(in);
    }
  }

  /** Every question of the app, group items' questions as {@code group.question}. */
  private static Map<String, Field> questions(AppDefinition app) {
    Map<String, Field> questions = new LinkedHashMap<>();
    for (Field field : app.fields()) {
      questions.put(field.id(), field);
      for (Field child : field.fields()) {
        questions.put(field.id() + "." + child.id(), child);
      }
    }
    return questions;
  }

  @Test
  void everyConstraintOfAShippedAppsQuestionHasItsOwnWordsInGermanAndEnglish() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String id : SHIPPED_APPS) {
      questions(app(id))
          .forEach(
              (path, field) -> {
                for (String key : FormEngine.constraintKeys(field)) {
                  var own = field.errors().get(key);
                  if (own == null || own.en() == null) {
                    missing.add(id + ": " + path + " " + key);
                  }
                }
              });
    }
    assertThat(missing).as("questions without their own error text").isEmpty();
  }

  @Test
  void everyOwnErrorTextOfAShippedAppIsOneTheEngineUses() throws IOException {
    List<String> unused = new ArrayList<>();
    for (String id : SHIPPED_APPS) {
      questions(app(id))
          .forEach(
              (path, field) -> {
                Set<String> written = new TreeSet<>(field.errors().keySet());
                written.removeAll(FormEngine.problemKeys(field));
                written.forEach(key -> unused.add(id + ": " + path + " " + key));
              });
    }
    assertThat(unused).as("error texts for problems the question cannot have").isEmpty();
  }

  private static final String PROBE =
      """
      id: probe
      name: Probe
      referencePrefix: PROBE
      steps:
        - id: eins
          title: Eins
          fields:
            - { id: name, type: text, label: Name, required: true, minLength: 2, maxLength: 5 }
            - { id: anzahl, type: number, label: Anzahl, integer: true, min: 1, max: 3 }
            - { id: betrag, type: money, label: Betrag, max: 10 }
            - { id: tag, type: date, label: Tag }
            - { id: mail, type: email, label: Mail }
            - { id: telefon, type: phone, label: Telefon }
            - { id: konto, type: iban, label: Konto }
            - { id: ort, type: address, label: Ort }
            - { id: janein, type: yesno, label: Ja oder nein, required: true }
            - { id: auswahl, type: choice, label: Auswahl, options: [{ value: a, label: A }] }
            - id: liste
              type: group
              label: Liste
              maxItems: 1
              fields:
                - { id: eintrag, type: text, label: Eintrag, required: true }
      """;

  @Test
  void theKeysOfAQuestionAreTheProblemsTheEngineReportsForIt() {
    AppDefinition app = Definitions.parse(PROBE);
    Map<String, Object> wrong = new LinkedHashMap<>();
    wrong.put("anzahl", "1,5");
    wrong.put("betrag", "11");
    wrong.put("tag", "nächste Woche");
    wrong.put("mail", "erika");
    wrong.put("telefon", "abc");
    wrong.put("konto", "DE00 1234");
    wrong.put("ort", Map.of("street", "Anger", "postcode", "990"));
    wrong.put("auswahl", "b");
    wrong.put("liste", List.of(Map.of(), Map.of()));
    Map<String, Object> tooLong = new LinkedHashMap<>(wrong);
    tooLong.put("name", "Erika Mustermann");
    tooLong.put("anzahl", "4");
    tooLong.put("liste", List.of(Map.of()));
    Map<String, Object> tooShort = Map.of("name", "E", "anzahl", "0", "janein", "vielleicht");

    List<String> reported = new ArrayList<>();
    for (Map<String, Object> answers : List.of(wrong, tooLong, tooShort)) {
      for (AnswerProblem problem : FormEngine.evaluate(app, Map.of(), answers).problems()) {
        String id = problem.path().replaceAll("[\\[.].*$", "");
        Field field = app.field(id).orElseThrow();
        if (problem.path().contains("[")) {
          field = field.child(problem.path().replaceAll("^.*\\.", "")).orElseThrow();
        }
        assertThat(FormEngine.problemKeys(field))
            .as("%s: %s", problem.path(), problem.key())
            .contains(problem.key());
        reported.add(problem.path() + " " + problem.key());
      }
    }

    assertThat(reported)
        .contains(
            "name required",
            "name max-length",
            "name min-length",
            "anzahl integer",
            "anzahl max",
            "anzahl min",
            "betrag max",
            "tag date",
            "mail email",
            "telefon phone",
            "konto iban",
            "ort.houseNumber address-houseNumber",
            "ort.postcode postcode",
            "janein yesno",
            "auswahl choice",
            "liste items-max",
            "liste[0].eintrag required");
  }

  @Test
  void aQuestionIsAskedToWordOnlyWhatItDeclaresAndItsFormat() {
    AppDefinition app = Definitions.parse(PROBE);
    Map<String, Set<String>> keys = new LinkedHashMap<>();
    for (Field field : app.fields()) {
      keys.put(field.id(), FormEngine.constraintKeys(field));
    }

    assertThat(keys)
        .containsEntry("name", Set.of("required", "min-length", "max-length"))
        .containsEntry("anzahl", Set.of("number", "integer", "min", "max"))
        .as("a money amount's floor of 0 is no declared minimum")
        .containsEntry("betrag", Set.of("money", "max"))
        .containsEntry("tag", Set.of("date"))
        .containsEntry("mail", Set.of("email"))
        .containsEntry("konto", Set.of("iban"))
        .containsEntry(
            "ort",
            Set.of(
                "address-street",
                "address-houseNumber",
                "address-postcode",
                "address-city",
                "postcode"))
        .containsEntry("janein", Set.of("required"))
        .as("a choice not offered only comes from a forged form")
        .containsEntry("auswahl", Set.of())
        .containsEntry("liste", Set.of("items-max"));
  }

  @Test
  void anOwnTextReplacesTheGeneralMessageOfEveryConstraint() {
    String definition =
        PROBE
            .replace(
                "maxLength: 5 }",
                "maxLength: 5, errors: { max-length: { de: Name zu lang, en: Name too long } } }")
            .replace(
                "min: 1, max: 3 }",
                "min: 1, max: 3, errors: { integer: Ganze Anzahl, max: Höchstens drei } }")
            .replace(
                "label: Ort }",
                "label: Ort, errors: { postcode: Fünf Ziffern, address-city: Ort fehlt } }")
            .replace("maxItems: 1", "maxItems: 1\n        errors: { items-max: Nur ein Eintrag }");
    AppDefinition app = Definitions.parse(definition);
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("name", "Erika Mustermann");
    answers.put("anzahl", "2,5");
    answers.put("ort", Map.of("street", "Anger", "houseNumber", "1", "postcode", "990"));
    answers.put("liste", List.of(Map.of("eintrag", "a"), Map.of("eintrag", "b")));

    List<AnswerProblem> problems = FormEngine.evaluate(app, Map.of(), answers).problems();

    assertThat(problems)
        .filteredOn(p -> p.text() != null)
        .extracting(AnswerProblem::path, AnswerProblem::key, p -> p.text().de())
        .contains(
            org.assertj.core.groups.Tuple.tuple("name", "max-length", "Name zu lang"),
            org.assertj.core.groups.Tuple.tuple("anzahl", "integer", "Ganze Anzahl"),
            org.assertj.core.groups.Tuple.tuple("ort.city", "address-city", "Ort fehlt"),
            org.assertj.core.groups.Tuple.tuple("ort.postcode", "postcode", "Fünf Ziffern"),
            org.assertj.core.groups.Tuple.tuple("liste", "items-max", "Nur ein Eintrag"));
    assertThat(problems)
        .filteredOn(p -> p.path().equals("name"))
        .extracting(p -> p.text().en())
        .containsExactly("Name too long");
  }
}
