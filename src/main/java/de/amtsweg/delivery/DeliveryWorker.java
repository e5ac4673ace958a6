package de.amtsweg.delivery;

import de.amtsweg.platform.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes deliveries on push channels (webhook, file drop). The platform's scheduler starts a run on
 * one node at a time ({@link DeliveryJobs}); a person's export pushes one delivery at once ({@link
 * #pushNow}). Either claims its rows in a short transaction of its own that gives each row a lease
 * ({@code locked_until}) and a claim id, and counts the attempt; the pushes happen outside any
 * transaction; the outcome is recorded only if the row still carries this claim. The lease is per
 * delivery, not per run: a run and a person's export never push the same delivery at once, and a
 * node killed mid-push leaves its rows leased until the lease runs out, when the next run takes
 * them again. A receiver may therefore get a delivery twice, always with the same {@code
 * Idempotency-Key}.
 *
 * <p>A failed push is retried after an exponential backoff with jitter, as the document type's
 * policy says. After the last attempt an Antrag falls back to the case inbox and the tenant is
 * alerted; an e-invoice stays failed until a person exports it again. Each run also mails, once per
 * Antrag, the tenants whose deliveries are not acknowledged in time.
 */
@Component
public class DeliveryWorker {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Channels channels;
  private final Documents documents;
  private final DeliveryRoutes routes;
  private final DeliveryStateGate gate;
  private final DeliveryMails mails;
  private final DeliveryProperties properties;
  private final ApplicationEventPublisher events;
  private final AtomicBoolean running = new AtomicBoolean();

  DeliveryWorker(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Channels channels,
      Documents documents,
      DeliveryRoutes routes,
      DeliveryStateGate gate,
      DeliveryMails mails,
      DeliveryProperties properties,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.channels = channels;
    this.documents = documents;
    this.routes = routes;
    this.gate = gate;
    this.mails = mails;
    this.properties = properties;
    this.events = events;
  }

