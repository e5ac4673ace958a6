package de.amtsweg.tenancy;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** No authority has this ARS. */
public class AuthorityNotFoundException extends ProblemException {

  AuthorityNotFoundException(String ars) {
    super(HttpStatus.NOT_FOUND, "authority-not-found", ars);
  }
}
