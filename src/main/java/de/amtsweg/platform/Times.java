package de.amtsweg.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Times as people read them: in the installation's zone ({@code amtsweg.time-zone}, default {@code
 * Europe/Berlin}), German notation. The same event shows the same time on every page, PDF and mail;
 * timestamps from the database come in UTC. Templates call it as {@code ${@times.dateTime(x)}}.
 */
@Component("times")
public class Times {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
  private static final DateTimeFormatter DATE_TIME_SECONDS =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

  private final ZoneId zone;

  @Autowired
  public Times(PlatformProperties properties) {
    this(properties.timeZone());
  }

  private Times(ZoneId zone) {
    this.zone = zone;
  }

  /** Times in a given zone, for code outside Spring (tests, tools). */
  public static Times in(ZoneId zone) {
    return new Times(zone);
  }

  /** The zone of times shown to people. */
  public ZoneId zone() {
    return zone;
  }

  /** Today in this zone: in Germany the day starts one or two hours before it does in UTC. */
  public LocalDate today() {
    return LocalDate.now(zone);
  }

  /** {@code 12.08.2026 13:22}; empty for no time. */
  public String dateTime(@Nullable Object time) {
    return format(time, DATE_TIME);
  }

  /** {@code 12.08.2026 13:22:05}; empty for no time. */
  public String dateTimeSeconds(@Nullable Object time) {
    return format(time, DATE_TIME_SECONDS);
  }

  /** {@code 12.08.2026}, the day in this zone; empty for no date. */
  public String date(@Nullable Object time) {
    return format(time, DATE);
  }

  /** The moment in this zone; dates and local times are taken as they are. */
  public TemporalAccessor local(Object time) {
    return switch (time) {
      case OffsetDateTime t -> t.atZoneSameInstant(zone);
      case ZonedDateTime t -> t.withZoneSameInstant(zone);
      case Instant t -> t.atZone(zone);
      case LocalDateTime t -> t;
      case LocalDate t -> t;
      default ->
          throw new IllegalArgumentException("Not a time: " + time.getClass().getSimpleName());
    };
  }

  private String format(@Nullable Object time, DateTimeFormatter formatter) {
    if (time == null) {
      return "";
    }
    TemporalAccessor local = local(time);
    return local instanceof LocalDate day && formatter != DATE
        ? DATE.format(day)
        : formatter.format(local);
  }
}
