package de.amtsweg.account;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Why an organisation operation was refused; {@link #type()} names the reason. */
public class OrganisationException extends ProblemException {

  /** No such organisation for this account (it is not a member). */
  public static final String NOT_FOUND = "organisation-not-found";

  /** Only admins of the organisation may do this. */
  public static final String ADMIN_REQUIRED = "organisation-admin-required";

  /** No confirmed Servicekonto has this address. */
  public static final String UNKNOWN_PERSON = "organisation-person-unknown";

  /** The person already belongs to the organisation. */
  public static final String ALREADY_MEMBER = "organisation-already-member";

  /** An organisation keeps at least one admin. */
  public static final String LAST_ADMIN = "organisation-last-admin";

  /** Someone else saved the organisation since it was loaded. */
  public static final String EDITED_CONCURRENTLY = "organisation-edited-concurrently";

  OrganisationException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }
}
