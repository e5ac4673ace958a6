package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.amtsweg.forms.DefinitionException.Problem;
import de.amtsweg.forms.FormEngine.FeeAssessment;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fees as an Antrags-App defines them: fixed, per unit, computed from the answers, with exemptions.
 */
class FeesTest {

  private static final String HEAD =
      """
      id: probe
      name: Probe
      referencePrefix: PROBE
      legalBasis: { de: "§ 1 Probegesetz", en: "Section 1 Test Act" }
      parameters:
        - { id: preis, type: money, label: Preis, default: 7.50 }
      steps:
        - id: eins
          title: Eins
          fields:
            - { id: anzahl, type: number, integer: true, label: Anzahl }
            - { id: zweck, type: text, label: Zweck }
      computed:
        - { id: summe, type: money, label: Summe, value: "anzahl == null ? null : anzahl * 3 + 1" }
      """;

  private static FeeAssessment fee(String fee, Map<String, ?> parameters, Map<String, ?> answers) {
    return FormEngine.evaluate(Definitions.parse(HEAD + fee), parameters, answers).assessFee();
  }

  @Test
  void aFixedFeeIsTheSameWhateverTheAnswers() {
    FeeAssessment fee = fee("fee: { amount: \"5.00\" }", Map.of(), Map.of("anzahl", "3"));

    assertThat(fee.amount()).isEqualTo(new BigDecimal("5.00"));
    assertThat(fee.cents()).isEqualTo(500);
    assertThat(fee.exemption()).isNull();
    assertThat(fee.legalBasis().in(java.util.Locale.GERMAN)).isEqualTo("§ 1 Probegesetz");
  }

  @Test
  void aFeePerUnitMultipliesTheTenantsAmountByTheCountAnswered() {
    String perUnit = "fee: { amount: param.preis, units: anzahl }";

    assertThat(fee(perUnit, Map.of(), Map.of("anzahl", "3")).amount())
        .isEqualTo(new BigDecimal("22.50"));
    assertThat(fee(perUnit, Map.of("preis", "2.10"), Map.of("anzahl", "4")).cents()).isEqualTo(840);
    assertThat(fee(perUnit, Map.of(), Map.of())).as("no count yet, no fee yet").isNull();
  }

  @Test
  void aComputedFeeFollowsTheAnswers() {
    String computed = "fee: summe";

    assertThat(fee(computed, Map.of(), Map.of("anzahl", "2")).amount())
        .isEqualTo(new BigDecimal("7.00"));
    FormEngine engine =
        FormEngine.evaluate(Definitions.parse(HEAD + computed), Map.of(), Map.of("anzahl", "2"));
    assertThat(engine.assessFee().amount()).isEqualTo(new BigDecimal("7.00"));
    assertThat(engine.fee()).isEqualTo(new BigDecimal("7.00"));
  }

  @Test
  void anExemptionMakesTheFeeZeroAndSaysWhy() {
    String exempt =
        """
        fee:
          amount: param.preis
          units: anzahl
          exemptions:
            - when: "zweck == 'sozial'"
              reason: { de: "Gebührenfrei nach § 64 SGB X", en: "Free under section 64 SGB X" }
          legalBasis: "§ 2 Gebührenordnung"
        """;

    FeeAssessment free = fee(exempt, Map.of(), Map.of("anzahl", "2", "zweck", "sozial"));
    assertThat(free.amount()).isEqualByComparingTo("0");
    assertThat(free.cents()).isZero();
    assertThat(free.exemption().in(java.util.Locale.ENGLISH))
        .isEqualTo("Free under section 64 SGB X");
    assertThat(free.legalBasis().in(java.util.Locale.GERMAN)).isEqualTo("§ 2 Gebührenordnung");

    FeeAssessment charged = fee(exempt, Map.of(), Map.of("anzahl", "2", "zweck", "Arbeit"));
    assertThat(charged.amount()).isEqualTo(new BigDecimal("15.00"));
    assertThat(charged.exemption()).isNull();
  }

  @Test
  void aFeeWithoutAmountOrWithUnknownNamesIsRefused() {
    DefinitionException none =
        catchThrowableOfType(
            DefinitionException.class, () -> Definitions.parse(HEAD + "fee: { units: anzahl }"));
    assertThat(none.problems())
        .extracting(Problem::key)
        .contains("fee-computed-or-amount", "fee-units-without-amount");

    DefinitionException unknown =
        catchThrowableOfType(
            DefinitionException.class,
            () ->
                Definitions.parse(
                    HEAD
                        + "fee: { amount: param.preis, exemptions: [{ when: \"alter > 65\", reason: Rente }] }"));
    assertThat(unknown.problems()).extracting(Problem::place).contains("fee.exemptions[0].when");
  }

  @Test
  void theShortFormAndTheStoredJsonReadTheSame() {
    AppDefinition app = Definitions.parse(HEAD + "fee: summe");
    assertThat(app.fee()).isEqualTo(AppDefinition.Fee.computed("summe"));
    assertThat(Definitions.parse(Definitions.toJson(app)).fee()).isEqualTo(app.fee());
  }
}
