package de.amtsweg.payment;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments: asked for by the module that collects fees, paid at the tenant's payment service,
 * confirmed by its notifications or by the reconciliation, refunded by caseworkers. Every status
 * change goes through {@link PaymentStatus#canBecome} under a row lock and publishes one {@link
 * PaymentStatusChanged} in its transaction; a payment that becomes paid writes its bookings in the
 * same transaction, so the bookings export never misses one and never shows one twice. Calls to a
 * payment service happen outside of database transactions, except for refunds, which hold the row
 * lock so that two caseworkers cannot refund the same money twice. Logs carry ids, Kassenzeichen
 * and states, never personal data.
 */
@Service
public class Payments {

  private static final Logger log = LoggerFactory.getLogger(Payments.class);

  /** Bookings are dated in the authorities' time zone. */
  static final ZoneId BOOKING_ZONE = ZoneId.of("Europe/Berlin");

  static final String CURRENCY = "EUR";
  static final int MAX_ITEMS = 100;

  /**
   * The reason of the automatic refund of money that arrived after Amtsweg cancelled the payment.
   */
  static final String LATE_REFUND_REASON = "Zahlung nach Storno eingegangen";

  private final JdbcClient jdbc;
  private final PaymentConfigs configs;
  private final PaymentProviders providers;
  private final TransactionTemplate tx;

  /** A transaction of its own, for work started after another one committed. */
  private final TransactionTemplate separateTx;

  private final ApplicationEventPublisher events;
  private final PaymentLedger ledger;
  private final PaymentTable table;

  Payments(
      JdbcClient jdbc,
      PaymentConfigs configs,
      PaymentLedger ledger,
      PaymentTable table,
      PaymentProviders providers,
      PlatformTransactionManager transactions,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.configs = configs;
    this.providers = providers;
    this.tx = new TransactionTemplate(transactions);
    this.separateTx = new TransactionTemplate(transactions);
    this.separateTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.events = events;
    this.ledger = ledger;
    this.table = table;
  }

  /**
   * Asks for a payment: idempotent per {@link PaymentRequest#idempotencyKey()} (asking again
   * returns the same payment and, if the payment service was not reached the first time, tries it
   * again). Assigns the Kassenzeichen by the tenant's scheme and fills in the tenant's default
   * Haushaltsstelle and Objektnummer for items without their own.
   *
   * @return the payment, {@link PaymentStatus#PENDING} with its {@code payUrl} (for the built-in
   *     test service a path on this host, {@code /bezahlung/test/...})
   * @throws PaymentException.Invalid when the request is incomplete or malformed
   * @throws PaymentException.KeyReused when the key was used for another tenant or amount
   * @throws PaymentException.NotConfigured when the tenant has no payment service
   * @throws PaymentException.ProviderUnavailable when the payment service does not answer; the
   *     payment stays {@link PaymentStatus#CREATED} and the same request tries again
   */
  public Payment request(PaymentRequest request) {
    PaymentRequests.validate(request);
    long total = request.items().stream().mapToLong(PaymentItem::amountCents).sum();
    Optional<StoredPayment> existing = table.byKey(request.idempotencyKey());
    StoredPayment stored;
    if (existing.isPresent()) {
      stored = existing.get();
      if (!stored.payment().tenantArs().equals(request.tenantArs())
          || stored.payment().amountCents() != total) {
        throw new PaymentException.KeyReused();
      }
    } else {
      PaymentConfig config = configs.of(request.tenantArs());
      provider(config.provider());
      stored = Objects.requireNonNull(tx.execute(status -> table.insert(request, config, total)));
    }
    if (stored.payment().status() != PaymentStatus.CREATED
        || stored.transactionId() != null
        || stored.payment().cancelRequested()) {
      return stored.payment();
    }
    return contactProvider(stored);
  }

  /** The payment asked for with this idempotency key, if any. */
  public Optional<Payment> byIdempotencyKey(UUID idempotencyKey) {
    return table.byKey(idempotencyKey).map(StoredPayment::payment);
  }

