package de.amtsweg.casework;

import static de.amtsweg.casework.VorgangStatus.ABGESCHLOSSEN;
import static de.amtsweg.casework.VorgangStatus.BESCHIEDEN;
import static de.amtsweg.casework.VorgangStatus.EINGEGANGEN;
import static de.amtsweg.casework.VorgangStatus.IN_BEARBEITUNG;
import static de.amtsweg.casework.VorgangStatus.RUECKFRAGE;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.delivery.ReportedStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every pair of case statuses against the table the case page offers, and every status has the back
 * channel's word for it (what the Antrag's owner is told).
 */
class VorgangStatusTest {

  private static final Map<VorgangStatus, Set<VorgangStatus>> ALLOWED =
      Map.of(
          EINGEGANGEN, EnumSet.of(IN_BEARBEITUNG, RUECKFRAGE, BESCHIEDEN, ABGESCHLOSSEN),
          IN_BEARBEITUNG, EnumSet.of(RUECKFRAGE, BESCHIEDEN, ABGESCHLOSSEN),
          RUECKFRAGE, EnumSet.of(IN_BEARBEITUNG, BESCHIEDEN, ABGESCHLOSSEN),
          BESCHIEDEN, EnumSet.of(ABGESCHLOSSEN),
          ABGESCHLOSSEN, EnumSet.noneOf(VorgangStatus.class));

  @Test
  void everyPairIsAllowedExactlyWhenTheTableSaysSo() {
    assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(VorgangStatus.values());
    int checked = 0;
    for (VorgangStatus from : VorgangStatus.values()) {
      for (VorgangStatus to : VorgangStatus.values()) {
        assertThat(from.canBecome(to))
            .as("%s -> %s", from, to)
            .isEqualTo(ALLOWED.get(from).contains(to));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(25);
  }

  @Test
  void aClosedCaseStaysClosedAndNoStatusBecomesItself() {
    for (VorgangStatus status : VorgangStatus.values()) {
      assertThat(status.canBecome(status)).as(status.name()).isFalse();
      assertThat(ABGESCHLOSSEN.canBecome(status)).isFalse();
    }
  }

  @Test
  void everyStatusIsOneTheBackChannelCarries() {
    for (VorgangStatus status : VorgangStatus.values()) {
      assertThat(status.reported()).isEqualTo(ReportedStatus.valueOf(status.name()));
    }
    assertThat(ReportedStatus.values()).hasSameSizeAs(VorgangStatus.values());
  }
}
