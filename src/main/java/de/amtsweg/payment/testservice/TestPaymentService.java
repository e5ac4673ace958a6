package de.amtsweg.payment.testservice;

import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentConfigs;
import de.amtsweg.payment.PaymentException;
import de.amtsweg.payment.PaymentNotifications;
import de.amtsweg.payment.PaymentProvider;
import de.amtsweg.payment.Payments;
import de.amtsweg.payment.SignedNotifications;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens on the test payment service's pages. The payer's choice changes the transaction
 * once, under a row lock: a double click, the back button or a reload find it decided and only lead
 * on to the same place. The service then notifies Amtsweg like a real one — a signed notification
 * handed to the same {@link PaymentNotifications#receive} the notification endpoint uses — and
 * sends the payer to the return or cancel address. "Nie zurückkehren" changes nothing: the payment
 * stays pending until the reconciliation expires it.
 */
@Profile("demo")
@Service
public class TestPaymentService {

  private static final Logger log = LoggerFactory.getLogger(TestPaymentService.class);

  /** What the payer picks. */
  public enum Choice {
    PAY,
    FAIL,
    CANCEL,
    ABANDON
  }

  /**
   * What the page shows.
   *
   * @param voided Amtsweg cancelled the transaction (a changed Warenkorb, a new payment): the page
   *     says so and leads back to where the payer came from
   * @param back the return address (the Warenkorb or the Antrag's page)
   */
  public record View(
      UUID id,
      String status,
      Payment payment,
      String authority,
      boolean payable,
      boolean voided,
      URI back) {

    /** Whether the payer came from the Warenkorb (else from an Antrag's page). */
    public boolean fromWarenkorb() {
      return back.getPath() != null && back.getPath().startsWith("/warenkorb");
    }
  }

  private final JdbcClient jdbc;
  private final Payments payments;
  private final PaymentConfigs configs;
  private final PaymentNotifications notifications;
  private final TenantManagement tenants;
  private final TransactionTemplate tx;

  TestPaymentService(
      JdbcClient jdbc,
      Payments payments,
      PaymentConfigs configs,
      PaymentNotifications notifications,
      TenantManagement tenants,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.payments = payments;
    this.configs = configs;
    this.notifications = notifications;
    this.tenants = tenants;
    this.tx = new TransactionTemplate(transactions);
  }

  private record Transaction(
      UUID id,
      UUID paymentId,
      String tenantArs,
      String status,
      URI returnUrl,
      URI cancelUrl,
      boolean voided) {}

  /** The page of a transaction. */
  public View view(UUID id) {
    Transaction t = transaction(id, false).orElseThrow(PaymentException.NotFound::new);
    Payment payment = payments.find(t.paymentId()).orElseThrow(PaymentException.NotFound::new);
    String authority =
        tenants.byAuthority(t.tenantArs()).map(Tenant::displayName).orElse(t.tenantArs());
    return new View(
        id,
        t.status(),
        payment,
        authority,
        "INITIAL".equals(t.status()) && payment.payable(),
        t.voided(),
        t.returnUrl());
  }

  /**
   * Carries out the payer's choice.
   *
   * @return where the payer goes next: the return address after paying or failing, the cancel
   *     address after cancelling, the page itself for a transaction Amtsweg cancelled (it says so),
   *     empty after "never return" (the page says the payment stays open)
   */
  public Optional<URI> choose(UUID id, Choice choice) {
    record Decided(Transaction transaction, boolean changed) {}
    Decided decided =
        tx.execute(
            s -> {
              Transaction t = transaction(id, true).orElseThrow(PaymentException.NotFound::new);
              boolean open = payments.find(t.paymentId()).map(Payment::payable).orElse(false);
              if (choice == Choice.ABANDON || !"INITIAL".equals(t.status()) || !open) {
                return new Decided(t, false);
              }
              String status =
                  switch (choice) {
                    case PAY -> "PAYED";
                    case FAIL -> "FAILED";
                    default -> "CANCELED";
                  };
              jdbc.sql(
                      "update payment_test_transaction set status = ?, updated_at = now() where id = ?")
                  .params(status, id)
                  .update();
              return new Decided(
                  new Transaction(
                      t.id(),
                      t.paymentId(),
                      t.tenantArs(),
                      status,
                      t.returnUrl(),
                      t.cancelUrl(),
                      false),
                  true);
            });
    Transaction t = decided.transaction();
    if (decided.changed()) {
      notify(t);
    }
    if (t.voided()) {
      log.info(
          "Test payment service: transaction {} was cancelled by Amtsweg; nothing paid", t.id());
      return Optional.of(URI.create("/bezahlung/test/" + t.id()));
    }
    return switch (t.status()) {
      case "PAYED", "FAILED" -> Optional.of(t.returnUrl());
      case "CANCELED" -> Optional.of(t.cancelUrl());
      default -> choice == Choice.ABANDON ? Optional.empty() : Optional.of(t.returnUrl());
    };
  }

  /** Notifies Amtsweg; if that fails, the reconciliation finds the status by asking. */
  private void notify(Transaction t) {
    SignedNotifications.Signed signed =
        SignedNotifications.write(
            configs.of(t.tenantArs()).notificationSecret(),
            new PaymentProvider.Notification(
                UUID.randomUUID().toString(),
                t.id().toString(),
                PaymentProvider.ProviderStatus.valueOf(t.status())));
    try {
      notifications.receive(
          TestPaymentProvider.ID,
          t.tenantArs(),
          Map.of(SignedNotifications.HEADER, signed.signature()),
          signed.body());
    } catch (RuntimeException e) {
      log.warn(
          "Test payment service: notification for transaction {} not taken: {}",
          t.id(),
          e.toString());
    }
  }

  private Optional<Transaction> transaction(UUID id, boolean lock) {
    return jdbc.sql(
            "select * from payment_test_transaction where id = ?" + (lock ? " for update" : ""))
        .param(id)
        .query(
            (rs, n) ->
                new Transaction(
                    rs.getObject("id", UUID.class),
                    rs.getObject("payment_id", UUID.class),
                    rs.getString("tenant_ars"),
                    rs.getString("status"),
                    URI.create(rs.getString("return_url")),
                    URI.create(rs.getString("cancel_url")),
                    rs.getObject("voided_at") != null))
        .optional();
  }
}
