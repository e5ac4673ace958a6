package de.amtsweg.casework;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** What can go wrong in the case inbox; each has its {@code problem.<type>.*} texts. */
public abstract class CaseworkException extends ProblemException {

  CaseworkException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }

  /** No such case for this tenant; another tenant's case is not found either. */
  public static class NotFound extends CaseworkException {
    public NotFound() {
      super(HttpStatus.NOT_FOUND, "case-not-found");
    }
  }

  /** Only the tenant's admins may do this. */
  public static class NotAllowed extends CaseworkException {
    public NotAllowed() {
      super(HttpStatus.FORBIDDEN, "case-admin-only");
    }
  }

  /** The applicant has no Servicekonto, so there is no Postfach to write to. */
  public static class NoPostfach extends CaseworkException {
    public NoPostfach() {
      super(HttpStatus.CONFLICT, "case-no-postfach");
    }
  }

  /** The named colleague is not staff of the tenant. */
  public static class UnknownColleague extends CaseworkException {
    public UnknownColleague() {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "case-unknown-colleague");
    }
  }

  /** The case cannot take this status from the one it has (or another change came first). */
  public static class StatusTransition extends CaseworkException {
    public StatusTransition(VorgangStatus from, VorgangStatus to) {
      super(HttpStatus.CONFLICT, "case-status-transition", from.name(), to.name());
    }
  }

  /** The Bescheid carries as many documents as it may. */
  public static class TooManyAttachments extends CaseworkException {
    public TooManyAttachments(int max) {
      super(HttpStatus.BAD_REQUEST, "case-bescheid-attachments-too-many", max);
    }
  }
}
