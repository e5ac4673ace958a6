package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GermanFoldingTest {

  @Test
  void umlautsAndTheirTranscriptionsMeet() {
    assertThat(GermanFolding.fold("Gößnitz, Stadt")).isEqualTo("gossnitz stadt");
    assertThat(GermanFolding.fold("Goessnitz")).isEqualTo(GermanFolding.fold("Gößnitz"));
    assertThat(GermanFolding.fold("MÜHLHAUSEN")).isEqualTo(GermanFolding.fold("Muehlhausen"));
    assertThat(GermanFolding.fold("Bad Köstritz")).isEqualTo("bad kostritz");
  }

  @Test
  void punctuationBecomesSingleSpaces() {
    assertThat(GermanFolding.fold("  Tambach-Dietharz/Thür. Wald "))
        .isEqualTo("tambach dietharz thur wald");
  }

  @Test
  void otherAccentsAreRemoved() {
    assertThat(GermanFolding.fold("Café Crème")).isEqualTo("cafe creme");
  }
}
