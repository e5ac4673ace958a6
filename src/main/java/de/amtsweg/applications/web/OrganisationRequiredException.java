package de.amtsweg.applications.web;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** An app for organisations, started by a person who belongs to none. */
class OrganisationRequiredException extends ProblemException {
  OrganisationRequiredException() {
    super(HttpStatus.FORBIDDEN, "organisation-required");
  }
}
