package de.amtsweg.tenancy;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** An ARS that is not 12 digits. */
public class MalformedArsException extends ProblemException {

  MalformedArsException(String candidate) {
    super(HttpStatus.BAD_REQUEST, "malformed-ars", abbreviate(candidate));
  }

  private static String abbreviate(String candidate) {
    return candidate.length() > 20 ? candidate.substring(0, 20) + "…" : candidate;
  }
}
