package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.tenancy.Authority;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who is responsible for a Leistung where: the examples of the catalog issue, and overrides. */
class ZustaendigkeitIT extends AmtswegIT {

  static final String ERFURT = "160510000000";
  static final String JENA = "160530000000";
  static final String FRIEMAR = "160675007022"; // Gemeinde in the Verwaltungsgemeinschaft Nesseaue
  static final String LUISENTHAL =
      "160675050044"; // Gemeinde for which the Stadt Ohrdruf is erfüllende Gemeinde
  static final String STADT_GOTHA = "160670029029"; // verbandsfreie Stadt

  @Autowired Zustaendigkeiten zustaendigkeiten;

  @Test
  void hundesteuerInErfurtIsStadtErfurt() {
    assertThat(responsible("99102013000000", ERFURT)).isEqualTo("160510000000");
  }

  @Test
  void kfzZulassungInAGemeindeOfLandkreisGothaIsTheLandkreis() {
    assertThat(responsible("99036008007000", FRIEMAR)).isEqualTo("160670000000");
    assertThat(responsible("99036008007000", STADT_GOTHA)).isEqualTo("160670000000");
  }

  @Test
  void wohngeldInJenaIsStadtJena() {
    assertThat(responsible("99107023000000", JENA)).isEqualTo("160530000000");
  }

  @Test
  void gewerbeAnmeldungGoesToTheAuthorityThatDoesTheGemeindesTasks() {
    assertThat(responsible("99050012104000", FRIEMAR))
        .as("Verwaltungsgemeinschaft")
        .isEqualTo("160675007000");
    assertThat(responsible("99050012104000", LUISENTHAL))
        .as("erfüllende Gemeinde: Stadt Ohrdruf")
        .isEqualTo("160675050053");
    assertThat(responsible("99050012104000", STADT_GOTHA))
        .as("verbandsfrei")
        .isEqualTo(STADT_GOTHA);
    assertThat(responsible("99050012104000", ERFURT)).as("kreisfrei").isEqualTo(ERFURT);
  }

  @Test
  void federalLeistungenNameNoAuthorityOfTheLand() {
    Zustaendigkeit kindergeld = zustaendigkeiten.responsible("99041008000000", ERFURT);

    assertThat(kindergeld.ebene()).isEqualTo(Verwaltungsebene.BUND);
    assertThat(kindergeld.authority()).isNull();
  }

  @Test
  void aLandkreisIsTooCoarseForAGemeindesLeistung() {
    assertThat(zustaendigkeiten.responsible("99102013000000", "160670000000").authority()).isNull();
    assertThat(responsible("99036008007000", "160670000000")).isEqualTo("160670000000");
  }

  @Test
  void anOverrideForARegionWinsThereAndOnlyThere() {
    String baugenehmigung = "99012008000000";
    assertThat(responsible(baugenehmigung, STADT_GOTHA)).isEqualTo("160670000000");

    zustaendigkeiten.addOverride(
        baugenehmigung, STADT_GOTHA, STADT_GOTHA, "Große kreisangehörige Stadt (Test)");

    Zustaendigkeit gotha = zustaendigkeiten.responsible(baugenehmigung, STADT_GOTHA);
    assertThat(gotha.authority().ars()).isEqualTo(STADT_GOTHA);
    assertThat(gotha.overridden()).isTrue();
    assertThat(gotha.reason()).contains("Große kreisangehörige Stadt");
    assertThat(responsible(baugenehmigung, FRIEMAR)).isEqualTo("160670000000");
    zustaendigkeiten.overrides().stream()
        .filter(o -> o.leikaKey().equals(baugenehmigung))
        .forEach(o -> zustaendigkeiten.removeOverride(o.id()));
    assertThat(responsible(baugenehmigung, STADT_GOTHA)).isEqualTo("160670000000");
  }

  private String responsible(String leikaKey, String placeArs) {
    Authority authority = zustaendigkeiten.responsible(leikaKey, placeArs).authority();
    return authority == null ? null : authority.ars();
  }
}
