package de.amtsweg.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed push again: exponential backoff with "equal jitter". The n-th retry waits
 * {@code d/2 + random(0, d/2)} with {@code d = min(max, base * 2^(n-1))}, so that retries of many
 * deliveries that failed together (a receiver outage) spread out instead of hitting the receiver at
 * the same moment, and no retry comes earlier than half its nominal delay.
 */
final class Backoff {

  private final Duration base;
  private final Duration max;
  private final DoubleSupplier random;

  Backoff(Duration base, Duration max, DoubleSupplier random) {
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 <= base <= max");
    }
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** The nominal delay after the given failed attempt (1 for the first), without jitter. */
  Duration nominal(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 40));
    long millis = base.toMillis();
    long capped = max.toMillis();
    for (int i = 0; i < doublings && millis < capped; i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, capped));
  }

  /**
   * The delay after the given failed attempt, with jitter: between half and all of {@link
   * #nominal}.
   */
  Duration delay(int attempt) {
    long nominal = nominal(attempt).toMillis();
    long half = nominal / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (nominal - half)));
  }
}
