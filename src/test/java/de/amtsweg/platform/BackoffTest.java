package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Retries wait twice as long each time, capped, and spread out by jitter between half and all of
 * it.
 */
class BackoffTest {

  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), () -> 0.5);

  @Test
  void theNominalDelayDoublesFromTheBaseUpToTheCap() {
    assertThat(backoff.nominal(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.nominal(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.nominal(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(backoff.nominal(8)).isEqualTo(Duration.ofSeconds(30L << 7));
    assertThat(backoff.nominal(10)).isEqualTo(Duration.ofSeconds(30L << 9));
    assertThat(backoff.nominal(11)).as("capped").isEqualTo(Duration.ofHours(6));
    assertThat(backoff.nominal(1_000)).as("no overflow").isEqualTo(Duration.ofHours(6));
    assertThat(backoff.nominal(0)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void jitterStaysBetweenHalfAndAllOfTheNominalDelay() {
    assertThat(new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), () -> 0.0).delay(1))
        .isEqualTo(Duration.ofSeconds(15));
    assertThat(new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), () -> 0.999_999).delay(1))
        .isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(45));
    Random random = new Random(42);
    Backoff jittered = new Backoff(Duration.ofSeconds(30), Duration.ofHours(6), random::nextDouble);
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      Duration d = jittered.delay(3);
      assertThat(d).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120));
      seen.add(d);
    }
    assertThat(seen).as("retries of many deliveries spread out").hasSizeGreaterThan(900);
  }

  @Test
  void theJitteredBackoffDrawsItsOwnRandomNumbers() {
    Backoff jittered = Backoff.jittered(Duration.ofMinutes(1), Duration.ofHours(1));
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      Duration d = jittered.delay(2);
      assertThat(d).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(2));
      seen.add(d);
    }
    assertThat(seen).hasSizeGreaterThan(50);
    assertThat(jittered.delay(100)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
  }

  @Test
  void aCapBelowTheBaseIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(1), () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
