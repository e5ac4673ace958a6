package de.amtsweg.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.einvoice.LeitwegId.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeitwegIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "04011000-12345-03", // XRechnung test suite
        "04011000-12346-97",
        "90000000-03083-72",
        "11002002-98765-14",
        "99000000-18188-18",
        "992-90009-96", // three-digit Grobadressierung
        "04011000-1234512345-06", // Feinadressierung, digits only
        "991-33333TEST-33", // letters in the Feinadressierung
        "160510000000-ERECHNUNG-28",
      })
  void acceptsIdsWithCorrectCheckDigits(String text) {
    LeitwegId.Parsed parsed = LeitwegId.parse(text);
    assertThat(parsed.ok()).as(text).isTrue();
    assertThat(parsed.id()).hasToString(text);
  }

  @ParameterizedTest
  @CsvSource({
    "04011000-12345-34, WRONG_CHECK_DIGITS", // the test suite's 05.01a: check digits are wrong
    "90000000-03083-12, WRONG_CHECK_DIGITS",
    "991-33333TEST-34, WRONG_CHECK_DIGITS",
    "991-33333TSET-33, WRONG_CHECK_DIGITS", // letters swapped
    "05 123456 123, MALFORMED",
    "inv-4711, MALFORMED",
    "1-12345-03, MALFORMED", // one-digit Grobadressierung
    "04011000-12345-3, MALFORMED",
    "04011000-1234_5-03, MALFORMED",
    "'', MISSING",
  })
  void rejectsOthersWithTheirReason(String text, Problem problem) {
    LeitwegId.Parsed parsed = LeitwegId.parse(text);
    assertThat(parsed.ok()).as(text).isFalse();
    assertThat(parsed.problem()).isEqualTo(problem);
  }

  @ParameterizedTest
  @CsvSource({"0401100012345, 03", "99133333TEST, 33", "160510000000ERECHNUNG, 28"})
  void computesTheCheckDigitsWithLettersAsTwoDigitNumbers(String grobAndFein, String expected) {
    assertThat(LeitwegId.checkDigits(grobAndFein)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"991-33333test-33"})
  void acceptsLowerCaseLettersAndWritesThemUpperCase(String text) {
    assertThat(LeitwegId.parse(text).id()).hasToString("991-33333TEST-33");
  }
}
