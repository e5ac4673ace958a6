package de.amtsweg.account;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Why a Postfach operation was refused. */
public class PostfachException extends ProblemException {

  /** No such message in this Postfach (another account's messages do not exist for it). */
  public static final String NOT_FOUND = "postfach-message-not-found";

  /** The attachment is not a PDF or too large. */
  public static final String INVALID_ATTACHMENT = "postfach-attachment-invalid";

  PostfachException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }
}
