package de.amtsweg.platform.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.DisabledSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import de.amtsweg.platform.RecurringJob;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * A {@link RecurringJob.Schedule} as db-scheduler's {@link Schedule}. Cron expressions are Spring's
 * own ({@link CronExpression}), so that the settings mean exactly what they meant for
 * {@code @Scheduled}; an interval's first run waits one interval, like {@code @Scheduled}'s {@code
 * initialDelay}, so that a job whose tests run it themselves does not start at once.
 */
final class Schedules {

  private Schedules() {}

  static Schedule of(RecurringJob.Schedule schedule) {
    return switch (schedule) {
      case RecurringJob.Every every -> new Interval(every.interval());
      case RecurringJob.Cron cron ->
          new Cron(CronExpression.parse(cron.expression()), ZoneId.systemDefault());
      case RecurringJob.Off off -> new DisabledSchedule();
    };
  }

  /** The next run {@code interval} after the end of the last; not deterministic. */
  record Interval(Duration interval) implements Schedule {

    @Override
    public Instant getNextExecutionTime(ExecutionComplete complete) {
      return complete.getTimeDone().plus(interval);
    }

    @Override
    public boolean isDeterministic() {
      return false;
    }
  }

  /**
   * The next time of the expression after the end of the last run; deterministic, so that a changed
   * setting moves the planned run at the next start.
   */
  record Cron(CronExpression expression, ZoneId zone) implements Schedule {

    @Override
    public Instant getNextExecutionTime(ExecutionComplete complete) {
      ZonedDateTime next = expression.next(complete.getTimeDone().atZone(zone));
      return next == null ? Schedule.NEVER : next.toInstant();
    }

    @Override
    public boolean isDeterministic() {
      return true;
    }
  }
}
