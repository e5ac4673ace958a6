package de.amtsweg.delivery;

import static de.amtsweg.delivery.DeliveryState.ACKNOWLEDGED;
import static de.amtsweg.delivery.DeliveryState.DELIVERED;
import static de.amtsweg.delivery.DeliveryState.FAILED;
import static de.amtsweg.delivery.DeliveryState.FELL_BACK;
import static de.amtsweg.delivery.DeliveryState.QUEUED;
import static de.amtsweg.delivery.DeliveryState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every pair of delivery states: exactly the transitions the cockpit and the API rely on are
 * allowed.
 */
class DeliveryStateTest {

  private static final Map<DeliveryState, Set<DeliveryState>> EXPECTED =
      Map.of(
          QUEUED, EnumSet.of(DELIVERED, FAILED, FELL_BACK, WITHDRAWN),
          DELIVERED, EnumSet.of(ACKNOWLEDGED, FAILED),
          FAILED, EnumSet.of(QUEUED, DELIVERED, FELL_BACK, WITHDRAWN),
          FELL_BACK, EnumSet.of(QUEUED, ACKNOWLEDGED),
          ACKNOWLEDGED, EnumSet.noneOf(DeliveryState.class),
          WITHDRAWN, EnumSet.noneOf(DeliveryState.class));

  @Test
  void everyPairOfStatesIsDecided() {
    assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(DeliveryState.values());
    for (DeliveryState from : DeliveryState.values()) {
      for (DeliveryState to : DeliveryState.values()) {
        assertThat(from.canBecome(to))
            .as(from + " -> " + to)
            .isEqualTo(EXPECTED.get(from).contains(to));
      }
    }
  }

  @Test
  void noStateBecomesItselfAndAcknowledgedAndWithdrawnAreFinal() {
    for (DeliveryState state : DeliveryState.values()) {
      assertThat(state.canBecome(state)).as(state.name()).isFalse();
      assertThat(ACKNOWLEDGED.canBecome(state)).isFalse();
      assertThat(WITHDRAWN.canBecome(state)).isFalse();
    }
  }

  @Test
  void aFetchedButUnacknowledgedDeliveryIsStillOpenForTheAuthority() {
    assertThat(EnumSet.allOf(DeliveryState.class).stream().filter(DeliveryState::open))
        .containsExactlyInAnyOrder(QUEUED, DELIVERED, FAILED);
  }
}
