package de.amtsweg.payment;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** What the payment module refuses, as problem details ({@code urn:amtsweg:problem:<type>}). */
public class PaymentException extends ProblemException {

  private PaymentException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }

  /** No such payment (also: another tenant's). */
  public static class NotFound extends PaymentException {
    public NotFound() {
      super(HttpStatus.NOT_FOUND, "payment-not-found");
    }
  }

  /** A payment request that cannot be made: the argument names what is wrong. */
  public static class Invalid extends PaymentException {
    public Invalid(String what) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "payment-invalid", what);
    }
  }

  /** The same idempotency key was used for another tenant or other items. */
  public static class KeyReused extends PaymentException {
    public KeyReused() {
      super(HttpStatus.CONFLICT, "payment-key-reused");
    }
  }

  /** The tenant has no payment service configured. */
  public static class NotConfigured extends PaymentException {
    public NotConfigured() {
      super(HttpStatus.CONFLICT, "payment-not-configured");
    }
  }

  /** The payment service did not answer, answered too late or with an error. Try again later. */
  public static class ProviderUnavailable extends PaymentException {
    public ProviderUnavailable() {
      super(HttpStatus.SERVICE_UNAVAILABLE, "payment-provider-unavailable");
    }
  }

  /** No payment service of this name. */
  public static class ProviderUnknown extends PaymentException {
    public ProviderUnknown() {
      super(HttpStatus.NOT_FOUND, "payment-provider-unknown");
    }
  }

  /** A notification whose signature does not check out. Nothing was changed. */
  public static class NotificationForged extends PaymentException {
    public NotificationForged() {
      super(HttpStatus.UNAUTHORIZED, "payment-notification-forged");
    }
  }

  /** A refund that is not possible: not paid, too much, or no reason. */
  public static class RefundInvalid extends PaymentException {
    public RefundInvalid(String why) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "payment-refund-invalid", why);
    }
  }

  /** The token lacks the scope {@code zahlungen.lesen}, or belongs to no tenant. */
  public static class ScopeMissing extends PaymentException {
    public ScopeMissing() {
      super(HttpStatus.FORBIDDEN, "payment-scope-missing");
    }
  }

  /** The day of the bookings export is missing or not a date (YYYY-MM-DD). */
  public static class DayInvalid extends PaymentException {
    public DayInvalid() {
      super(HttpStatus.BAD_REQUEST, "payment-day-invalid");
    }
  }
}
