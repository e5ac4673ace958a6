package de.amtsweg.payment;

import java.net.URI;
import java.util.Map;

/**
 * A payment service (SPI), modelled on XBezahldienste: create a payment transaction and send the
 * payer there, ask for its status, cancel it while it is open, refund, and verify the service's
 * asynchronous notifications. Implementations are Spring beans in their own sub-packages; the
 * tenant's {@link PaymentConfig} says which one it uses. Calls that do not reach the service, time
 * out or get a server error throw {@link Unavailable}: the payment then stays as it is and is tried
 * again.
 */
public interface PaymentProvider {

  /** Name in configurations and in the notification URL, e.g. {@code test}. */
  String id();

  /** Whether a tenant administrator must give endpoint and credentials. */
  boolean needsEndpoint();

  /**
   * Creates the transaction at the service. Must be idempotent per payment id: asking twice gives
   * the same transaction.
   *
   * @param notificationUrl where the service sends its notifications
   */
  Created create(
      PaymentConfig config, Payment payment, URI returnUrl, URI cancelUrl, URI notificationUrl);

  /** The service's view of a transaction. */
  ProviderStatus status(PaymentConfig config, String transactionId);

  /**
   * Cancels an open transaction, so that it can no longer be paid. Must be idempotent: cancelling a
   * cancelled transaction answers {@link ProviderStatus#CANCELED} again.
   *
   * @return the transaction's status after the call: {@link ProviderStatus#CANCELED} when it is
   *     cancelled; {@link ProviderStatus#PAYED} when it had been paid already (Amtsweg then books
   *     it instead of believing the cancel); {@link ProviderStatus#FAILED} when it had failed;
   *     {@link ProviderStatus#INITIAL} when the service refused to cancel it (Amtsweg tries again)
   * @throws Unavailable when the service does not answer, times out or answers with an error
   */
  ProviderStatus cancel(PaymentConfig config, String transactionId);

  /** Gives (part of) a paid amount back. */
  void refund(PaymentConfig config, String transactionId, long amountCents, String reason);

  /**
   * Checks a notification's signature and reads it.
   *
   * @param headers request headers, names in lower case
   * @throws PaymentException.NotificationForged when the signature is missing or wrong
   */
  Notification verify(PaymentConfig config, Map<String, String> headers, byte[] body);

  /** The transaction at the service and where the payer pays. */
  record Created(String transactionId, URI payUrl) {}

  /** A status notification: its id (for deduplication), the transaction and its status. */
  record Notification(String eventId, String transactionId, ProviderStatus status) {}

  /** Transaction status as XBezahldienste names it. */
  enum ProviderStatus {
    INITIAL,
    PAYED,
    FAILED,
    CANCELED;

    /** The payment status this means. */
    public PaymentStatus toPaymentStatus() {
      return switch (this) {
        case INITIAL -> PaymentStatus.PENDING;
        case PAYED -> PaymentStatus.PAID;
        case FAILED -> PaymentStatus.FAILED;
        case CANCELED -> PaymentStatus.CANCELLED;
      };
    }
  }

  /**
   * The service could not be reached, timed out or failed; the message is technical, never personal
   * data.
   */
  class Unavailable extends RuntimeException {
    public Unavailable(String message) {
      super(message);
    }

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
