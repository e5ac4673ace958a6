package de.amtsweg.payment;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asynchronous status notifications of payment services. Each is verified with the tenant's
 * notification secret by its provider (a forged one changes nothing), deduplicated by its event id
 * (the second delivery of the same event is acknowledged and ignored) and applied through {@link
 * Payments#change}, which never moves a status backwards: a late "pending" after "paid" is ignored.
 * Recording the event id and changing the status happen in one transaction.
 */
@Service
public class PaymentNotifications {

  private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

  /** What became of a notification. */
  public enum Outcome {
    /** It changed the payment's status. */
    APPLIED,
    /** Known payment, but the status was already that or may not go back (out of order). */
    IGNORED,
    /** Seen before (same event id). */
    DUPLICATE,
    /** No payment of the tenant has this transaction. */
    UNKNOWN_TRANSACTION
  }

  private final Payments payments;
  private final PaymentConfigs configs;
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;

  PaymentNotifications(
      Payments payments,
      PaymentConfigs configs,
      JdbcClient jdbc,
      PlatformTransactionManager transactions) {
    this.payments = payments;
    this.configs = configs;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
  }

  /**
   * Receives a notification as it came over HTTP.
   *
   * @param headers request headers, names in lower case
   * @throws PaymentException.ProviderUnknown when there is no such provider
   * @throws PaymentException.NotificationForged when the tenant does not use this provider, or the
   *     signature does not check out
   */
  public Outcome receive(
      String providerId, String tenantArs, Map<String, String> headers, byte[] body) {
    PaymentProvider provider = payments.provider(providerId);
    PaymentConfig config =
        configs
            .find(tenantArs)
            .filter(c -> c.provider().equals(providerId))
            .orElseThrow(PaymentException.NotificationForged::new);
    PaymentProvider.Notification notification;
    try {
      notification = provider.verify(config, headers, body);
    } catch (PaymentException.NotificationForged e) {
      log.warn(
          "Notification for tenant {} from {} refused: signature does not check out",
          tenantArs,
          providerId);
      throw e;
    }
    return Objects.requireNonNull(tx.execute(s -> apply(providerId, tenantArs, notification)));
  }

  private Outcome apply(
      String providerId, String tenantArs, PaymentProvider.Notification notification) {
    Optional<StoredPayment> stored =
        payments.byTransaction(providerId, tenantArs, notification.transactionId());
    if (stored.isEmpty()) {
      // Not recorded as seen: the same event may come again once the transaction is known.
      log.warn(
          "Notification {} from {} for tenant {} names no known transaction",
          notification.eventId(),
          providerId,
          tenantArs);
      return Outcome.UNKNOWN_TRANSACTION;
    }
    int fresh =
        jdbc.sql(
                """
            insert into payment_notification (provider, tenant_ars, event_id, payment_id, status, applied)
            values (?, ?, ?, ?, ?, false) on conflict do nothing
            """)
            .params(
                providerId,
                tenantArs,
                notification.eventId(),
                stored.get().payment().id(),
                notification.status().name())
            .update();
    if (fresh == 0) {
      log.info("Notification {} from {} seen before: ignored", notification.eventId(), providerId);
      return Outcome.DUPLICATE;
    }
    boolean changed =
        payments.change(
            stored.get().payment().id(),
            notification.status().toPaymentStatus(),
            ChangeSource.NOTIFICATION,
            null,
            null,
            null);
    if (changed) {
      jdbc.sql(
              "update payment_notification set applied = true where provider = ? and tenant_ars = ? and event_id = ?")
          .params(providerId, tenantArs, notification.eventId())
          .update();
    }
    return changed ? Outcome.APPLIED : Outcome.IGNORED;
  }
}
