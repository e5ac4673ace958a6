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
  @Autowired VerbundObjects objects;

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
    assertThat(gotha.basis()).isEqualTo(Zustaendigkeit.Basis.OVERRIDE);
    assertThat(gotha.reason()).contains("Große kreisangehörige Stadt");
    assertThat(responsible(baugenehmigung, FRIEMAR)).isEqualTo("160670000000");
    zustaendigkeiten.overrides().stream()
        .filter(o -> o.leikaKey().equals(baugenehmigung))
        .forEach(o -> zustaendigkeiten.removeOverride(o.id()));
    assertThat(responsible(baugenehmigung, STADT_GOTHA)).isEqualTo("160670000000");
  }

  @Test
  void theLandsOwnAuthoritiesAnswerFromDataAndTheMostSpecificRegionWins() {
    Zustaendigkeit referendariat = zustaendigkeiten.responsible("99019035000000", ERFURT);
    assertThat(referendariat.basis()).isEqualTo(Zustaendigkeit.Basis.DATA);
    assertThat(referendariat.authority()).as("not Stadt Erfurt").isNull();
    assertThat(referendariat.name()).contains("Justizprüfungsamt");
    assertThat(referendariat.organisationseinheit().street())
        .isEqualTo("Werner-Seelenbinder-Straße 5");
    assertThat(zustaendigkeiten.responsible("99065024000000", JENA).name())
        .isEqualTo("Handwerkskammer für Ostthüringen");

    // A Zuständigkeit for Erfurt itself is more specific than the seed's for the whole Land.
    objects.save(
        new VerbundObjects.Organisationseinheit(
            "ztest:olg",
            "ztest",
            "Referendarstelle Erfurt (Test)",
            ERFURT,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    objects.save(
        new VerbundObjects.Zustaendigkeitseintrag(
            "ztest:olg-erfurt",
            "ztest",
            "99019035000000",
            ERFURT,
            "ztest:olg",
            null,
            VerbundObjects.Rolle.ZUSTAENDIGE_STELLE));
    try {
      Zustaendigkeit local = zustaendigkeiten.responsible("99019035000000", ERFURT);
      assertThat(local.name()).isEqualTo("Referendarstelle Erfurt (Test)");
      assertThat(local.authority().ars()).isEqualTo(ERFURT);
      assertThat(zustaendigkeiten.responsible("99019035000000", JENA).name())
          .contains("Justizprüfungsamt");
    } finally {
      objects.delete(VerbundObjects.Kind.ORGANISATIONSEINHEIT, "ztest:olg");
    }
  }

  @Test
  void onlyWrittenRulesNameSomebodyAndOnlyAsAPresumption() {
    // Wohngeld in Erfurt: the written rule "Wohngeldbehörde", and no tenant offers it.
    Zustaendigkeit wohngeld = zustaendigkeiten.responsible("99107023000000", ERFURT);
    assertThat(wohngeld.basis()).isEqualTo(Zustaendigkeit.Basis.RULE);
    assertThat(wohngeld.authority().ars()).isEqualTo(ERFURT);
    // Hundesteuer in Erfurt: Stadt Erfurt switched the app on, so that is data.
    Zustaendigkeit hundesteuer = zustaendigkeiten.responsible("99102013000000", ERFURT);
    assertThat(hundesteuer.basis()).isEqualTo(Zustaendigkeit.Basis.DATA);
    assertThat(hundesteuer.authority().ars()).isEqualTo(ERFURT);
    assertThat(hundesteuer.organisationseinheit().street()).isEqualTo("Fischmarkt 1");
    // Lehramtsreferendariat (LeiKa type 4, no data): the Kreis would be a guess.
    Zustaendigkeit lehramt = zustaendigkeiten.responsible("99019034000000", ERFURT);
    assertThat(lehramt.basis()).isEqualTo(Zustaendigkeit.Basis.UNKNOWN);
    assertThat(lehramt.authority()).isNull();
    assertThat(lehramt.name()).isNull();
    assertThat(zustaendigkeiten.responsible("99102013000000", "160670000000").basis())
        .as("a Landkreis is too coarse for a Gemeinde's Leistung")
        .isEqualTo(Zustaendigkeit.Basis.UNKNOWN);
  }

  private String responsible(String leikaKey, String placeArs) {
    Authority authority = zustaendigkeiten.responsible(leikaKey, placeArs).authority();
    return authority == null ? null : authority.ars();
  }
}
