package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.amtsweg.forms.DefinitionException.Problem;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

  private static final String HEAD =
      """
      id: probe
      name: Probe
      referencePrefix: PROBE
      steps:
        - id: eins
          title: Eins
          fields:
      """;

  private static DefinitionException refused(String fields) {
    return catchThrowableOfType(DefinitionException.class, () -> Definitions.parse(HEAD + fields));
  }

  @Test
  void anUnknownFieldTypeIsRefusedAtItsPlace() {
    DefinitionException e =
        refused(
            """
            - id: farbe
              type: colour
              label: Farbe
        """);

    assertThat(e.problems()).extracting(Problem::place).contains("steps[0].fields[0].type");
  }

  @Test
  void aConditionOnAMissingFieldIsRefusedNamingTheField() {
    DefinitionException e =
        refused(
            """
            - id: name
              type: text
              label: Name
              show: "alter > 18"
        """);

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.place()).isEqualTo("steps[0].fields[0] (name).show");
              assertThat(p.key()).isEqualTo("unknown-name");
              assertThat(p.arguments()).containsExactly("alter");
            });
  }

  @Test
  void aCycleOfConditionsIsRefusedNamingItsMembers() {
    DefinitionException e =
        refused(
            """
            - id: a
              type: yesno
              label: A
              show: "b == true"
            - id: b
              type: yesno
              label: B
              show: "a == true"
        """);

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.key()).isEqualTo("cycle");
              assertThat(p.arguments().getFirst()).contains("a").contains("b");
            });
  }

  @Test
  void brokenExpressionsUnknownFunctionsAndCodeListsAreRefused() {
    DefinitionException e =
        refused(
            """
            - id: a
              type: choice
              label: A
              codeList: fehlt
            - id: b
              type: number
              label: B
              requiredIf: "a =="
            - id: c
              type: text
              label: C
              show: "#system('rm')"
        """);

    assertThat(e.problems())
        .extracting(Problem::key)
        .containsExactlyInAnyOrder("unknown-code-list", "bad-expression", "unknown-function");
  }

  @Test
  void yamlSyntaxErrorsNameTheLine() {
    DefinitionException e =
        catchThrowableOfType(DefinitionException.class, () -> Definitions.parse("id: [unclosed"));

    assertThat(e.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.place()).startsWith("Zeile 1"));
  }

  @Test
  void aValidDefinitionRoundTripsThroughJson() throws Exception {
    AppDefinition app = FormEngineTest.hundesteuer();

    String json = Definitions.toJson(app);
    assertThat(Definitions.toJson(Definitions.parse(json))).isEqualTo(json);
    assertThat(Definitions.toJson(Definitions.parse(Definitions.toYaml(app)))).isEqualTo(json);
  }
}
