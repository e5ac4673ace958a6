package de.amtsweg.delivery;

import de.amtsweg.platform.Backoff;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes webhook deliveries. A run claims due rows with {@code FOR UPDATE SKIP LOCKED} in a short
 * transaction of its own that gives each row a lease ({@code locked_until}) and a claim id, and
 * counts the attempt; the pushes happen outside any transaction; the outcome is recorded only if
 * the row still carries this run's claim. A node killed mid-push leaves its rows leased: when the
 * lease runs out, any node's next run takes them again. A receiver may therefore get a delivery
 * twice, always with the same {@code Idempotency-Key}.
 *
 * <p>A failed push is retried after an exponential backoff with jitter; after the last attempt the
 * Antrag falls back to the case inbox ({@code CaseInboxDelivered} with {@code fellBack}) and the
 * tenant is alerted. Each run also mails, once per delivery, the tenants whose deliveries are not
 * acknowledged in time.
 */
@Component
public class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final WebhookPush push;
  private final Deliveries deliveries;
  private final DeliveryMails mails;
  private final DeliveryProperties properties;
  private final Backoff backoff;
  private final AtomicBoolean running = new AtomicBoolean();

  DeliveryWorker(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      WebhookPush push,
      Deliveries deliveries,
      DeliveryMails mails,
      DeliveryProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.push = push;
    this.deliveries = deliveries;
    this.mails = mails;
    this.properties = properties;
    this.backoff =
        new Backoff(
            properties.worker().baseDelay(),
            properties.worker().maxDelay(),
            () -> ThreadLocalRandom.current().nextDouble());
  }

  @Scheduled(
      fixedDelayString = "${amtsweg.delivery.worker.poll-interval:5s}",
      initialDelayString = "PT10S")
  void scheduled() {
    if (properties.worker().enabled()) {
      try {
        runOnce();
      } catch (RuntimeException e) {
        log.error("Delivery worker run failed: {}", WebhookPush.technical(e));
      }
    }
  }

  /** What a run did. */
  public record Run(int delivered, int failed, int fellBack) {
    Run plus(Run other) {
      return new Run(delivered + other.delivered, failed + other.failed, fellBack + other.fellBack);
    }
  }

  /**
   * One run: push everything due now, batch after batch, then mail overdue alerts. Tests and the
   * benchmark call it directly; the schedule calls it when {@code amtsweg.delivery.worker.enabled}.
   * Runs of one node do not overlap (a second call returns at once); runs of several nodes may.
   */
  public Run runOnce() {
    if (!running.compareAndSet(false, true)) {
      return new Run(0, 0, 0);
    }
    try {
      Run total = new Run(0, 0, 0);
      int batch = properties.worker().batchSize();
      try (ExecutorService pool =
          Executors.newFixedThreadPool(
              properties.worker().concurrency(),
              Thread.ofVirtual().name("delivery-push-", 0).factory())) {
        while (true) {
          List<Claimed> claimed = claim(batch);
          List<Future<Run>> results = new ArrayList<>();
          for (Claimed c : claimed) {
            results.add(pool.submit(() -> deliver(c)));
          }
          for (Future<Run> result : results) {
            total = total.plus(result.get());
          }
          if (claimed.size() < batch) {
            break;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
      alertOverdue();
      return total;
    } finally {
      running.set(false);
    }
  }

  /** A delivery claimed by this run. */
  record Claimed(Delivery delivery, UUID claim) {}

  /**
   * Claims up to {@code limit} due webhook deliveries: leases them and counts the attempt, in a
   * transaction of its own that ends before any push starts.
   */
  List<Claimed> claim(int limit) {
    UUID claim = UUID.randomUUID();
    double lease = properties.worker().lease().toMillis() / 1000.0;
    List<Delivery> rows =
        jdbc.sql(
                """
            update delivery d set claim = ?, locked_until = now() + make_interval(secs => ?), attempts = d.attempts + 1,
              updated_at = now()
            from (select id from delivery
                  where channel = 'WEBHOOK' and state in ('QUEUED', 'FAILED') and next_attempt_at <= now()
                    and (locked_until is null or locked_until < now())
                  order by next_attempt_at limit ? for update skip locked) due
            where d.id = due.id
            returning d.*
            """)
            .params(claim, lease, limit)
            .query(DeliveryWorker::map)
            .list();
    return rows.stream().map(d -> new Claimed(d, claim)).toList();
  }

  /** Pushes a claimed delivery and records the outcome. */
  Run deliver(Claimed claimed) {
    WebhookPush.Outcome outcome = push.push(claimed.delivery());
    return complete(claimed, outcome);
  }

  /**
   * Records the outcome of a push, if the row still carries this claim: a worker whose lease ran
   * out and whose row another worker took changes nothing.
   */
  Run complete(Claimed claimed, WebhookPush.Outcome outcome) {
    Run run =
        transactions.execute(
            status -> {
              Optional<Delivery> locked =
                  jdbc.sql("select * from delivery where id = ? and claim = ? for update")
                      .params(claimed.delivery().id(), claimed.claim())
                      .query(DeliveryWorker::map)
                      .optional();
              if (locked.isEmpty()) {
                log.warn(
                    "Delivery {}: lease lost before the outcome was recorded",
                    claimed.delivery().id());
                return new Run(0, 0, 0);
              }
              Delivery d = locked.get();
              boolean pending =
                  d.state() == DeliveryState.QUEUED || d.state() == DeliveryState.FAILED;
              if (!pending) {
                // Fetched over the pull API meanwhile: nothing left to do but let go.
                release(d.id());
                return new Run(0, 0, 0);
              }
              if (outcome.delivered()) {
                jdbc.sql(
                        """
                update delivery set state = 'DELIVERED', delivered_at = now(), last_error = null, next_attempt_at = null,
                  locked_until = null, claim = null, updated_at = now() where id = ?
                """)
                    .param(d.id())
                    .update();
                deliveries.addDeliveredEvent(d.antragId());
                log.info(
                    "Delivery {} of Antrag {} pushed on attempt {}",
                    d.id(),
                    d.reference(),
                    d.attempts());
                return new Run(1, 0, 0);
              }
              String error = truncate(outcome.error());
              if (d.attempts() >= properties.worker().maxAttempts()) {
                jdbc.sql(
                        """
                update delivery set state = 'FELL_BACK', fell_back_at = now(), delivered_at = now(), last_error = ?,
                  next_attempt_at = null, locked_until = null, claim = null, updated_at = now() where id = ?
                """)
                    .params(error, d.id())
                    .update();
                deliveries.toCaseInbox(
                    d.id(), d.antragId(), d.reference(), d.tenantArs(), d.appId(), true);
                mails.fellBack(d);
                log.warn(
                    "Delivery {} of Antrag {} fell back to the case inbox after {} attempts: {}",
                    d.id(),
                    d.reference(),
                    d.attempts(),
                    error);
                return new Run(0, 0, 1);
              }
              Duration delay = backoff.delay(d.attempts());
              jdbc.sql(
                      """
              update delivery set state = 'FAILED', last_error = ?, next_attempt_at = now() + make_interval(secs => ?),
                locked_until = null, claim = null, updated_at = now() where id = ?
              """)
                  .params(error, delay.toMillis() / 1000.0, d.id())
                  .update();
              log.info(
                  "Delivery {} of Antrag {}: attempt {} failed ({}), next in {}s",
                  d.id(),
                  d.reference(),
                  d.attempts(),
                  error,
                  delay.toSeconds());
              return new Run(0, 1, 0);
            });
    return run == null ? new Run(0, 0, 0) : run;
  }

  private void release(UUID id) {
    jdbc.sql("update delivery set locked_until = null, claim = null where id = ?")
        .param(id)
        .update();
  }

  /**
   * Tenants whose deliveries are overdue get one mail; each delivery is counted in one mail only.
   */
  void alertOverdue() {
    double within = properties.acknowledgeWithin().toSeconds();
    transactions.executeWithoutResult(
        status -> {
          List<Overdue> overdue =
              jdbc.sql(
                      """
              update delivery d set overdue_alerted_at = now()
              from (select id from delivery where state <> 'ACKNOWLEDGED' and overdue_alerted_at is null
                      and submitted_at < now() - make_interval(secs => ?)
                    for update skip locked) due
              where d.id = due.id
              returning d.tenant_ars
              """)
                  .param(within)
                  .query((rs, row) -> new Overdue(rs.getString("tenant_ars")))
                  .list();
          overdue.stream()
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      Overdue::tenantArs, java.util.stream.Collectors.counting()))
              .forEach(
                  (tenant, count) ->
                      mails.overdue(
                          tenant, count.intValue(), properties.acknowledgeWithin().toHours()));
        });
  }

  private record Overdue(String tenantArs) {}

  private static @Nullable String truncate(@Nullable String error) {
    if (error == null) {
      return "unknown error";
    }
    return error.length() > 500 ? error.substring(0, 500) : error;
  }

  private static Delivery map(ResultSet rs, int row) throws SQLException {
    return Deliveries.map(rs, row);
  }
}
