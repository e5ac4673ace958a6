package de.amtsweg.tenancy;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Why a change to a tenant was refused; {@link #type()} names the reason. */
public class TenantException extends ProblemException {

  /** The slug is used by another tenant. */
  public static final String SLUG_TAKEN = "tenant-slug-taken";

  /** The authority already is a tenant. */
  public static final String AUTHORITY_TAKEN = "tenant-authority-taken";

  /** Someone else saved the tenant since it was loaded. */
  public static final String EDITED_CONCURRENTLY = "tenant-edited-concurrently";

  /** The uploaded logo is not a PNG or JPEG image, or too large. */
  public static final String INVALID_LOGO = "tenant-logo-invalid";

  /** The colour is not #rrggbb or too light for white text. */
  public static final String UNREADABLE_COLOUR = "tenant-colour-unreadable";

  /** No tenant has this slug. */
  public static final String NOT_FOUND = "tenant-not-found";

  TenantException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }
}
