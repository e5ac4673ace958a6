package de.amtsweg.payment.testservice;

import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentConfig;
import de.amtsweg.payment.PaymentProvider;
import de.amtsweg.payment.SignedNotifications;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The built-in test payment service as a provider: its transactions live in its own table, as a
 * real service keeps them on its side; the payer pays on its pages ({@code /bezahlung/test/{id}},
 * {@link TestPaymentService}); its notifications are signed with the tenant's notification secret
 * and verified like those of any other service.
 */
@Profile("demo")
@Component
public class TestPaymentProvider implements PaymentProvider {

  /** The provider id. */
  public static final String ID = "test";

  private final JdbcClient jdbc;

  TestPaymentProvider(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean needsEndpoint() {
    return false;
  }

  @Override
  public Created create(
      PaymentConfig config, Payment payment, URI returnUrl, URI cancelUrl, URI notificationUrl) {
    jdbc.sql(
            """
            insert into payment_test_transaction (id, payment_id, tenant_ars, status, amount_cents, return_url, cancel_url,
              notification_url) values (?, ?, ?, 'INITIAL', ?, ?, ?, ?) on conflict (payment_id) do nothing
            """)
        .params(
            UUID.randomUUID(),
            payment.id(),
            payment.tenantArs(),
            payment.amountCents(),
            returnUrl.toString(),
            cancelUrl.toString(),
            notificationUrl.toString())
        .update();
    UUID id =
        jdbc.sql("select id from payment_test_transaction where payment_id = ?")
            .param(payment.id())
            .query(UUID.class)
            .single();
    return new Created(id.toString(), URI.create("/bezahlung/test/" + id));
  }

  @Override
  public ProviderStatus status(PaymentConfig config, String transactionId) {
    return jdbc.sql("select status from payment_test_transaction where id = ? and tenant_ars = ?")
        .params(UUID.fromString(transactionId), config.tenantArs())
        .query(String.class)
        .optional()
        .map(ProviderStatus::valueOf)
        .orElseThrow(() -> new Unavailable("test service: no transaction " + transactionId));
  }

  /**
   * Marks an open transaction cancelled by Amtsweg: its page no longer offers to pay it. A paid or
   * failed transaction stays as it is and says so.
   */
  @Override
  public ProviderStatus cancel(PaymentConfig config, String transactionId) {
    jdbc.sql(
            """
            update payment_test_transaction set status = 'CANCELED', voided_at = now(), updated_at = now()
            where id = ? and tenant_ars = ? and status = 'INITIAL'
            """)
        .params(UUID.fromString(transactionId), config.tenantArs())
        .update();
    return status(config, transactionId);
  }

  @Override
  public void refund(PaymentConfig config, String transactionId, long amountCents, String reason) {
    int refunded =
        jdbc.sql(
                """
            update payment_test_transaction set refunded_cents = refunded_cents + ?, updated_at = now()
            where id = ? and tenant_ars = ? and status = 'PAYED' and refunded_cents + ? <= amount_cents
            """)
            .params(amountCents, UUID.fromString(transactionId), config.tenantArs(), amountCents)
            .update();
    if (refunded == 0) {
      throw new Unavailable("test service: refund refused for " + transactionId);
    }
  }

  @Override
  public Notification verify(PaymentConfig config, Map<String, String> headers, byte[] body) {
    return SignedNotifications.verify(config.notificationSecret(), headers, body);
  }
}
