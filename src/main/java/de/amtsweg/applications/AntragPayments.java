package de.amtsweg.applications;

import de.amtsweg.appstore.Activation;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.PaymentPolicy;
import de.amtsweg.appstore.PaymentTerms;
import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentException;
import de.amtsweg.payment.PaymentItem;
import de.amtsweg.payment.PaymentRequest;
import de.amtsweg.payment.PaymentStatus;
import de.amtsweg.payment.PaymentStatusChanged;
import de.amtsweg.payment.Payments;
import de.amtsweg.platform.Money;
import de.amtsweg.platform.ProblemException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The fees of Anträge, paid through the {@code payment} module: asks for the payment of one Antrag
 * (or, for the Warenkorb, of several at one authority), follows the payments' status changes onto
 * the timeline, and submits an Antrag that waited for its fee once it is paid. A payment is asked
 * for with an idempotency key per Antrag and attempt, so a reload, the back button or a double
 * click finds the same payment; only a payment that ended unpaid (failed, cancelled, expired) or no
 * longer fits (the amount changed) starts a new attempt.
 *
 * <p>Never two open payments for one Antrag: before a new payment is asked for, the Antrag's older
 * open payments are cancelled ({@link Payments#cancel}). If a payment service cannot confirm the
 * cancel, no new payment is asked for ({@code payment-provider-unavailable}, try again); if it says
 * the older payment was paid already, that one counts. Money that arrives for a cancelled payment
 * is refunded by {@code payment} and submits nothing.
 */
@Service
public class AntragPayments {

  private static final Logger log = LoggerFactory.getLogger(AntragPayments.class);

  private final JdbcClient jdbc;
  private final AntragManagement antraege;
  private final Payments payments;
  private final AppStore store;

  AntragPayments(JdbcClient jdbc, AntragManagement antraege, Payments payments, AppStore store) {
    this.jdbc = jdbc;
    this.antraege = antraege;
    this.payments = payments;
    this.store = store;
  }

  /**
   * What the applicant owes for an Antrag, and the payment for it.
   *
   * @param amountCents the Antrag's fee in euro cents
   * @param payment the newest payment that covers the Antrag, if one was asked for
   */
  public record Due(long amountCents, @Nullable Payment payment) {

    /** The payment's status; {@code CREATED} while none could be asked for yet. */
    public PaymentStatus status() {
      return payment == null ? PaymentStatus.CREATED : payment.status();
    }

    public boolean paid() {
      return payment != null && payment.status().paid();
    }

    /** Whether the applicant can pay now (or pay again after a failed attempt). */
    public boolean payable() {
      return !paid();
    }

    public @Nullable String kassenzeichen() {
      return payment == null ? null : payment.kassenzeichen();
    }

    /** Where to pay, while the payment is open. */
    public @Nullable URI payUrl() {
      return payment != null && payment.payable() ? payment.payUrl() : null;
    }
  }

  /** What is due for the Antrag; empty when nothing is to be paid online. */
  public Optional<Due> due(Antrag antrag) {
    if (antrag.amountDueCents() == null) {
      return Optional.empty();
    }
    List<Payment> all =
        payments.ofAntrag(antrag.reference()).stream()
            .filter(p -> p.tenantArs().equals(antrag.tenantArs()))
            .toList();
    // Money that came after a cancel is refunded: it never pays for the Antrag.
    List<Payment> counting = all.stream().filter(p -> !p.paidAfterCancel()).toList();
    Payment chosen =
        counting.stream()
            .filter(p -> p.status().paid())
            .findFirst()
            .orElse(counting.isEmpty() ? null : counting.getLast());
    return Optional.of(new Due(antrag.amountDueCents(), chosen));
  }

  /**
   * Asks for the payment of one Antrag, or returns the one that is open (for the Antrag's current
   * amount) or paid already. An open payment for another amount (the authority changed the fee) is
   * cancelled and replaced.
   *
   * @throws NothingDueException when nothing is to be paid for the Antrag
   * @throws de.amtsweg.payment.PaymentException.ProviderUnavailable when the payment service does
   *     not answer, or an older payment could not be cancelled yet
   */
  public Payment pay(Antrag antrag, URI returnUrl, URI cancelUrl) {
    Due due = due(antrag).orElseThrow(NothingDueException::new);
    Payment current = due.payment();
    if (current != null && (due.paid() || current.payable() && charges(current, antrag))) {
      return current;
    }
    Payment payment = null;
    for (int tries = 0; tries < 3; tries++) {
      int attempt = attempt(antrag.id());
      UUID key =
          UUID.nameUUIDFromBytes(
              ("antrag:" + antrag.id() + ":" + attempt).getBytes(StandardCharsets.UTF_8));
      try {
        payment =
            request(
                    antrag.tenantArs(),
                    key,
                    List.of(antrag),
                    antrag.accountId(),
                    antrag.reference(),
                    returnUrl,
                    cancelUrl,
                    SUPERSEDED_BY_PAYMENT)
                .payment();
      } catch (PaymentException.KeyReused e) {
        // This attempt's payment was for another amount: a new attempt.
        nextAttempt(antrag.id(), attempt);
        continue;
      } catch (PaidMeanwhile e) {
        return due(antraege.get(antrag.id()))
            .map(Due::payment)
            .orElseThrow(NothingDueException::new);
      }
      if (payment.payable() || payment.status().paid()) {
        return payment;
      }
      nextAttempt(antrag.id(), attempt);
    }
    if (payment == null) {
      throw new PaymentException.ProviderUnavailable();
    }
    return payment;
  }

  /** Whether the payment charges the Antrag's current amount. */
  private static boolean charges(Payment payment, Antrag antrag) {
    return payment.items().stream()
        .filter(i -> i.antragReference().equals(antrag.reference()))
        .allMatch(
            i -> antrag.amountDueCents() != null && i.amountCents() == antrag.amountDueCents());
  }

  /** Why an older payment was cancelled (its history; no personal data). */
  static final String SUPERSEDED_BY_PAYMENT =
      "Durch eine neue Zahlung für denselben Antrag ersetzt";

  static final String SUPERSEDED_BY_CART = "Warenkorb nach dem Bezahlen geändert";

  /** A payment asked for, and how many older open payments of its Anträge were cancelled for it. */
  record Requested(Payment payment, int cancelled) {}

  /**
   * Asks one authority for the payment of several of its Anträge at once (a Warenkorb checkout):
   * one payment, one Kassenzeichen, one item per Antrag with the tenant's booking data. A payment
   * that does not exist yet is asked for only after the older open payments of these Anträge are
   * cancelled.
   *
   * @throws PaidMeanwhile when cancelling showed that an older payment of one of them was paid (the
   *     Antrag is submitted by now; the caller looks again)
   */
  Requested request(
      String tenantArs,
      UUID idempotencyKey,
      List<Antrag> antraege,
      @Nullable UUID accountId,
      String payerReference,
      URI returnUrl,
      URI cancelUrl,
      String reason) {
    List<PaymentItem> items = antraege.stream().map(this::item).toList();
    UUID keep =
        payments
            .byIdempotencyKey(idempotencyKey)
            .filter(p -> !p.cancelRequested())
            .map(Payment::id)
            .orElse(null);
    int cancelled = cancelOpen(antraege.stream().map(Antrag::reference).toList(), keep, reason);
    Payment payment =
        payments.request(
            new PaymentRequest(
                tenantArs, idempotencyKey, items, accountId, payerReference, returnUrl, cancelUrl));
    log.info(
        "Payment {} ({}) for {} Antrag/Anträge at tenant {} is {}",
        payment.id(),
        payment.kassenzeichen(),
        items.size(),
        tenantArs,
        payment.status());
    return new Requested(payment, cancelled);
  }

  /**
   * Cancels the open payments that have an item for one of these Anträge, except {@code keep}.
   *
   * @return how many were cancelled
   * @throws PaidMeanwhile when one of them turned out to be paid
   * @throws PaymentException.ProviderUnavailable when one could not be cancelled yet (it is marked;
   *     the reconciliation cancels it later)
   */
  int cancelOpen(List<String> references, @Nullable UUID keep, String reason) {
    int cancelled = 0;
    boolean paid = false;
    boolean pending = false;
    java.util.Set<UUID> seen = new java.util.HashSet<>();
    for (String reference : references) {
      for (Payment open : payments.ofAntrag(reference)) {
        if (!open.status().open() || open.id().equals(keep) || !seen.add(open.id())) {
          continue;
        }
        Payment result = payments.cancel(open.id(), reason);
        if (result.status() == PaymentStatus.CANCELLED) {
          cancelled++;
        } else if (result.status().paid()) {
          paid = true;
        } else if (result.status().open()) {
          pending = true;
        }
      }
    }
    if (paid) {
      throw new PaidMeanwhile();
    }
    if (pending) {
      throw new PaymentException.ProviderUnavailable();
    }
    return cancelled;
  }

  /** Cancelling an older payment showed that it had been paid: look again at what is due. */
  static class PaidMeanwhile extends RuntimeException {
    PaidMeanwhile() {
      super("an older payment was paid meanwhile");
    }
  }

  private PaymentItem item(Antrag antrag) {
    if (antrag.amountDueCents() == null || antrag.amountDueCents() <= 0) {
      throw new NothingDueException();
    }
    PaymentTerms terms =
        store
            .activation(antrag.tenantArs(), antrag.appId())
            .map(Activation::payment)
            .orElse(PaymentTerms.NONE);
    String name =
        store.version(antrag.appId(), antrag.appVersion()).definition().name().in(Locale.GERMAN);
    String description = name.length() > 120 ? name.substring(0, 120) : name;
    return new PaymentItem(
        antrag.reference(),
        description + " " + antrag.reference(),
        antrag.amountDueCents(),
        terms.haushaltsstelle(),
        terms.objektnummer());
  }

  /**
   * For pay after the Bescheid: the authority (caseworker or Fachverfahren) sets what the applicant
   * pays, and the payment is asked for at once (outside of any transaction: the payment service is
   * called); the applicant pays it from the Antrag's page or through the API's {@code payUrl}.
   *
   * @throws AntragManagement.AntragNotFoundException when the Antrag is not the tenant's
   * @throws NothingDueException when the tenant does not take this app's fee after the Bescheid, or
   *     the amount is not positive
   */
  public Antrag setAmountDue(String tenantArs, String reference, long amountCents, String by) {
    Antrag antrag =
        antraege
            .find(reference)
            .filter(a -> a.tenantArs().equals(tenantArs))
            .orElseThrow(AntragManagement.AntragNotFoundException::new);
    if (amountCents <= 0
        || amountCents > 10_000_000
        || !PaymentPolicy.AFTER_BESCHEID.name().equals(antrag.paymentPolicy())
        || due(antrag).map(Due::paid).orElse(false)) {
      throw new NothingDueException();
    }
    jdbc.sql("update antrag set amount_due_cents = ? where id = ?")
        .params(amountCents, antrag.id())
        .update();
    antraege.addEvent(antrag.id(), "PAYMENT_DUE", Money.euros(amountCents));
    log.info(
        "Tenant {} set the fee of Antrag {} ({} cents) by {}",
        tenantArs,
        reference,
        amountCents,
        by);
    Antrag updated = antraege.get(antrag.id());
    try {
      URI back = URI.create("/antrag/eingang/" + reference);
      pay(updated, back, back);
    } catch (ProblemException e) {
      log.warn("Payment for Antrag {} not asked for yet: {}", reference, e.type());
    }
    return updated;
  }

  /**
   * Follows a payment onto the timelines of its Anträge, in the transaction that changed it; a paid
   * payment submits the Anträge that waited for it.
   */
  @EventListener
  void on(PaymentStatusChanged changed) {
    Payment payment = payments.find(changed.paymentId()).orElse(null);
    String note = payment == null ? null : payment.kassenzeichen();
    boolean byAmtsweg = payment != null && payment.cancelRequested();
    // Money for a payment Amtsweg had cancelled: booked and refunded by payment, never a
    // submission.
    boolean late = changed.from() == PaymentStatus.CANCELLED && changed.to() == PaymentStatus.PAID;
    String type =
        late
            ? "PAYMENT_PAID_AFTER_CANCEL"
            : changed.to() == PaymentStatus.CANCELLED && byAmtsweg
                ? "PAYMENT_VOIDED"
                : "PAYMENT_" + changed.to().name();
    for (String reference : changed.antragReferences()) {
      Antrag antrag =
          antraege
              .find(reference)
              .filter(a -> a.tenantArs().equals(changed.tenantArs()))
              .orElse(null);
      if (antrag == null) {
        continue;
      }
      antraege.addEvent(antrag.id(), type, note);
      if (changed.to() == PaymentStatus.PAID && !late && antrag.waitingForPayment()) {
        antraege.submitPaid(antrag.id(), note == null ? "" : note);
      }
    }
  }

  private int attempt(UUID antragId) {
    return jdbc.sql("select payment_attempt from antrag where id = ?")
        .param(antragId)
        .query(Integer.class)
        .single();
  }

  /**
   * Starts a new attempt after an ended one; of concurrent callers that saw the same attempt end,
   * one moves on.
   */
  private void nextAttempt(UUID antragId, int ended) {
    jdbc.sql("update antrag set payment_attempt = ? where id = ? and payment_attempt = ?")
        .params(ended + 1, antragId, ended)
        .update();
  }

  /** Nothing is to be paid for this Antrag (no fee, paid already, or not the tenant's policy). */
  public static class NothingDueException extends ProblemException {
    public NothingDueException() {
      super(HttpStatus.CONFLICT, "payment-not-due");
    }
  }
}
