package de.amtsweg.account;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Why registering or managing an API client was refused; {@link #type()} names the reason. */
public class ApiClientException extends ProblemException {

  /** No such client, or not one the caller manages (another tenant's). */
  public static final String NOT_FOUND = "api-client-not-found";

  /** The client id does not have the allowed form. */
  public static final String ID_INVALID = "api-client-id-invalid";

  /** Another client has this client id. */
  public static final String ID_TAKEN = "api-client-id-taken";

  /** The name is empty or too long. */
  public static final String NAME_INVALID = "api-client-name-invalid";

  /** No scope, or one that does not fit the owner. */
  public static final String SCOPE_INVALID = "api-client-scope-invalid";

  /** The owner does not exist, or the caller may not register clients for it. */
  public static final String OWNER_UNKNOWN = "api-client-owner-unknown";

  ApiClientException(HttpStatus status, String type) {
    super(status, type);
  }
}
