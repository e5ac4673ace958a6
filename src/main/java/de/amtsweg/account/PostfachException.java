package de.amtsweg.account;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Why a Postfach operation was refused. */
public class PostfachException extends ProblemException {

  /** No such message in this Postfach (another account's messages do not exist for it). */
  public static final String NOT_FOUND = "postfach-message-not-found";

  /** The attachment is no PDF, JPEG or PNG (argument: its name). */
  public static final String INVALID_ATTACHMENT = "postfach-attachment-invalid";

  /** The attachment is larger than allowed (arguments: its name, the limit in MB). */
  public static final String ATTACHMENT_TOO_LARGE = "postfach-attachment-too-large";

  /** The attachment is a HEIC/HEIF photo, which most authorities cannot open (argument: name). */
  public static final String ATTACHMENT_HEIC = "postfach-attachment-heic";

  /** More files than a reply may carry (argument: the limit). */
  public static final String TOO_MANY_ATTACHMENTS = "postfach-attachments-too-many";

  PostfachException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }

  /** Whether the refusal is about the files, which the person can fix by choosing others. */
  public boolean isAboutAttachments() {
    return type().startsWith("postfach-attachment");
  }
}
