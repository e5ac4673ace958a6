package de.amtsweg.payment;

import de.amtsweg.platform.Backoff;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reconciliation: open payments whose notification never came are asked about at their payment
 * service once they are older than {@code amtsweg.payment.reconcile-after}; those still open after
 * {@code amtsweg.payment.expire-after} expire. A service that does not answer leaves the payment
 * pending; it is asked again at a later run, with the wait doubling per failed attempt (at most an
 * hour, with jitter: {@link Backoff}). Payments Amtsweg cancelled while their service did not
 * answer are cancelled there as soon as it answers again (whatever their age), and money that
 * arrived after a cancel is refunded. Runs as the job {@code payment.reconciliation}, on one node
 * at a time; each run moves the next check of the payments it takes into the future before it asks.
 */
@Component
public class PaymentReconciliation {

  private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);
  static final int BATCH = 200;
  private static final Duration MAX_WAIT = Duration.ofHours(1);

  private final Payments payments;
  private final JdbcClient jdbc;
  private final PaymentProperties properties;
  private final Backoff backoff;

  PaymentReconciliation(Payments payments, JdbcClient jdbc, PaymentProperties properties) {
    this.payments = payments;
    this.jdbc = jdbc;
    this.properties = properties;
    Duration interval = properties.reconciliationInterval();
    this.backoff =
        Backoff.jittered(interval.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : interval, MAX_WAIT);
  }

  /** The job's run: now, with the outcome in the log. */
  void scheduled() {
    Map<Reconciled, Integer> result = run(OffsetDateTime.now());
    if (!result.isEmpty()) {
      log.info("Payment reconciliation: {}", result);
    }
  }

  /** One run as if it were {@code now}: what became of the payments it looked at. */
  public Map<Reconciled, Integer> run(OffsetDateTime now) {
    Map<Reconciled, Integer> result = new EnumMap<>(Reconciled.class);
    for (UUID id : claim(now)) {
      Reconciled outcome;
      try {
        outcome = payments.reconcile(id, now.minus(properties.expireAfter()));
      } catch (RuntimeException e) {
        log.warn("Payment {}: reconciliation failed: {}", id, e.toString());
        outcome = Reconciled.UNREACHABLE;
      }
      if (outcome == Reconciled.UNREACHABLE) {
        jdbc.sql("update payment set next_check_at = ? where id = ?")
            .params(now.plus(backoff(id)), id)
            .update();
      }
      result.merge(outcome, 1, Integer::sum);
    }
    return result;
  }

  /**
   * Takes the due payments of a run and moves their next check into the future. No row lock: the
   * status changes go through {@link Payments}' gate, which locks. The outer check of {@code
   * next_check_at} is re-evaluated on a row another run updated meanwhile (a direct call, as the
   * tests make, overlapping the job), so that such a row is not taken twice.
   */
  List<UUID> claim(OffsetDateTime now) {
    return jdbc.sql(
            """
            update payment set next_check_at = :later where id in (
              select id from payment where (late_refund_due or status in ('CREATED', 'PENDING')
                  and (created_at < :before or cancel_requested_at is not null))
                and (next_check_at is null or next_check_at <= :now)
              order by created_at limit :batch)
              and (next_check_at is null or next_check_at <= :now)
            returning id
            """)
        .param("later", now.plus(properties.reconciliationInterval()))
        .param("before", now.minus(properties.reconcileAfter()))
        .param("now", now)
        .param("batch", BATCH)
        .query(UUID.class)
        .list();
  }

  private Duration backoff(UUID id) {
    int attempts =
        jdbc.sql("select attempts from payment where id = ?")
            .param(id)
            .query(Integer.class)
            .single();
    return backoff.delay(attempts);
  }
}
