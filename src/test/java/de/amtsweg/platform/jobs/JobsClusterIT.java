package de.amtsweg.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import de.amtsweg.platform.RecurringJob;
import de.amtsweg.support.AmtswegIT;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Jobs on several nodes: two schedulers on the app's database act as two nodes. Each due time of a
 * job runs once, on the node that picked it; a run whose node died is run again by the other node;
 * a node that stops lets its running job end; a job switched off loses its planned run. The app
 * itself runs a scheduler with the jobs of its modules, whose work runs through the beans; a node
 * with jobs switched off runs none.
 */
class JobsClusterIT extends AmtswegIT {

  /** Quick polling and heartbeats: a run counts as dead four seconds after its last heartbeat. */
  private static final JobsProperties FAST =
      new JobsProperties(
          true, Duration.ofMillis(200), Duration.ofSeconds(1), 4, 2, Duration.ofMillis(200));

  /** Never due by itself: the tests make it due. */
  private static final String YEARLY = "0 0 0 1 1 *";

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired List<RecurringJob> appJobs;
  @Autowired ObjectProvider<RecurringJob> appJobProvider;
  @Autowired JobScheduler appScheduler;

  private final List<Scheduler> nodes = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stopNodes() {
    release.countDown();
    stopAll();
  }

  private void stopAll() {
    nodes.forEach(Scheduler::stop);
    nodes.clear();
  }

  @Test
  void theAppRegistersTheJobsOfItsModules() {
    assertThat(appScheduler.isRunning()).isTrue();
    assertThat(jdbc.sql("select task_name from scheduled_tasks").query(String.class).list())
        .contains(
            "platform.mail-housekeeping",
            "account.unconfirmed-registrations",
            "account.spent-tokens",
            "account.expired-api-tokens",
            "account.old-login-failures",
            "payment.reconciliation",
            "casework.retention")
        .as("no SMTP server in the tests, so no mail delivery")
        .doesNotContain("platform.mail-delivery");
  }

  @Test
  void theCleanUpJobsRunThroughTheirBeans() {
    Set<String> cleanUps =
        Set.of(
            "platform.mail-housekeeping",
            "account.unconfirmed-registrations",
            "account.spent-tokens",
            "account.expired-api-tokens",
            "account.old-login-failures",
            "casework.retention");
    List<RecurringJob> found =
        appJobs.stream().filter(job -> cleanUps.contains(job.name())).toList();

    assertThat(found).extracting(RecurringJob::name).containsExactlyInAnyOrderElementsOf(cleanUps);
    found.forEach(job -> job.work().run());
  }

  @Test
  void aNodeWithJobsSwitchedOffRunsNone() {
    JobScheduler node =
        new JobScheduler(
            dataSource,
            appJobProvider,
            new JobsProperties(
                false,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                4,
                4,
                Duration.ofSeconds(10)));

    node.start();

    assertThat(node.isRunning()).isFalse();
  }

  /** One execution of a job, as the job itself saw it in the database. */
  record Run(String node, String pickedBy, Instant due, Instant start, Instant end) {}

  @Test
  void twoNodesRunEachDueTimeOnceAndNeverAtTheSameTime() {
    String name = uniqueName("every-second");
    List<Run> runs = new CopyOnWriteArrayList<>();

    start("node-a", RecurringJob.cron(name, "* * * * * *", recording(name, "node-a", runs)));
    start("node-b", RecurringJob.cron(name, "* * * * * *", recording(name, "node-b", runs)));
    waitUntil(Duration.ofSeconds(30), () -> runs.size() >= 6);
    stopAll();

    assertThat(runs).extracting(Run::due).as("each due time once").doesNotHaveDuplicates();
    assertThat(runs).allSatisfy(run -> assertThat(run.pickedBy()).isEqualTo(run.node()));
    List<Run> inOrder = runs.stream().sorted(Comparator.comparing(Run::start)).toList();
    for (int i = 1; i < inOrder.size(); i++) {
      assertThat(inOrder.get(i).start())
          .as("a run starts after the previous one ended")
          .isAfterOrEqualTo(inOrder.get(i - 1).end());
      assertThat(inOrder.get(i).due()).isAfter(inOrder.get(i - 1).due());
    }
  }

