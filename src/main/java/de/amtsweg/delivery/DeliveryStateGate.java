package de.amtsweg.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that writes {@code delivery.state}. A move is a compare-and-set update (the row
 * must still be in the state the caller read, and still carry the caller's claim when it names
 * one), refuses what {@link DeliveryState#canBecome} does not allow with {@link
 * DeliveryException.IllegalTransition}, and writes a history row. Staying in a state (a failed push
 * failing again) updates the row without a history row.
 */
@Component
class DeliveryStateGate {

  private final JdbcClient jdbc;

  DeliveryStateGate(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A move to a state with the columns that change with it. */
  static final class Move {
    private final DeliveryState to;
    private final String reason;
    private boolean delivered;
    private boolean acknowledged;
    private boolean fellBack;
    private boolean countAttempt;
    private boolean resetAttempts;
    private boolean releaseLease;
    private boolean setError;
    private @Nullable String error;
    private boolean setNextAttempt;
    private @Nullable Duration nextAttemptIn;
    private @Nullable UUID claim;
    private @Nullable DeliveryChannel channel;

    private Move(DeliveryState to, String reason) {
      this.to = to;
      this.reason = reason;
    }

    /** A move to {@code to}; {@code reason} names why in the history (technical, no data). */
    static Move to(DeliveryState to, String reason) {
      return new Move(to, reason);
    }

    Move delivered() {
      delivered = true;
      return this;
    }

    Move acknowledged() {
      acknowledged = true;
      return this;
    }

    Move fellBack() {
      fellBack = true;
      return this;
    }

    Move countAttempt() {
      countAttempt = true;
      return this;
    }

    Move resetAttempts() {
      resetAttempts = true;
      return this;
    }

    /** Ends the worker's lease on the row. */
    Move releaseLease() {
      releaseLease = true;
      return this;
    }

    /** Sets (or with null clears) the last error. */
    Move error(@Nullable String error) {
      setError = true;
      this.error = error;
      return this;
    }

    /** When the worker tries next; null: not any more. */
    Move nextAttemptIn(@Nullable Duration delay) {
      setNextAttempt = true;
      nextAttemptIn = delay;
      return this;
    }

    /** Sends it another way from now on (the tenant changed the route before a retry). */
    Move channel(DeliveryChannel channel) {
      this.channel = channel;
      return this;
    }

    /** Only if the row still carries this claim (a worker whose lease ran out changes nothing). */
    Move ifClaimed(UUID claim) {
      this.claim = claim;
      return this;
    }
  }

  /**
   * Moves the delivery from {@code from} (the state the caller read) as described.
   *
   * @return the delivery afterwards; empty when the row changed meanwhile (another state, another
   *     claim), in which case nothing was written
   * @throws DeliveryException.IllegalTransition when {@code from} cannot become the target state
   */
  Optional<Delivery> move(UUID id, DeliveryState from, Move move) {
    if (from != move.to && !from.canBecome(move.to)) {
      throw new DeliveryException.IllegalTransition(from, move.to);
    }
    StringBuilder sql = new StringBuilder("update delivery set state = ?, updated_at = now()");
    List<Object> params = new ArrayList<>();
    params.add(move.to.name());
    if (move.delivered) {
      sql.append(", delivered_at = coalesce(delivered_at, now())");
    }
    if (move.acknowledged) {
      sql.append(", acknowledged_at = now()");
    }
    if (move.fellBack) {
      // Kept when an admin pushes a fallen-back Antrag again: its case stays in the case inbox.
      sql.append(", fell_back_at = coalesce(fell_back_at, now())");
    }
    if (move.countAttempt) {
      sql.append(", attempts = attempts + 1");
    } else if (move.resetAttempts) {
      sql.append(", attempts = 0");
    }
    if (move.setError) {
      sql.append(", last_error = ?");
      params.add(truncate(move.error));
    }
    if (move.setNextAttempt) {
      if (move.nextAttemptIn == null) {
        sql.append(", next_attempt_at = null");
      } else {
        sql.append(", next_attempt_at = now() + make_interval(secs => ?)");
        params.add(move.nextAttemptIn.toMillis() / 1000.0);
      }
    }
    if (move.channel != null) {
      sql.append(", channel = ?");
      params.add(move.channel.name());
    }
    if (move.releaseLease) {
      sql.append(", locked_until = null, claim = null");
    }
    sql.append(" where id = ? and state = ?");
    params.add(id);
    params.add(from.name());
    if (move.claim != null) {
      sql.append(" and claim = ?");
      params.add(move.claim);
    }
    sql.append(" returning *");
    Optional<Delivery> moved =
        jdbc.sql(sql.toString()).params(params).query(DeliveryRows::map).optional();
    if (moved.isPresent() && from != move.to) {
      jdbc.sql(
              "insert into delivery_state_history (delivery_id, from_state, to_state, reason)"
                  + " values (?, ?, ?, ?)")
          .params(id, from.name(), move.to.name(), move.reason)
          .update();
    }
    return moved;
  }

  /** The states a delivery went through, oldest first, as {@code FROM>TO}. */
  List<String> history(UUID id) {
    return jdbc.sql(
            "select from_state || '>' || to_state from delivery_state_history"
                + " where delivery_id = ? order by id")
        .param(id)
        .query(String.class)
        .list();
  }

  private static @Nullable String truncate(@Nullable String error) {
    return error == null || error.length() <= 500 ? error : error.substring(0, 500);
  }
}