  /** The job's run ({@link DeliveryJobs}): one node at a time, every poll interval. */
  void scheduled() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      log.error("Delivery worker run failed: {}", WebhookChannel.technical(e));
    }
  }

  /** What a run did. */
  public record Run(int delivered, int failed, int fellBack) {
    Run plus(Run other) {
      return new Run(delivered + other.delivered, failed + other.failed, fellBack + other.fellBack);
    }
  }

  private static final Run NOTHING = new Run(0, 0, 0);

  /**
   * One run: push everything due now, batch after batch, then mail overdue alerts. Tests and the
   * benchmark call it directly; the schedule calls it when {@code amtsweg.delivery.worker.enabled}.
   * Runs of one node do not overlap (a second call returns at once); runs of several nodes may.
   */
  public Run runOnce() {
    if (!running.compareAndSet(false, true)) {
      return NOTHING;
    }
    try {
      Run total = NOTHING;
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
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
      alertOverdue();
      return total;
    } finally {
      running.set(false);
    }
  }

  /**
   * Pushes one delivery now, in the caller's thread (an e-invoice a person exports): claims it like
   * a run does, unless a worker holds it. Returns the delivery afterwards.
   */
  public Delivery pushNow(UUID deliveryId) {
    UUID claim = UUID.randomUUID();
    Optional<Delivery> claimed =
        jdbc.sql(
                """
                update delivery set claim = ?, locked_until = now() + make_interval(secs => ?),
                  attempts = attempts + 1, updated_at = now()
                where id = ? and state in ('QUEUED', 'FAILED') and (locked_until is null or locked_until < now())
                returning *
                """)
            .params(claim, lease(), deliveryId)
            .query(DeliveryRows::map)
            .optional();
    claimed.ifPresent(d -> deliver(new Claimed(d, claim)));
    return jdbc.sql("select * from delivery where id = ?")
        .param(deliveryId)
        .query(DeliveryRows::map)
        .single();
  }

  /** A delivery claimed by this run. */
  record Claimed(Delivery delivery, UUID claim) {}

  /**
   * Claims up to {@code limit} due deliveries: leases them and counts the attempt, in a transaction
   * of its own that ends before any push starts.
   */
  List<Claimed> claim(int limit) {
    UUID claim = UUID.randomUUID();
    List<Delivery> rows =
        jdbc.sql(
                """
                update delivery d set claim = ?, locked_until = now() + make_interval(secs => ?),
                  attempts = d.attempts + 1, updated_at = now()
                from (select id from delivery
                      where next_attempt_at <= now() and state in ('QUEUED', 'FAILED')
                        and (locked_until is null or locked_until < now())
                      order by next_attempt_at limit ? for update skip locked) due
                where d.id = due.id
                returning d.*
                """)
            .params(claim, lease(), limit)
            .query(DeliveryRows::map)
            .list();
    return rows.stream().map(d -> new Claimed(d, claim)).toList();
  }

  private double lease() {
    return properties.worker().lease().toMillis() / 1000.0;
  }

  /** Pushes a claimed delivery and records the outcome. */
  Run deliver(Claimed claimed) {
    Delivery delivery = claimed.delivery();
    Channel.Outcome outcome;
    try {
      Channel channel = channels.get(delivery.channel());
      // The route's settings as they are now (a fixed address, a new secret); settings of a
      // channel are kept when the tenant switches to another one.
      DeliveryRoutes.Route route =
          routes.route(delivery.tenantArs(), delivery.type(), delivery.subject()).orElse(null);
      outcome =
          route == null
              ? Channel.Outcome.failure("the tenant has no route any more")
              : channel.push(new Channel.Parcel(delivery, documents.of(delivery), false), route);
    } catch (RuntimeException e) {
      outcome = Channel.Outcome.failure(WebhookChannel.technical(e));
    }
    return complete(claimed, outcome);
  }

  /**
   * Records the outcome of a push, if the row still carries this claim: a worker whose lease ran
   * out and whose row another worker took changes nothing.
   */
  Run complete(Claimed claimed, Channel.Outcome outcome) {
    Run run =
        transactions.execute(
            status -> {
              Optional<Delivery> locked =
                  jdbc.sql("select * from delivery where id = ? and claim = ? for update")
                      .params(claimed.delivery().id(), claimed.claim())
                      .query(DeliveryRows::map)
                      .optional();
              if (locked.isEmpty()) {
                log.warn(
                    "Delivery {}: lease lost before the outcome was recorded",
                    claimed.delivery().id());
                return NOTHING;
              }
              Delivery d = locked.get();
              if (d.state() != DeliveryState.QUEUED && d.state() != DeliveryState.FAILED) {
                // Fetched over the pull API meanwhile: nothing left to do but let go.
                jdbc.sql("update delivery set locked_until = null, claim = null where id = ?")
                    .param(d.id())
                    .update();
                return NOTHING;
              }
              return outcome.delivered() ? succeeded(d, claimed) : failed(d, claimed, outcome);
            });
    return run == null ? NOTHING : run;
  }

  private Run succeeded(Delivery d, Claimed claimed) {
    Delivery delivered =
        gate.move(
                d.id(),
                d.state(),
                DeliveryStateGate.Move.to(DeliveryState.DELIVERED, "pushed")
                    .delivered()
                    .error(null)
                    .nextAttemptIn(null)
                    .releaseLease()
                    .ifClaimed(claimed.claim()))
            .orElseThrow();
    events.publishEvent(Deliveries.delivered(delivered, false));
    log.info("Delivery {} of {} pushed on attempt {}", d.id(), d.reference(), d.attempts());
    return new Run(1, 0, 0);
  }

  private Run failed(Delivery d, Claimed claimed, Channel.Outcome outcome) {
    String error = outcome.error() == null ? "unknown error" : outcome.error();
    DeliveryProperties.Policy policy = properties.policy(d.type());
    if (d.attempts() >= policy.maxAttempts() && policy.fallBack()) {
      Delivery fellBack =
          gate.move(
                  d.id(),
                  d.state(),
                  DeliveryStateGate.Move.to(DeliveryState.FELL_BACK, "gave up, to the case inbox")
                      .delivered()
                      .fellBack()
                      .error(error)
                      .nextAttemptIn(null)
                      .releaseLease()
                      .ifClaimed(claimed.claim()))
              .orElseThrow();
      channels
          .get(DeliveryChannel.CASE_INBOX)
          .receive(new Channel.Parcel(fellBack, documents.of(fellBack), true));
      events.publishEvent(Deliveries.delivered(fellBack, true));
      mails.fellBack(fellBack);
      log.warn(
          "Delivery {} of {} fell back to the case inbox after {} attempts: {}",
          d.id(),
          d.reference(),
          d.attempts(),
          error);
      return new Run(0, 0, 1);
    }
    boolean last = d.attempts() >= policy.maxAttempts();
    Duration delay =
        last ? null : Backoff.jittered(policy.baseDelay(), policy.maxDelay()).delay(d.attempts());
    var unused =
        gate.move(
                d.id(),
                d.state(),
                DeliveryStateGate.Move.to(DeliveryState.FAILED, last ? "gave up" : "attempt failed")
                    .error(error)
                    .nextAttemptIn(delay)
                    .releaseLease()
                    .ifClaimed(claimed.claim()))
            .orElseThrow();
    if (last) {
      log.warn(
          "Delivery {} of {} failed for the last time after {} attempts: {}",
          d.id(),
          d.reference(),
          d.attempts(),
          error);
    } else {
      log.info(
          "Delivery {} of {}: attempt {} failed ({}), next in {}s",
          d.id(),
          d.reference(),
          d.attempts(),
          error,
          Objects.requireNonNull(delay, "not the last attempt").toSeconds());
    }
    return new Run(0, 1, 0);
  }

  /** Tenants whose Anträge are overdue get one mail; each delivery is counted in one mail only. */
  void alertOverdue() {
    double within = properties.acknowledgeWithin().toSeconds();
    transactions.executeWithoutResult(
        status -> {
          List<String> overdue =
              jdbc.sql(
                      """
                      update delivery d set overdue_alerted_at = now()
                      from (select id from delivery where document_type = 'ANTRAG' and state <> 'ACKNOWLEDGED'
                              and overdue_alerted_at is null and submitted_at < now() - make_interval(secs => ?)
                            for update skip locked) due
                      where d.id = due.id
                      returning d.tenant_ars
                      """)
                  .param(within)
                  .query(String.class)
                  .list();
          overdue.stream()
              .collect(Collectors.groupingBy(tenant -> tenant, Collectors.counting()))
              .forEach(
                  (tenant, count) ->
                      mails.overdue(
                          tenant, count.intValue(), properties.acknowledgeWithin().toHours()));
        });
  }
}
