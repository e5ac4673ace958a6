package de.amtsweg.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import de.amtsweg.platform.RecurringJob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link RecurringJob} bean with db-scheduler on the table {@code scheduled_tasks}. Each
 * job is one row: a node picks it with an optimistic update (so exactly one node runs a due time),
 * refreshes its heartbeat while it runs, and plans the next time when it ends. A row whose
 * heartbeat is older than {@link JobsProperties#deadAfter()} belonged to a node that died; any
 * other node runs it again.
 *
 * <p>The scheduler starts when the application is ready, after the start-up runners (imports, demo
 * data), and stops as the first thing on shutdown, while the database is still there: it takes no
 * new runs, lets the running ones end ({@code amtsweg.jobs.shutdown-max-wait}), then interrupts
 * them. With {@code amtsweg.jobs.enabled=false} this node runs no jobs.
 */
@Component
class JobScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

  private final DataSource dataSource;
  private final ObjectProvider<RecurringJob> jobs;
  private final JobsProperties properties;
  private @Nullable Scheduler scheduler;

  JobScheduler(
      DataSource dataSource, ObjectProvider<RecurringJob> jobs, JobsProperties properties) {
    this.dataSource = dataSource;
    this.jobs = jobs;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void applicationReady() {
    start();
  }

  /**
   * A scheduler for these jobs on this database, not started. Package-private for the test that
   * runs two of them side by side as two nodes.
   */
  static Scheduler create(
      DataSource dataSource, List<RecurringJob> jobs, JobsProperties properties, String node) {
    Set<String> names = new HashSet<>();
    List<RecurringTask<Void>> tasks = new ArrayList<>();
    for (RecurringJob job : jobs) {
      if (!names.add(job.name())) {
        throw new IllegalStateException("Two jobs are named " + job.name());
      }
      tasks.add(task(job));
    }
    return Scheduler.create(dataSource)
        .startTasks(tasks)
        .schedulerName(new SchedulerName.Fixed(node))
        .threads(properties.threads())
        .pollingInterval(properties.pollingInterval())
        .heartbeatInterval(properties.heartbeatInterval())
        .missedHeartbeatsLimit(properties.missedHeartbeatsLimit())
        .shutdownMaxWait(properties.shutdownMaxWait())
        .build();
  }

  private static RecurringTask<Void> task(RecurringJob job) {
    // The library's defaults for a recurring task are what a job needs: a failed run is planned
    // again by the schedule, a dead run is started again at once.
    return Tasks.recurring(job.name(), Schedules.of(job.schedule()))
        .execute((instance, context) -> job.work().run());
  }

  /** The host name and a random suffix: several nodes (or tests) may share a host. */
  private static String nodeName() {
    return new SchedulerName.Hostname().getName()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    if (!properties.enabled()) {
      log.info("Jobs are switched off on this node (amtsweg.jobs.enabled=false)");
      return;
    }
    List<RecurringJob> all = jobs.orderedStream().toList();
    scheduler = create(dataSource, all, properties, nodeName());
    scheduler.start();
    log.info(
        "Jobs started: {}", all.stream().map(job -> job.name() + " " + job.schedule()).toList());
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.stop();
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  /** Started by {@link #applicationReady()}, not when the context is refreshed. */
  @Override
  public boolean isAutoStartup() {
    return false;
  }
}
