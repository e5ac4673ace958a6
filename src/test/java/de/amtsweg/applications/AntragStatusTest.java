package de.amtsweg.applications;

import static de.amtsweg.applications.AntragStatus.ABGESCHLOSSEN;
import static de.amtsweg.applications.AntragStatus.BESCHIEDEN;
import static de.amtsweg.applications.AntragStatus.EINGEGANGEN;
import static de.amtsweg.applications.AntragStatus.IN_BEARBEITUNG;
import static de.amtsweg.applications.AntragStatus.RUECKFRAGE;
import static de.amtsweg.applications.AntragStatus.WARTET_AUF_ZAHLUNG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every pair of statuses against the expected transition table. An Antrag is written as {@code
 * WARTET_AUF_ZAHLUNG} or {@code EINGEGANGEN}; every later change goes through {@code
 * AntragStatusGate}, which asks {@link AntragStatus#canBecome} (tested with the database in {@code
 * AntragStatusIT}).
 */
class AntragStatusTest {

  private static final Map<AntragStatus, Set<AntragStatus>> ALLOWED =
      Map.of(
          WARTET_AUF_ZAHLUNG, EnumSet.of(EINGEGANGEN, ABGESCHLOSSEN),
          EINGEGANGEN, EnumSet.of(IN_BEARBEITUNG, RUECKFRAGE, BESCHIEDEN, ABGESCHLOSSEN),
          IN_BEARBEITUNG, EnumSet.of(RUECKFRAGE, BESCHIEDEN, ABGESCHLOSSEN),
          RUECKFRAGE, EnumSet.of(IN_BEARBEITUNG, BESCHIEDEN, ABGESCHLOSSEN),
          BESCHIEDEN, EnumSet.of(ABGESCHLOSSEN),
          ABGESCHLOSSEN, EnumSet.noneOf(AntragStatus.class));

  @Test
  void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
    int checked = 0;
    for (AntragStatus from : AntragStatus.values()) {
      for (AntragStatus to : AntragStatus.values()) {
        assertThat(from.canBecome(to))
            .as("%s -> %s", from, to)
            .isEqualTo(ALLOWED.get(from).contains(to));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(36);
  }

  @Test
  void noStatusBecomesItself() {
    for (AntragStatus status : AntragStatus.values()) {
      assertThat(status.canBecome(status)).as(status.name()).isFalse();
    }
  }

  @Test
  void nothingGoesBackToWaitingForPaymentOrToReceived() {
    for (AntragStatus from : AntragStatus.values()) {
      assertThat(from.canBecome(WARTET_AUF_ZAHLUNG)).as(from.name()).isFalse();
      assertThat(from.canBecome(EINGEGANGEN)).as(from.name()).isEqualTo(from == WARTET_AUF_ZAHLUNG);
    }
  }

  @Test
  void onlyAbgeschlossenIsFinalAndEveryStatusCanEndThere() {
    for (AntragStatus status : AntragStatus.values()) {
      boolean last = EnumSet.allOf(AntragStatus.class).stream().noneMatch(status::canBecome);
      assertThat(last).as(status.name()).isEqualTo(status == ABGESCHLOSSEN);
      if (status != ABGESCHLOSSEN) {
        assertThat(status.canBecome(ABGESCHLOSSEN)).as(status.name()).isTrue();
      }
    }
  }
}