  /**
   * Cancels an open payment, so that it can no longer be paid: marks it (from now on it has no
   * {@code payUrl}), asks its payment service to cancel the transaction and takes over the answer.
   * Idempotent: a payment that is no longer open is returned as it is.
   *
   * <ul>
   *   <li>The service cancelled it: {@link PaymentStatus#CANCELLED}, history source {@code AMTSWEG}
   *       with the reason. Money that still arrives for it is booked and refunded in full.
   *   <li>The service says it was paid already: it is booked as {@link PaymentStatus#PAID} (the
   *       cancel came too late; the payment stands).
   *   <li>The service does not answer (or refuses): it stays open but marked ({@link
   *       Payment#cancelRequested()}, not payable); the reconciliation asks the service again.
   * </ul>
   *
   * @param reason why, for the history (up to 200 characters; no personal data)
   * @return the payment as it is now; check its status
   * @throws PaymentException.NotFound when there is no such payment
   * @throws PaymentException.Invalid when the reason is blank or too long
   */
  public Payment cancel(UUID id, String reason) {
    if (reason.isBlank() || reason.strip().length() > 200) {
      throw new PaymentException.Invalid("reason");
    }
    Payment marked =
        Objects.requireNonNull(
            tx.execute(
                s -> {
                  Payment locked = lock(id).orElseThrow(PaymentException.NotFound::new).payment();
                  if (locked.status().open() && !locked.cancelRequested()) {
                    jdbc.sql(
                            "update payment set cancel_requested_at = now(), cancel_reason = ?, next_check_at = null, updated_at = now()"
                                + " where id = ?")
                        .params(reason.strip(), id)
                        .update();
                    log.info("Payment {} ({}) to be cancelled", id, locked.kassenzeichen());
                  }
                  return locked;
                }));
    if (marked.status().open()) {
      cancelAtProvider(id);
    }
    return find(id).orElseThrow();
  }

  /**
   * Asks the service to cancel a payment marked for cancellation and takes over its answer; a
   * payment that never reached its service is cancelled at once (nobody knows where to pay it).
   */
  Reconciled cancelAtProvider(UUID id) {
    StoredPayment stored = stored(id).orElseThrow(PaymentException.NotFound::new);
    Payment payment = stored.payment();
    if (!payment.status().open() || !payment.cancelRequested()) {
      return Reconciled.UNCHANGED;
    }
    String reason = stored.cancelReason();
    String transactionId = stored.transactionId();
    if (transactionId == null) {
      return change(id, PaymentStatus.CANCELLED, ChangeSource.AMTSWEG, null, reason, null)
          ? Reconciled.CHANGED
          : Reconciled.UNCHANGED;
    }
    PaymentProvider.ProviderStatus answer;
    try {
      answer = provider(payment.provider()).cancel(configs.of(payment.tenantArs()), transactionId);
    } catch (PaymentProvider.Unavailable e) {
      recordError(id, e);
      return Reconciled.UNREACHABLE;
    }
    if (answer == PaymentProvider.ProviderStatus.INITIAL) {
      recordError(
          id,
          new PaymentProvider.Unavailable(
              payment.provider() + ": cancel refused, transaction still open"));
      return Reconciled.UNREACHABLE;
    }
    boolean cancelled = answer == PaymentProvider.ProviderStatus.CANCELED;
    return Boolean.TRUE.equals(
            tx.execute(
                s -> {
                  jdbc.sql("update payment set last_error = null, updated_at = now() where id = ?")
                      .param(id)
                      .update();
                  return change(
                      id,
                      answer.toPaymentStatus(),
                      cancelled ? ChangeSource.AMTSWEG : ChangeSource.PROVIDER,
                      null,
                      cancelled ? reason : null,
                      null);
                }))
        ? Reconciled.CHANGED
        : Reconciled.UNCHANGED;
  }

  /**
   * Refunds in full a payment whose money arrived after Amtsweg had cancelled it. If the service
   * does not answer, the payment stays due for the refund and the reconciliation tries again.
   */
  Reconciled refundLatePayment(UUID id) {
    return Objects.requireNonNull(
        separateTx.execute(
            s -> {
              StoredPayment stored = lock(id).orElseThrow(PaymentException.NotFound::new);
              Payment payment = stored.payment();
              if (!stored.lateRefundDue()) {
                return Reconciled.UNCHANGED;
              }
              if (payment.refundableCents() == 0) {
                jdbc.sql("update payment set late_refund_due = false where id = ?")
                    .param(id)
                    .update();
                return Reconciled.UNCHANGED;
              }
              try {
                refund(
                    id, payment.refundableCents(), LATE_REFUND_REASON, ChangeSource.AMTSWEG, null);
                return Reconciled.CHANGED;
              } catch (PaymentException.ProviderUnavailable e) {
                return Reconciled.UNREACHABLE;
              }
            }));
  }

