package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZustaendigkeitRulesTest {

  @TempDir Path folder;

  @Test
  void longestPrefixWinsThenOzgIdThenTypisierung() {
    ZustaendigkeitRules rules = ZustaendigkeitRules.load(null);

    assertThat(rules.ruleFor("99050012104000", "10294", "2/3").ebene())
        .isEqualTo(Verwaltungsebene.GEMEINDEVERBAND);
    assertThat(rules.ruleFor("99102013000000", "10160", "4").ebene())
        .isEqualTo(Verwaltungsebene.GEMEINDE);
    assertThat(rules.ruleFor("99999999000000", null, "1").ebene()).isEqualTo(Verwaltungsebene.BUND);
    assertThat(rules.ruleFor("99999999000000", null, "5").ebene())
        .isEqualTo(Verwaltungsebene.GEMEINDE);
    assertThat(rules.ruleFor("99999999000000", null, "2/3").ebene())
        .isEqualTo(Verwaltungsebene.KREIS);
  }

  @Test
  void onlyWrittenRulesAndMunicipalStatutesAreReliableTheTypisierungGuessesAreNot() {
    ZustaendigkeitRules rules = ZustaendigkeitRules.load(null);

    assertThat(rules.ruleFor("99036008007000", null, "2/3").reliable()).as("Kfz, rule").isTrue();
    assertThat(rules.ruleFor("99999999000000", null, "5").reliable()).as("Satzung").isTrue();
    // Rechtsreferendariat (type 4), Strafanzeige and Meisterprüfung (2/3), a federal type 1:
    // the Kreis (or "some federal authority") is a guess.
    assertThat(rules.ruleFor("99019035000000", null, "4").reliable()).isFalse();
    assertThat(rules.ruleFor("99089036000000", null, "2/3").reliable()).isFalse();
    assertThat(rules.ruleFor("99065024000000", null, "2/3").reliable()).isFalse();
    assertThat(rules.ruleFor("99999999000000", null, "1").reliable()).isFalse();
  }

  @Test
  void operatorsOwnRulesWin() throws IOException {
    Path own = folder.resolve("regeln.csv");
    Files.writeString(
        own,
        "schluessel;ebene;begruendung\n99012008;GEMEINDE;Bauaufsicht bei den Gemeinden (Test)\n");

    ZustaendigkeitRules rules = ZustaendigkeitRules.load(own);

    assertThat(rules.ruleFor("99012008000000", "10519", "4"))
        .isEqualTo(
            new ZustaendigkeitRules.Rule(
                Verwaltungsebene.GEMEINDE, "Bauaufsicht bei den Gemeinden (Test)", true));
    assertThat(rules.ruleFor("99012001000000", null, "4").ebene())
        .isEqualTo(Verwaltungsebene.KREIS);
  }

  @Test
  void aBrokenRulesFileIsRefusedWithItsLine() throws IOException {
    Path own = folder.resolve("kaputt.csv");
    Files.writeString(own, "schluessel;ebene;begruendung\n99012008;STADTRAT;falsch\n");

    assertThatThrownBy(() -> ZustaendigkeitRules.load(own))
        .hasMessageContaining("kaputt.csv, line 1")
        .hasMessageContaining("STADTRAT");
  }
}
