package de.amtsweg.delivery;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a delivery stands. One transition table; every change goes through {@link #canBecome}.
 * Staying in the same state is no transition (a Fachverfahren that fetches twice changes nothing).
 */
public enum DeliveryState {
  /** Written with the submission; waiting for the authority (pull) or a worker (push). */
  QUEUED,
  /** The authority's system has fetched it (or a push was answered with success). */
  DELIVERED,
  /** The authority has confirmed receipt. Final. */
  ACKNOWLEDGED,
  /** The last attempt failed; it will be tried again or fall back. */
  FAILED,
  /**
   * Given up on the route: the Antrag went to the case inbox instead. An admin may still push it
   * again ({@code QUEUED}) while nobody has opened it in the case inbox.
   */
  FELL_BACK,
  /**
   * Its owner withdrew it before it arrived (an e-invoice declined after a failed export): nobody
   * pushes it any more. Final.
   */
  WITHDRAWN;

  private static final Map<DeliveryState, Set<DeliveryState>> TRANSITIONS =
      Map.of(
          QUEUED, EnumSet.of(DELIVERED, FAILED, FELL_BACK, WITHDRAWN),
          DELIVERED, EnumSet.of(ACKNOWLEDGED, FAILED),
          FAILED, EnumSet.of(QUEUED, DELIVERED, FELL_BACK, WITHDRAWN),
          FELL_BACK, EnumSet.of(QUEUED, ACKNOWLEDGED),
          ACKNOWLEDGED, EnumSet.noneOf(DeliveryState.class),
          WITHDRAWN, EnumSet.noneOf(DeliveryState.class));

  public boolean canBecome(DeliveryState next) {
    return Objects.requireNonNull(TRANSITIONS.get(this), "every state has its row").contains(next);
  }

  /** Whether the authority still has to confirm receipt. */
  public boolean open() {
    return this != ACKNOWLEDGED && this != FELL_BACK && this != WITHDRAWN;
  }
}