  /** A payment by its id, whatever its tenant (for the payment pages and the Warenkorb). */
  public Optional<Payment> find(UUID id) {
    return stored(id).map(StoredPayment::payment);
  }

  /**
   * A payment of the tenant.
   *
   * @throws PaymentException.NotFound when there is none, or it is another tenant's
   */
  public Payment ofTenant(String tenantArs, UUID id) {
    return find(id)
        .filter(p -> p.tenantArs().equals(tenantArs))
        .orElseThrow(PaymentException.NotFound::new);
  }

  /** The payments that have an item for this Antrag, oldest first. */
  public List<Payment> ofAntrag(String antragReference) {
    return jdbc
        .sql(
            """
            select p.* from payment p where p.id in (select payment_id from payment_item where antrag_reference = ?)
            order by p.created_at, p.id
            """)
        .param(antragReference)
        .query(table::map)
        .list()
        .stream()
        .map(StoredPayment::payment)
        .toList();
  }

  /**
   * Asks the payment service how an open payment stands and takes over its answer (reconciliation).
   * A service that does not answer leaves the payment as it is and records the error; a payment
   * that never reached its service is sent there again.
   *
   * @throws PaymentException.NotFound when there is no such payment
   */
  public Payment refresh(UUID id) {
    reconcile(id, null);
    return find(id).orElseThrow(PaymentException.NotFound::new);
  }

  /**
   * Asks the service about an open payment and takes over its answer; a payment still open that was
   * created before {@code expireBefore} expires (only when the service answered: a service that is
   * down leaves it pending, to be asked again).
   */
  Reconciled reconcile(UUID id, @Nullable OffsetDateTime expireBefore) {
    StoredPayment stored = stored(id).orElseThrow(PaymentException.NotFound::new);
    Payment payment = stored.payment();
    if (stored.lateRefundDue()) {
      return refundLatePayment(id);
    }
    if (!payment.status().open()) {
      return Reconciled.UNCHANGED;
    }
    if (payment.cancelRequested()) {
      return cancelAtProvider(id);
    }
    boolean old = expireBefore != null && payment.createdAt().isBefore(expireBefore);
    String transactionId = stored.transactionId();
    if (transactionId == null) {
      if (old) {
        return change(id, PaymentStatus.EXPIRED, ChangeSource.RECONCILIATION, null, null, null)
            ? Reconciled.EXPIRED
            : Reconciled.UNCHANGED;
      }
      if (expireBefore != null) {
        return Reconciled.UNCHANGED;
      }
      try {
        contactProvider(stored);
        return Reconciled.CHANGED;
      } catch (PaymentException.ProviderUnavailable e) {
        return Reconciled.UNREACHABLE;
      }
    }
    PaymentProvider.ProviderStatus status;
    try {
      status = provider(payment.provider()).status(configs.of(payment.tenantArs()), transactionId);
    } catch (PaymentProvider.Unavailable e) {
      recordError(id, e);
      return Reconciled.UNREACHABLE;
    }
    return Objects.requireNonNull(
        tx.execute(
            s -> {
              jdbc.sql("update payment set last_error = null, updated_at = now() where id = ?")
                  .param(id)
                  .update();
              if (change(
                  id, status.toPaymentStatus(), ChangeSource.RECONCILIATION, null, null, null)) {
                return Reconciled.CHANGED;
              }
              if (old
                  && change(
                      id, PaymentStatus.EXPIRED, ChangeSource.RECONCILIATION, null, null, null)) {
                return Reconciled.EXPIRED;
              }
              return Reconciled.UNCHANGED;
            }));
  }

