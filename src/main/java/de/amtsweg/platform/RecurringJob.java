package de.amtsweg.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * Background work that runs again and again, on exactly one node of the cluster at a time. A module
 * declares it as a Spring bean, and the platform's scheduler (db-scheduler on the table {@code
 * scheduled_tasks}) runs it:
 *
 * <pre>{@code
 * @Bean
 * RecurringJob retention(Retention retention, CaseworkProperties properties) {
 *   return RecurringJob.cron("casework.retention", properties.retentionCron(), retention::run);
 * }
 * }</pre>
 *
 * <p>Each due time is run once in the whole cluster: the node that picks it marks it in the
 * database. A node that dies during a run stops sending heartbeats; another node notices and runs
 * the job again, so the work must tolerate being repeated after a partial run. On shutdown a node
 * takes no new runs and waits a short time for its running ones ({@code amtsweg.jobs.*}).
 *
 * <p>The work is ordinary code: tests call it directly, without the scheduler. A schedule whose
 * setting switches the job off ({@link #enabledWhen}, or the cron expression {@code "-"}) removes
 * the job's next run from the database: switch a job off on every node alike.
 *
 * @param name unique and stable name, {@code <module>.<what>} (stored in the database; renaming a
 *     job starts it afresh)
 * @param schedule when it runs
 * @param work what it does; an exception is logged and the job runs again at its next time
 */
public record RecurringJob(String name, Schedule schedule, Runnable work) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");

  public RecurringJob {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(work, "work");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "A job's name is <module>.<what> in lower case, not '" + name + "'");
    }
  }

  /**
   * A job that runs {@code interval} after the end of its previous run; its first run comes one
   * interval after the job was first created in the database.
   */
  public static RecurringJob every(String name, Duration interval, Runnable work) {
    return new RecurringJob(name, new Every(interval), work);
  }

  /**
   * A job that runs at the times of a Spring cron expression ({@code "0 40 3 * * *"}) in the
   * server's time zone; {@code "-"} switches it off, as with {@code @Scheduled}.
   */
  public static RecurringJob cron(String name, String expression, Runnable work) {
    return new RecurringJob(
        name, expression.strip().equals(Off.CRON) ? new Off() : new Cron(expression), work);
  }

  /** This job, or, when {@code enabled} is false, the same job switched off. */
  public RecurringJob enabledWhen(boolean enabled) {
    return enabled ? this : new RecurringJob(name, new Off(), work);
  }

  /** When a job runs. */
  public sealed interface Schedule permits Every, Cron, Off {}

  /**
   * A fixed pause between the end of one run and the start of the next.
   *
   * @param interval the pause, positive
   */
  public record Every(Duration interval) implements Schedule {
    public Every {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("A job's interval must be positive: " + interval);
      }
    }
  }

  /**
   * The times of a Spring cron expression (six fields, seconds first), in the server's time zone.
   *
   * @param expression the expression; checked here, so that a wrong setting stops the start
   */
  public record Cron(String expression) implements Schedule {
    public Cron {
      CronExpression.parse(expression);
    }
  }

  /** Switched off: the job does not run, and its next run is removed from the database. */
  public record Off() implements Schedule {
    /** The cron expression that means "off", as for {@code @Scheduled}. */
    static final String CRON = "-";
  }
}
