package de.amtsweg.platform;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.amtsweg.AmtswegApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose {@code @ApplicationModuleListener} had not finished when its node went down is
 * processed after the restart: the event publication registry keeps it in PostgreSQL, and the next
 * start publishes it again ({@code
 * spring.modulith.events.republish-outstanding-events-on-restart}). The database outlives the
 * nodes, as an external PostgreSQL does in production.
 */
class EventPublicationCrashIT {

  @Test
  void anEventWhoseListenerDidNotFinishBeforeTheCrashIsProcessedAfterTheRestart() throws Exception {
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setLocaleConfig("encoding", "UTF8")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      JdbcClient database = JdbcClient.create(postgres.getPostgresDatabase());
      UUID event = UUID.randomUUID();

      ConfigurableApplicationContext first = node(url, true);
      try {
        first
            .getBean(JdbcClient.class)
            .sql("create table crash_probe_effect (event_id uuid primary key)")
            .update();
        first
            .getBean(TransactionTemplate.class)
            .executeWithoutResult(status -> first.publishEvent(new Probed(event)));
        assertThat(Probe.ENTERED.await(30, SECONDS)).as("the listener started").isTrue();
        assertThat(publications(database, event))
            .singleElement()
            .satisfies(row -> assertThat(row.get("status")).isEqualTo("PROCESSING"));
      } finally {
        first.close(); // the node goes down while its listener is still at work
      }
      Probe.RELEASE.countDown();
      assertThat(Probe.GONE.await(30, SECONDS)).as("the old node's listener gave up").isTrue();

      assertThat(publications(database, event))
          .as("after the crash, the publication is still outstanding")
          .singleElement()
          .satisfies(row -> assertThat(row.get("completion_date")).isNull());
      assertThat(effects(database, event)).isZero();

      try (ConfigurableApplicationContext second = node(url, false)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  assertThat(effects(database, event)).as("the listener's effect").isOne();
                  assertThat(publications(database, event))
                      .as("completed publications are deleted")
                      .isEmpty();
                });
      }
    }
  }

  /** One Amtsweg node on the given database, with the probe listener. */
  private static ConfigurableApplicationContext node(String url, boolean crashing) {
    return new SpringApplicationBuilder(AmtswegApplication.class, Probe.class)
        .run(
            "--server.port=0",
            "--spring.profiles.active=demo,test",
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--crash-probe.crashing=" + crashing);
  }

  private static List<Map<String, Object>> publications(JdbcClient database, UUID event) {
    return database
        .sql(
            "select status, completion_date from event_publication where serialized_event like '%' || ? || '%'")
        .param(event.toString())
        .query()
        .listOfRows();
  }

  private static long effects(JdbcClient database, UUID event) {
    return database
        .sql("select count(*) from crash_probe_effect where event_id = ?")
        .param(event)
        .query(Long.class)
        .single();
  }

  /** The event of this test. */
  public record Probed(UUID id) {}

  /**
   * A listener that records its effect in the database; on a crashing node it hangs until the node
   * is gone (registered as a source of the test's nodes only, never scanned).
   */
  static class Probe {

    static final CountDownLatch ENTERED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final CountDownLatch GONE = new CountDownLatch(1);

    private final JdbcClient jdbc;
    private final boolean crashing;

    Probe(JdbcClient jdbc, Environment environment) {
      this.jdbc = jdbc;
      this.crashing = environment.getRequiredProperty("crash-probe.crashing", Boolean.class);
    }

    @ApplicationModuleListener
    void on(Probed probed) throws InterruptedException {
      if (crashing) {
        try {
          ENTERED.countDown();
          RELEASE.await();
          throw new IllegalStateException("The node is gone");
        } finally {
          GONE.countDown();
        }
      }
      jdbc.sql("insert into crash_probe_effect (event_id) values (?)").param(probed.id()).update();
    }
  }
}