  /**
   * Gives back (part of) a paid payment through its payment service, with the reason the caseworker
   * gives. Publishes {@link PaymentStatusChanged} (to {@code PARTIALLY_REFUNDED} or {@code
   * REFUNDED}) and books the refund.
   *
   * @throws PaymentException.NotFound when there is none, or it is another tenant's
   * @throws PaymentException.RefundInvalid when it is not paid, the amount is not positive or more
   *     than is left, or the reason is missing
   * @throws PaymentException.ProviderUnavailable when the payment service does not answer; nothing
   *     changes
   */
  public Payment refund(
      String tenantArs, UUID id, long amountCents, String reason, String staffUser) {
    if (reason.isBlank() || reason.length() > 500) {
      throw new PaymentException.RefundInvalid("reason");
    }
    if (amountCents <= 0) {
      throw new PaymentException.RefundInvalid("amount");
    }
    tx.executeWithoutResult(
        s -> {
          if (lock(id).filter(p -> p.payment().tenantArs().equals(tenantArs)).isEmpty()) {
            throw new PaymentException.NotFound();
          }
          refund(id, amountCents, reason.strip(), ChangeSource.REFUND, staffUser);
        });
    return find(id).orElseThrow();
  }

  /**
   * Refunds in the caller's transaction, under the payment's row lock (the provider is called while
   * it is held, so the same money is never refunded twice).
   */
  private void refund(
      UUID id, long amountCents, String reason, ChangeSource source, @Nullable String actor) {
    StoredPayment stored = lock(id).orElseThrow(PaymentException.NotFound::new);
    Payment payment = stored.payment();
    if (!payment.status().canBecome(PaymentStatus.PARTIALLY_REFUNDED)
        && !payment.status().canBecome(PaymentStatus.REFUNDED)) {
      throw new PaymentException.RefundInvalid("status");
    }
    if (amountCents > payment.refundableCents()) {
      throw new PaymentException.RefundInvalid("amount");
    }
    try {
      provider(payment.provider())
          .refund(
              configs.of(payment.tenantArs()),
              Objects.requireNonNull(stored.transactionId()),
              amountCents,
              reason);
    } catch (PaymentProvider.Unavailable e) {
      log.warn("Refund of payment {} failed at {}: {}", id, payment.provider(), e.getMessage());
      if (source == ChangeSource.AMTSWEG) {
        recordError(id, e);
      }
      throw new PaymentException.ProviderUnavailable();
    }
    long refunded = payment.refundedCents() + amountCents;
    PaymentStatus to =
        refunded == payment.amountCents()
            ? PaymentStatus.REFUNDED
            : PaymentStatus.PARTIALLY_REFUNDED;
    jdbc.sql(
            "update payment set refunded_cents = ?, late_refund_due = late_refund_due and ? < amount_cents,"
                + " last_error = null, updated_at = now() where id = ?")
        .params(refunded, refunded, id)
        .update();
    ledger.refund(stored, amountCents);
    change(id, to, source, actor, reason, amountCents);
    log.info("Payment {} ({}) refunded {} cents", id, payment.kassenzeichen(), amountCents);
  }

  // ---- inside the module ----

  /** The provider a payment or configuration names. */
  PaymentProvider provider(String id) {
    return providers.get(id);
  }

  /** The payment a provider's transaction belongs to. */
  Optional<StoredPayment> byTransaction(String provider, String tenantArs, String transactionId) {
    return table.byTransaction(provider, tenantArs, transactionId);
  }

