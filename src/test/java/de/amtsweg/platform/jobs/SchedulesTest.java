package de.amtsweg.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import de.amtsweg.platform.RecurringJob;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SchedulesTest {

  private static final Runnable NOTHING = () -> {};
  private static final Instant NOW = Instant.parse("2026-12-07T10:15:30Z");

  @Test
  void anIntervalWaitsOneIntervalBeforeItsFirstRunAndAfterEachRun() {
    Schedule every = Schedules.of(new RecurringJob.Every(Duration.ofMinutes(5)));

    assertThat(every.getInitialExecutionTime(NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(every.getNextExecutionTime(ExecutionComplete.simulatedSuccess(NOW)))
        .isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(every.isDeterministic()).isFalse();
  }

  @Test
  void aCronExpressionMeansWhatItMeansForScheduled() {
    Schedule nightly = Schedules.of(new RecurringJob.Cron("0 40 3 * * *"));

    Instant next = nightly.getInitialExecutionTime(NOW);

    ZonedDateTime local = next.atZone(ZoneId.systemDefault());
    assertThat(local.getHour()).isEqualTo(3);
    assertThat(local.getMinute()).isEqualTo(40);
    assertThat(next).isAfter(NOW).isBefore(NOW.plus(Duration.ofDays(1)));
    assertThat(nightly.isDeterministic()).isTrue();
  }

  @Test
  void aDashOrAFalseSwitchTurnsAJobOff() {
    assertThat(RecurringJob.cron("casework.retention", "-", NOTHING).schedule())
        .isInstanceOf(RecurringJob.Off.class);
    assertThat(
            RecurringJob.every("delivery.worker", Duration.ofSeconds(5), NOTHING)
                .enabledWhen(false)
                .schedule())
        .isInstanceOf(RecurringJob.Off.class);
    assertThat(Schedules.of(new RecurringJob.Off()).isDisabled()).isTrue();
    assertThat(
            RecurringJob.every("delivery.worker", Duration.ofSeconds(5), NOTHING)
                .enabledWhen(true)
                .schedule())
        .isEqualTo(new RecurringJob.Every(Duration.ofSeconds(5)));
  }

  @Test
  void wrongSettingsStopTheStart() {
    assertThatThrownBy(() -> RecurringJob.cron("casework.retention", "0 40 3 * *", NOTHING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecurringJob.every("payment.reconciliation", Duration.ZERO, NOTHING))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RecurringJob.every("Reconciliation", Duration.ofMinutes(1), NOTHING))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
