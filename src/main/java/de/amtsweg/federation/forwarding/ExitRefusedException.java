package de.amtsweg.federation.forwarding;

import de.amtsweg.catalog.Leistung;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** Why the exit page does not lead anywhere. */
class ExitRefusedException extends RuntimeException {

  private final Reason reason;
  private final @Nullable Leistung leistung;

  ExitRefusedException(Reason reason) {
    this(reason, null);
  }

  ExitRefusedException(Reason reason, @Nullable Leistung leistung) {
    super(reason.name());
    this.reason = reason;
    this.leistung = leistung;
  }

  Reason reason() {
    return reason;
  }

  /** The Leistung asked for, when it exists: the page leads back to it. */
  @Nullable Leistung leistung() {
    return leistung;
  }

  /** The reasons, with their HTTP status and message key. */
  enum Reason {
    /** No Onlinedienst of that id (or no id at all: any other target is refused the same way). */
    UNKNOWN(HttpStatus.NOT_FOUND, "unknown"),
    /** Its address failed the link checks and is hidden. */
    DEAD(HttpStatus.NOT_FOUND, "dead"),
    /** Leistung or place missing or malformed. */
    MALFORMED(HttpStatus.BAD_REQUEST, "malformed"),
    /** It does not serve that Leistung at that place. */
    NOT_SERVED(HttpStatus.NOT_FOUND, "not-served");

    private final HttpStatus status;
    private final String key;

    Reason(HttpStatus status, String key) {
      this.status = status;
      this.key = key;
    }

    HttpStatus status() {
      return status;
    }

    /** The message key stem, {@code federation.exit.refused.<key>}. */
    String key() {
      return key;
    }
  }
}
