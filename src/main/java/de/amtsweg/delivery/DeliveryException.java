package de.amtsweg.delivery;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** What the delivery API refuses, as problem details ({@code urn:amtsweg:problem:<type>}). */
public class DeliveryException extends ProblemException {

  private DeliveryException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }

  /** No such submission for this client's tenant (also: another tenant's). */
  public static class NotFound extends DeliveryException {
    public NotFound() {
      super(HttpStatus.NOT_FOUND, "delivery-not-found");
    }
  }

  /** The token lacks the scope, or belongs to no tenant. */
  public static class ScopeMissing extends DeliveryException {
    public ScopeMissing() {
      super(HttpStatus.FORBIDDEN, "delivery-scope-missing");
    }
  }

  /** Acknowledging what was never fetched. */
  public static class NotFetched extends DeliveryException {
    public NotFetched() {
      super(HttpStatus.CONFLICT, "delivery-not-fetched");
    }
  }

  /** Reporting a status before receipt was acknowledged. */
  public static class NotAcknowledged extends DeliveryException {
    public NotAcknowledged() {
      super(HttpStatus.CONFLICT, "delivery-not-acknowledged");
    }
  }

  /** A status report names no status, or one Anträge do not have. */
  public static class StatusUnknown extends DeliveryException {
    public StatusUnknown(String allowed) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "delivery-status-unknown", allowed);
    }
  }

  /** The message to the applicant is longer than a Postfach message may be. */
  public static class MessageTooLong extends DeliveryException {
    public MessageTooLong(int max) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "delivery-message-too-long", max);
    }
  }

  /** The Bescheid is not base64, not a PDF, or too large. */
  public static class BescheidInvalid extends DeliveryException {
    public BescheidInvalid(int maxKb) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "delivery-bescheid-invalid", maxKb);
    }
  }

  /** limit or offset out of range. */
  public static class ParameterInvalid extends DeliveryException {
    public ParameterInvalid(String name) {
      super(HttpStatus.BAD_REQUEST, "delivery-parameter-invalid", name);
    }
  }

  /** Only failed or fallen-back webhook deliveries can be pushed again. */
  public static class NotRetryable extends DeliveryException {
    public NotRetryable() {
      super(HttpStatus.CONFLICT, "delivery-not-retryable");
    }
  }

  /** The tenant has no route for the document type, and there is no default. */
  public static class NoRoute extends DeliveryException {
    public NoRoute() {
      super(HttpStatus.CONFLICT, "delivery-no-route");
    }
  }

  /** A delivery cannot take this state from the one it has. */
  public static class IllegalTransition extends DeliveryException {
    public IllegalTransition(DeliveryState from, DeliveryState to) {
      super(HttpStatus.CONFLICT, "delivery-state-transition", from.name(), to.name());
    }
  }

  /** A callback whose signature is missing or wrong, or that names no webhook delivery. */
  public static class CallbackSignature extends DeliveryException {
    public CallbackSignature() {
      super(HttpStatus.UNAUTHORIZED, "delivery-callback-signature");
    }
  }

  /** A callback whose timestamp is missing, malformed or outside the replay window. */
  public static class CallbackExpired extends DeliveryException {
    public CallbackExpired(long windowSeconds) {
      super(HttpStatus.UNAUTHORIZED, "delivery-callback-expired", windowSeconds);
    }
  }

  /** A callback whose signature was seen before. */
  public static class CallbackReplayed extends DeliveryException {
    public CallbackReplayed() {
      super(HttpStatus.UNAUTHORIZED, "delivery-callback-replayed");
    }
  }
}
