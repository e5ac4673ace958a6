package de.amtsweg.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DraftCapabilitiesTest {

  private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");
  private final UUID draft = UUID.randomUUID();

  private static DraftCapabilities at(Instant instant) {
    return new DraftCapabilities("installation-key", Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void aCapabilityOpensItsDraftForADay() {
    String capability = at(NOW).issue(draft);

    assertThat(at(NOW).valid(draft, capability)).isTrue();
    assertThat(at(NOW.plus(Duration.ofHours(23))).valid(draft, capability)).isTrue();
    assertThat(at(NOW.plus(Duration.ofHours(25))).valid(draft, capability))
        .as("a page older than a day")
        .isFalse();
  }

  @Test
  void noOtherDraftKeyOrTimeFitsIt() {
    String capability = at(NOW).issue(draft);
    String issued = capability.substring(0, capability.indexOf('.'));
    String mac = capability.substring(capability.indexOf('.') + 1);

    assertThat(at(NOW).valid(UUID.randomUUID(), capability)).as("another draft").isFalse();
    assertThat(
            new DraftCapabilities("other-installation", Clock.fixed(NOW, ZoneOffset.UTC))
                .valid(draft, capability))
        .as("another key")
        .isFalse();
    assertThat(at(NOW).valid(draft, (Long.parseLong(issued) + 3600) + "." + mac))
        .as("a later issue time under the same signature")
        .isFalse();
    assertThat(at(NOW.minus(Duration.ofHours(1))).valid(draft, capability))
        .as("issued in the future")
        .isFalse();
    assertThat(at(NOW).valid(draft, null)).isFalse();
    assertThat(at(NOW).valid(draft, "")).isFalse();
    assertThat(at(NOW).valid(draft, "x." + mac)).isFalse();
    assertThat(at(NOW).valid(draft, issued)).isFalse();
  }
}