  @Test
  void aRunWhoseNodeDiedIsRunAgainByAnotherNode() {
    String name = uniqueName("hangs");
    List<String> ranOn = new CopyOnWriteArrayList<>();
    CountDownLatch runningOnA = new CountDownLatch(1);
    Scheduler a =
        start(
            "node-a",
            RecurringJob.cron(
                name,
                YEARLY,
                () -> {
                  ranOn.add("node-a");
                  runningOnA.countDown();
                  hangUntilReleased();
                }));
    a.reschedule(TaskInstanceId.of(name, RecurringTask.INSTANCE), Instant.now());
    waitUntil(Duration.ofSeconds(20), () -> runningOnA.getCount() == 0);

    // Node A dies mid-run: its scheduler stops, so its heartbeats stop, while the run never ends.
    stopAll();
    assertThat(row(name)).extracting(Row::picked, Row::pickedBy).containsExactly(true, "node-a");

    start("node-b", RecurringJob.cron(name, YEARLY, () -> ranOn.add("node-b")));
    waitUntil(Duration.ofSeconds(30), () -> ranOn.contains("node-b"));

    assertThat(ranOn).containsExactly("node-a", "node-b");
    waitUntil(Duration.ofSeconds(10), () -> !row(name).picked());
    assertThat(row(name).lastSuccess()).isNotNull();
  }

  @Test
  void aStoppingNodeLetsItsRunningJobEnd() {
    String name = uniqueName("slow");
    List<String> events = new CopyOnWriteArrayList<>();
    CountDownLatch running = new CountDownLatch(1);
    JobsProperties patient =
        new JobsProperties(
            true, Duration.ofMillis(200), Duration.ofSeconds(1), 4, 2, Duration.ofSeconds(10));
    Scheduler node =
        start(
            "node-a",
            patient,
            RecurringJob.cron(
                name,
                YEARLY,
                () -> {
                  running.countDown();
                  sleep(Duration.ofMillis(1500));
                  events.add("ended");
                }));
    node.reschedule(TaskInstanceId.of(name, RecurringTask.INSTANCE), Instant.now());
    waitUntil(Duration.ofSeconds(20), () -> running.getCount() == 0);

    stopAll();

    assertThat(events).containsExactly("ended");
    assertThat(row(name).picked()).isFalse();
    assertThat(row(name).lastSuccess()).isNotNull();
  }

  @Test
  void aJobSwitchedOffLosesItsPlannedRun() {
    String name = uniqueName("switched-off");
    start("node-a", RecurringJob.cron(name, "0 0 * * * *", () -> {}));
    assertThat(rowExists(name)).isTrue();
    stopAll();

    start("node-a", RecurringJob.cron(name, "0 0 * * * *", () -> {}).enabledWhen(false));

    assertThat(rowExists(name)).isFalse();
  }

  private Scheduler start(String node, RecurringJob job) {
    return start(node, FAST, job);
  }

  private Scheduler start(String node, JobsProperties properties, RecurringJob job) {
    Scheduler scheduler = JobScheduler.create(dataSource, List.of(job), properties, node);
    nodes.add(scheduler);
    scheduler.start();
    return scheduler;
  }

  /** A job that records when it ran and what the database says about the run, then takes 300 ms. */
  private Runnable recording(String name, String node, List<Run> runs) {
    return () -> {
      Instant start = Instant.now();
      Row row = row(name);
      sleep(Duration.ofMillis(300));
      runs.add(new Run(node, row.pickedBy(), row.due(), start, Instant.now()));
    };
  }

  record Row(boolean picked, String pickedBy, Instant due, OffsetDateTime lastSuccess) {}

  private Row row(String name) {
    return jdbc.sql(
            "select picked, picked_by, execution_time, last_success from scheduled_tasks"
                + " where task_name = ?")
        .param(name)
        .query(
            (rs, n) ->
                new Row(
                    rs.getBoolean("picked"),
                    rs.getString("picked_by"),
                    rs.getObject("execution_time", OffsetDateTime.class).toInstant(),
                    rs.getObject("last_success", OffsetDateTime.class)))
        .single();
  }

  private boolean rowExists(String name) {
    return jdbc.sql("select exists(select 1 from scheduled_tasks where task_name = ?)")
        .param(name)
        .query(Boolean.class)
        .single();
  }

  /** Like a node that hangs: interrupts do not end it, only the end of the test does. */
  private void hangUntilReleased() {
    while (true) {
      try {
        release.await();
        return;
      } catch (InterruptedException e) {
        // A dead node does not react either.
      }
    }
  }

  private static String uniqueName(String what) {
    return "test." + what + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void waitUntil(Duration timeout, BooleanSupplier condition) {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited %s", timeout).isBefore(end);
      sleep(Duration.ofMillis(50));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
