package de.amtsweg.applications.web;

import de.amtsweg.platform.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * Too many anonymous Anträge from one client address: 429 with {@code Retry-After}. The detail
 * names the wait in whole minutes.
 */
class SubmissionLimitException extends ProblemException {

  static final String TYPE = "antrag-submission-limit";

  private final Duration retryAfter;

  SubmissionLimitException(Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, TYPE, minutes(retryAfter));
    this.retryAfter = retryAfter;
  }

  @Override
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The wait in whole minutes, rounded up, at least one. */
  static long minutes(Duration wait) {
    return Math.max(1, (wait.toSeconds() + 59) / 60);
  }
}
