package de.amtsweg.applications.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which tenant receives an Antrag from a place, with the demo tenants and their activations: the
 * responsible authority when it offers the app, else the nearest one above the place that does.
 */
class ResponsibilityIT extends AmtswegIT {

  private static final String LAND = "160000000000";
  private static final String ERFURT = "160510000000";
  private static final String OHRDRUF = "160675050053";
  private static final String EMLEBEN = "160675054013";

  @Autowired Responsibility responsibility;

  @Test
  void aCityThatOffersTheAppReceivesTheAntragsOfItsResidents() {
    Responsibility.Target target = responsibility.target("hundesteuer", ERFURT).orElseThrow();

    assertThat(target.tenant().authorityArs()).isEqualTo(ERFURT);
    assertThat(target.offered().app().id()).isEqualTo("hundesteuer");
    assertThat(target.leikaKey()).isEqualTo("99102013000000");
  }

  @Test
  void anAppOfTheLandIsAppliedForAtTheLandFromAnyPlace() {
    // Ohrdruf and Erfurt are tenants themselves, but do not offer the Land's funding programme.
    assertThat(responsibility.target("foerderung-egovernment", OHRDRUF))
        .hasValueSatisfying(t -> assertThat(t.tenant().authorityArs()).isEqualTo(LAND));
    assertThat(responsibility.target("foerderung-egovernment", ERFURT))
        .hasValueSatisfying(t -> assertThat(t.tenant().authorityArs()).isEqualTo(LAND));
  }

  @Test
  void nobodyReceivesItWhenNoAuthorityAboveThePlaceOffersTheApp() {
    assertThat(responsibility.target("hundesteuer", EMLEBEN)).isEmpty();
  }

  @Test
  void anUnknownAppHasNoTarget() {
    assertThat(responsibility.target("gibt-es-nicht", ERFURT)).isEmpty();
  }
}