  /**
   * Changes the status in the caller's transaction (or its own), under a row lock. Does nothing
   * when the payment already has that status or may not change to it (an out-of-order or late
   * message): a status never moves backwards.
   *
   * @return whether the status changed
   */
  boolean change(
      UUID id,
      PaymentStatus to,
      ChangeSource source,
      @Nullable String actor,
      @Nullable String reason,
      @Nullable Long amountCents) {
    return Boolean.TRUE.equals(
        tx.execute(
            s -> {
              StoredPayment stored = lock(id).orElseThrow(PaymentException.NotFound::new);
              PaymentStatus from = stored.payment().status();
              boolean furtherRefund =
                  to == PaymentStatus.PARTIALLY_REFUNDED
                      && (source == ChangeSource.REFUND || source == ChangeSource.AMTSWEG);
              if ((from == to && !furtherRefund) || !from.canBecome(to)) {
                return false;
              }
              boolean cancelledByUs = stored.payment().cancelRequested();
              if (from == PaymentStatus.CANCELLED && !cancelledByUs) {
                return false; // the payer cancelled at the service: final
              }
              // Paid before the service could cancel it: the payment stands, the cancel did not
              // happen.
              boolean paidBeforeCancel = from.open() && to == PaymentStatus.PAID && cancelledByUs;
              boolean paidAfterCancel = from == PaymentStatus.CANCELLED && to == PaymentStatus.PAID;
              jdbc.sql(
                      "update payment set status = ?, updated_at = now(), next_check_at = null, paid_at = "
                          + (to == PaymentStatus.PAID ? "now()" : "paid_at")
                          + (paidBeforeCancel
                              ? ", cancel_requested_at = null, cancel_reason = null"
                              : "")
                          + (paidAfterCancel ? ", late_refund_due = true" : "")
                          + " where id = ?")
                  .params(to.name(), id)
                  .update();
              jdbc.sql(
                      "insert into payment_event (payment_id, from_status, to_status, amount_cents, source, actor, reason)"
                          + " values (?, ?, ?, ?, ?, ?, ?)")
                  .params(id, from.name(), to.name(), amountCents, source.name(), actor, reason)
                  .update();
              if (to == PaymentStatus.PAID) {
                ledger.payment(stored);
              }
              events.publishEvent(
                  new PaymentStatusChanged(
                      id,
                      stored.payment().tenantArs(),
                      from,
                      to,
                      stored.payment().items().stream()
                          .map(PaymentItem::antragReference)
                          .distinct()
                          .toList()));
              log.info(
                  "Payment {} ({}) {} -> {} ({})",
                  id,
                  stored.payment().kassenzeichen(),
                  from,
                  to,
                  source);
              if (paidAfterCancel) {
                log.warn(
                    "Payment {} ({}) paid after it was cancelled: refunded in full",
                    id,
                    stored.payment().kassenzeichen());
                TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                      @Override
                      public void afterCommit() {
                        try {
                          refundLatePayment(id);
                        } catch (RuntimeException e) {
                          log.warn(
                              "Payment {}: refund after cancel not done yet, the reconciliation tries again: {}",
                              id,
                              e.toString());
                        }
                      }
                    });
              }
              return true;
            }));
  }

  /** Records that the payment service did not answer; the reconciliation tries again later. */
  void recordError(UUID id, RuntimeException error) {
    String message =
        error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    jdbc.sql(
            "update payment set attempts = attempts + 1, last_error = ?, updated_at = now() where id = ?")
        .params(message.length() > 500 ? message.substring(0, 500) : message, id)
        .update();
    log.warn("Payment {}: payment service not reached: {}", id, message);
  }

  Optional<StoredPayment> stored(UUID id) {
    return table.stored(id);
  }

  Optional<StoredPayment> lock(UUID id) {
    return table.lock(id);
  }

  private Payment contactProvider(StoredPayment stored) {
    Payment payment = stored.payment();
    PaymentConfig config = configs.of(payment.tenantArs());
    PaymentProvider provider = provider(payment.provider());
    PaymentProvider.Created created;
    try {
      created =
          provider.create(
              config,
              payment,
              stored.returnUrl(),
              stored.cancelUrl(),
              providers.notificationUrl(provider.id(), payment.tenantArs()));
    } catch (PaymentProvider.Unavailable e) {
      recordError(payment.id(), e);
      throw new PaymentException.ProviderUnavailable();
    }
    boolean cancelledMeanwhile =
        Boolean.TRUE.equals(
            tx.execute(
                s -> {
                  Payment locked = lock(payment.id()).orElseThrow().payment();
                  jdbc.sql(
                          """
              update payment set provider_transaction_id = ?, pay_url = ?, attempts = attempts + 1, last_error = null,
                updated_at = now() where id = ?
              """)
                      .params(created.transactionId(), created.payUrl().toString(), payment.id())
                      .update();
                  if (locked.cancelRequested()) {
                    return true;
                  }
                  change(
                      payment.id(), PaymentStatus.PENDING, ChangeSource.PROVIDER, null, null, null);
                  return false;
                }));
    if (cancelledMeanwhile) {
      // Cancelled while the service created it: cancel it there too, so that nobody can pay it.
      try {
        provider.cancel(config, created.transactionId());
      } catch (PaymentProvider.Unavailable e) {
        log.warn(
            "Payment {}: transaction created after the cancel not cancelled at {}: {}",
            payment.id(),
            provider.id(),
            e.getMessage());
      }
    }
    return find(payment.id()).orElseThrow();
  }
}
