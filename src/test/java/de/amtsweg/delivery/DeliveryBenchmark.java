package de.amtsweg.delivery;

import de.amtsweg.AmtswegApplication;
import de.amtsweg.fachverfahren.Hundesteuerregister;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhook delivery benchmark (not a test; {@code bench/delivery.sh}): the whole app on an embedded
 * PostgreSQL, the reference register as the local receiver (HMAC check, JSON parse, dedupe).
 *
 * <ol>
 *   <li>Throughput: {@code bench.throughput} queued deliveries (default 2,000), one worker run
 *       drains them; deliveries per second.
 *   <li>Outage: the receiver answers 503, {@code bench.backlog} (default 10,000) deliveries are
 *       queued and each fails its first attempt; then the receiver is back and the worker polls
 *       every second (its default schedule is 5 s) until all are delivered. Reported: the time from
 *       "receiver up" to "all delivered" (it includes waiting for the backoff of 15–30 s) and the
 *       push time alone.
 * </ol>
 *
 * Anträge are cloned in SQL from one real submission, so that the numbers measure delivery, not the
 * receipt PDF of each submission.
 */
public final class DeliveryBenchmark {

  static final String JENA = "160530000000";

  public static void main(String[] args) throws Exception {
    int throughput = Integer.getInteger("bench.throughput", 2_000);
    int backlog = Integer.getInteger("bench.backlog", 10_000);
    String dataDir = "target/bench-delivery-data/" + UUID.randomUUID();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AmtswegApplication.class)
            .run(
                "--server.port=0",
                "--amtsweg.data-dir=" + dataDir,
                "--amtsweg.embedded-database.ephemeral=true",
                "--spring.profiles.active=demo",
                "--amtsweg.demo.password=Bench-Passwort-2026",
                "--amtsweg.delivery.worker.enabled=false",
                // The benchmark submits anonymously from one address: no limit may count it.
                "--amtsweg.limits.anonymous-submissions-per-address=1000000",
                "--amtsweg.limits.receipt-mails-per-recipient=1000000",
                "--amtsweg.delivery.worker.batch-size=200",
                "--amtsweg.delivery.worker.concurrency="
                    + Integer.getInteger("bench.concurrency", 16),
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off")) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      DeliveryRoutes routes = app.getBean(DeliveryRoutes.class);
      DeliveryWorker worker = app.getBean(DeliveryWorker.class);

      try (Hundesteuerregister register =
          Hundesteuerregister.start(0, "not-yet", URI.create(base))) {
        String secret =
            routes.configure(
                JENA,
                "hundesteuer",
                new DeliveryRoutes.Change(
                    DeliveryChannel.WEBHOOK, register.endpoint().toString(), null, null, true));
        register.useSecret(secret);
        UUID template = submitOne(base, jdbc);
        worker.runOnce();

        // Warm-up: JIT, connections.
        queue(jdbc, template, 300, "WARM");
        worker.runOnce();

        queue(jdbc, template, throughput, "TPUT");
        long start = System.nanoTime();
        DeliveryWorker.Run run = worker.runOnce();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "Throughput: %d deliveries in %.2f s = %.0f deliveries/s (delivered %d, failed %d)%n",
            throughput,
            seconds,
            throughput / seconds,
            run.delivered(),
            run.failed());

        register.failNext(Integer.MAX_VALUE);
        queue(jdbc, template, backlog, "OUTG");
        long outage = System.nanoTime();
        DeliveryWorker.Run failedRun = worker.runOnce();
        System.out.printf(
            Locale.ROOT,
            "Outage: %d attempts failed in %.2f s (first attempts, and second ones that fell due during the run)%n",
            failedRun.failed(),
            (System.nanoTime() - outage) / 1e9);
        register.failNext(0);
        long up = System.nanoTime();
        long firstPush = 0;
        long pushNanos = 0;
        int delivered = 0;
        while (delivered < backlog) {
          long runStart = System.nanoTime();
          DeliveryWorker.Run r = worker.runOnce();
          if (r.delivered() > 0) {
            pushNanos += System.nanoTime() - runStart;
            if (firstPush == 0) {
              firstPush = runStart;
            }
          }
          delivered += r.delivered();
          if (r.delivered() == 0) {
            Thread.sleep(1_000);
          }
          if ((System.nanoTime() - up) / 1e9 > 600) {
            throw new IllegalStateException("backlog not drained after 10 minutes: " + delivered);
          }
        }
        double drain = (System.nanoTime() - up) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "Backlog of %d after the outage drained %.1f s after the receiver came back "
                + "(first retries due %.1f s after it; pushing took %.1f s = %.0f deliveries/s)%n",
            backlog,
            drain,
            (firstPush - up) / 1e9,
            pushNanos / 1e9,
            backlog / (pushNanos / 1e9));
        long distinct =
            jdbc.sql(
                    "select count(*) from delivery where reference like 'OUTG-%' and state = 'DELIVERED'")
                .query(Long.class)
                .single();
        System.out.printf(
            Locale.ROOT,
            "Receiver: %d requests, %d distinct idempotency keys, %d refused; backlog delivered: %d%n",
            register.requests(),
            register.distinctKeys(),
            register.refused(),
            distinct);
      }
    }
  }

  /** One real Hundesteuer-Antrag in Jena, submitted over the API; its id. */
  private static UUID submitOne(String base, JdbcClient jdbc) throws Exception {
    String body = PushFixture.ANTRAG;
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/tenants/" + JENA + "/apps/hundesteuer/antraege"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "submission failed: " + response.statusCode() + " " + response.body());
    }
    return jdbc.sql("select id from antrag order by submitted_at desc limit 1")
        .query(UUID.class)
        .single();
  }

  /** Clones the template Antrag n times and queues a webhook delivery for each. */
  private static void queue(JdbcClient jdbc, UUID template, int n, String prefix) {
    jdbc.sql(
            """
            insert into antrag
            select (jsonb_populate_record(null::antrag, to_jsonb(a) || jsonb_build_object(
              'id', gen_random_uuid(), 'reference', ? || '-' || g, 'submission_key', ? || '-' || g))).*
            from antrag a, generate_series(1, ?) g where a.id = ?
            """)
        .params(prefix, prefix, n, template)
        .update();
    jdbc.sql(
            """
            insert into delivery (id, antrag_id, reference, tenant_ars, app_id, channel, state, idempotency_key,
              submitted_at, next_attempt_at)
            select gen_random_uuid(), id, reference, tenant_ars, app_id, 'WEBHOOK', 'QUEUED', gen_random_uuid(), submitted_at, now()
            from antrag where reference like ? || '-%'
            """)
        .param(prefix)
        .update();
  }
}
