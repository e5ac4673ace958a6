package de.amtsweg.platform;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An error a user or API client caused and can understand. Rendered as RFC 9457 problem details
 * under {@code /api/**} and as an error page elsewhere, with title and detail taken from the
 * message bundles ({@code problem.<type>.title} and {@code problem.<type>.detail}).
 */
public abstract class ProblemException extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final Object[] detailArguments;

  /**
   * @param status the HTTP status
   * @param type stable slug of the problem type, e.g. {@code authority-not-found}
   * @param detailArguments arguments for the detail message
   */
  protected ProblemException(HttpStatus status, String type, Object... detailArguments) {
    super(type);
    this.status = status;
    this.type = type;
    this.detailArguments = detailArguments.clone();
  }

  public HttpStatus status() {
    return status;
  }

  public String type() {
    return type;
  }

  public Object[] detailArguments() {
    return detailArguments.clone();
  }

  /**
   * How long the client should wait before trying again, sent as {@code Retry-After} (in whole
   * seconds); null when waiting does not help. Problems that pass (429, 503) override it.
   */
  public @Nullable Duration retryAfter() {
    return null;
  }
}
