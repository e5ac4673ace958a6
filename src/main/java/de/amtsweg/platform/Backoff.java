package de.amtsweg.platform;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed operation again: exponential backoff with "equal jitter". The n-th retry
 * waits {@code d/2 + random(0, d/2)} with {@code d = min(max, base * 2^(n-1))}, so that retries of
 * many operations that failed together (a receiver or payment service outage) spread out instead of
 * hitting the other side at the same moment, and no retry comes earlier than half its nominal
 * delay.
 *
 * <p>The one backoff policy of the application: webhook pushes ({@code delivery}), payment
 * reconciliation ({@code payment}) and mail delivery use it, each with its own base and cap.
 */
public final class Backoff {

  private final Duration base;
  private final Duration max;
  private final DoubleSupplier random;

  /**
   * @param base the nominal delay after the first failed attempt
   * @param max the cap of the nominal delay
   * @param random numbers in {@code [0, 1)} for the jitter
   * @throws IllegalArgumentException unless {@code 0 <= base <= max}
   */
  public Backoff(Duration base, Duration max, DoubleSupplier random) {
    if (base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 <= base <= max");
    }
    this.base = base;
    this.max = max;
    this.random = random;
  }

  /** A backoff with random jitter, for production use. */
  public static Backoff jittered(Duration base, Duration max) {
    return new Backoff(base, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** The nominal delay after the given failed attempt (1 for the first), without jitter. */
  public Duration nominal(int attempt) {
    int doublings = Math.max(0, Math.min(attempt - 1, 40));
    long millis = base.toMillis();
    long capped = max.toMillis();
    for (int i = 0; i < doublings && millis < capped; i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, capped));
  }

  /**
   * The delay after the given failed attempt (1 for the first), with jitter: between half and all
   * of {@link #nominal}.
   */
  public Duration delay(int attempt) {
    long nominal = nominal(attempt).toMillis();
    long half = nominal / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (nominal - half)));
  }
}
