package de.amtsweg.platform.staff;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A refused change of a staff account. */
class StaffException extends ProblemException {

  static final String NOT_FOUND = "staff-not-found";
  static final String EMAIL_TAKEN = "staff-email-taken";
  static final String INVALID = "staff-invalid";
  static final String NOT_ALLOWED = "staff-not-allowed";

  StaffException(HttpStatus status, String type) {
    super(status, type);
  }

  static StaffException notFound() {
    return new StaffException(HttpStatus.NOT_FOUND, NOT_FOUND);
  }

  static StaffException notAllowed() {
    return new StaffException(HttpStatus.FORBIDDEN, NOT_ALLOWED);
  }
}
