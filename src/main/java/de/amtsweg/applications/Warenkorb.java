package de.amtsweg.applications;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStore.OfferedApp;
import de.amtsweg.appstore.PaymentPolicy;
import de.amtsweg.appstore.PaymentTerms;
import de.amtsweg.forms.FormEngine;
import de.amtsweg.forms.FormEngine.FeeAssessment;
import de.amtsweg.payment.Payment;
import de.amtsweg.payment.Payments;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Warenkorb: complete, not yet submitted Anträge collected for one checkout, possibly for
 * several authorities. Checkout submits every item (those without an online fee are submitted for
 * good; the others wait for payment) and asks each authority for one payment with its items — its
 * own Kassenzeichen and booking data. The payer then goes through the payments one by one; each
 * Antrag is submitted when its payment is paid ({@link AntragPayments}).
 *
 * <p>A cart belongs to a Servicekonto (it survives logout) or, for visitors, to a random id kept in
 * their session. The idempotency key of a payment is derived from the cart, its checkout attempt,
 * the authority and the items, so a reload, the back button or a double click never asks twice; a
 * new attempt starts only after a payment ended unpaid.
 *
 * <p>A payment is never left payable when it no longer fits the cart: changing the cart after a
 * checkout cancels the checkout's open payments, and a new checkout cancels every older open
 * payment of its Anträge before it asks for new ones ({@link AntragPayments#request}).
 */
@Service
public class Warenkorb {

  private static final Logger log = LoggerFactory.getLogger(Warenkorb.class);

  private final JdbcClient jdbc;
  private final Drafts drafts;
  private final AppStore store;
  private final AntragManagement antraege;
  private final AntragPayments antragPayments;
  private final Payments payments;

  Warenkorb(
      JdbcClient jdbc,
      Drafts drafts,
      AppStore store,
      AntragManagement antraege,
      AntragPayments antragPayments,
      Payments payments) {
    this.jdbc = jdbc;
    this.drafts = drafts;
    this.store = store;
    this.antraege = antraege;
    this.antragPayments = antragPayments;
    this.payments = payments;
  }

  /**
   * One Antrag in the cart.
   *
   * @param fee what it costs, null when the app charges nothing
   * @param online whether the fee is paid online at checkout
   * @param antrag the Antrag once checked out (waiting for its payment)
   */
  public record Item(
      Draft draft,
      String appName,
      @Nullable FeeAssessment fee,
      boolean online,
      @Nullable Antrag antrag) {

    /** What the checkout charges for it, in cents. */
    public long dueCents() {
      if (antrag != null) {
        return antrag.amountDueCents() == null ? 0 : antrag.amountDueCents();
      }
      return online && fee != null ? fee.cents() : 0;
    }
  }

  /**
   * Puts a complete draft into the owner's cart (again: no change). After a checkout, this changes
   * what is to be paid: the checkout's open payments are cancelled.
   *
   * @return how many open payments were cancelled
   * @throws de.amtsweg.payment.PaymentException.ProviderUnavailable when a payment could not be
   *     cancelled yet (the draft is in the cart; the payment is marked and no longer payable)
   */
  public int add(UUID owner, boolean account, UUID draftId) {
    jdbc.sql(
            "insert into warenkorb (owner, account) values (?, ?) on conflict (owner) do update set updated_at = now()")
        .params(owner, account)
        .update();
    int added =
        jdbc.sql(
                "insert into warenkorb_item (owner, draft_id) values (?, ?) on conflict do nothing")
            .params(owner, draftId)
            .update();
    return added == 0 ? 0 : cancelCheckout(owner);
  }

  /**
   * Takes a draft out of the cart. An Antrag already waiting for its payment stays waiting (it is
   * paid from its own page); the checkout's open payments are cancelled, as they no longer fit.
   *
   * @return whether it was an Antrag waiting for its payment, and how many open payments were
   *     cancelled
   * @throws de.amtsweg.payment.PaymentException.ProviderUnavailable when a payment could not be
   *     cancelled yet (the draft is out of the cart; the payment is marked and no longer payable)
   */
  public Removed remove(UUID owner, UUID draftId) {
    boolean waiting = drafts.find(draftId).map(Draft::submitted).orElse(false);
    int removed =
        jdbc.sql("delete from warenkorb_item where owner = ? and draft_id = ?")
            .params(owner, draftId)
            .update();
    return new Removed(waiting, removed == 0 ? 0 : cancelCheckout(owner));
  }

  /** What taking a draft out of the cart did. */
  public record Removed(boolean waiting, int cancelled) {}

  /** Cancels the open payments of the current checkout attempt (the cart changed after it). */
  private int cancelCheckout(UUID owner) {
    List<UUID> open =
        progress(owner).stream()
            .map(Step::payment)
            .filter(p -> p.status().open())
            .map(Payment::id)
            .toList();
    int cancelled = 0;
    boolean pending = false;
    for (UUID id : open) {
      Payment result = payments.cancel(id, AntragPayments.SUPERSEDED_BY_CART);
      if (result.status() == de.amtsweg.payment.PaymentStatus.CANCELLED) {
        cancelled++;
      } else if (result.status().open()) {
        pending = true;
      }
    }
    if (cancelled > 0 || pending) {
      log.info(
          "Warenkorb changed after checkout: {} payment(s) cancelled, {}",
          cancelled,
          pending ? "some not yet confirmed by the payment service" : "all confirmed");
    }
    if (pending) {
      throw new de.amtsweg.payment.PaymentException.ProviderUnavailable();
    }
    return cancelled;
  }

  /**
   * A visitor logged in: the visit's cart joins the account's, and its anonymous drafts become the
   * account's (as when a draft is claimed).
   */
  @Transactional
  public void merge(UUID visit, UUID accountId) {
    jdbc.sql(
            "insert into warenkorb (owner, account) values (?, true) on conflict (owner) do nothing")
        .param(accountId)
        .update();
    jdbc.sql(
            """
            update antrag_draft set account_id = ? where account_id is null
              and id in (select draft_id from warenkorb_item where owner = ?)
            """)
        .params(accountId, visit)
        .update();
    jdbc.sql("update warenkorb_item set owner = ? where owner = ?")
        .params(accountId, visit)
        .update();
    jdbc.sql("delete from warenkorb where owner = ? and not account").param(visit).update();
  }

  /** Whether the draft is in this owner's cart. */
  public boolean contains(UUID owner, UUID draftId) {
    return jdbc.sql("select count(*) from warenkorb_item where owner = ? and draft_id = ?")
            .params(owner, draftId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The cart's items, oldest first; Anträge submitted meanwhile leave it. */
  public List<Item> items(UUID owner, Locale locale) {
    List<UUID> ids =
        jdbc.sql("select draft_id from warenkorb_item where owner = ? order by added_at, draft_id")
            .param(owner)
            .query(UUID.class)
            .list();
    List<Item> items = new ArrayList<>();
    for (UUID id : ids) {
      Draft draft = drafts.find(id).orElse(null);
      if (draft == null) {
        continue;
      }
      String submittedReference = draft.submittedReference();
      Antrag antrag =
          submittedReference != null ? antraege.find(submittedReference).orElse(null) : null;
      if (draft.submitted() && (antrag == null || !antrag.waitingForPayment())) {
        jdbc.sql("delete from warenkorb_item where owner = ? and draft_id = ?")
            .params(owner, id)
            .update();
        continue;
      }
      items.add(item(draft, antrag, locale));
    }
    return items;
  }

  private Item item(Draft draft, @Nullable Antrag antrag, Locale locale) {
    Optional<OfferedApp> offered = store.offered(draft.tenantArs(), draft.appId());
    var published =
        offered
            .map(OfferedApp::app)
            .filter(a -> a.version() == draft.appVersion())
            .orElseGet(() -> store.version(draft.appId(), draft.appVersion()));
    PaymentTerms terms = offered.map(o -> o.activation().payment()).orElse(PaymentTerms.NONE);
    FeeAssessment fee =
        antrag != null
            ? null
            : FormEngine.evaluate(
                    published.definition(),
                    offered.map(o -> o.activation().parameters()).orElse(Map.of()),
                    draft.answers())
                .assessFee();
    if (antrag != null && antrag.fee() != null) {
      fee = new FeeAssessment(antrag.fee(), null, null);
    }
    boolean online =
        terms.policy() == PaymentPolicy.BEFORE_SUBMISSION
            || terms.policy() == PaymentPolicy.AFTER_SUBMISSION;
    return new Item(draft, published.definition().name().in(locale), fee, online, antrag);
  }

  /**
   * One payment of the current checkout.
   *
   * @param position 1-based place in the order the payer goes through them
   * @param authorityName the authority that receives it
   * @param references the Anträge it pays for
   */
  public record Step(
      int position, int of, String authorityName, Payment payment, List<String> references) {}

  /** The payments of the current checkout attempt, in order. */
  public List<Step> progress(UUID owner) {
    Integer attempt = attempt(owner);
    if (attempt == null) {
      return List.of();
    }
    List<Map<String, Object>> rows =
        jdbc.sql(
                """
            select payment_id, tenant_ars from warenkorb_payment where owner = ? and attempt = ? order by position
            """)
            .params(owner, attempt)
            .query()
            .listOfRows();
    List<Step> steps = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Payment payment =
          payments
              .find((UUID) Objects.requireNonNull(row.get("payment_id"), "payment_id"))
              .orElse(null);
      if (payment == null) {
        continue;
      }
      List<String> references = payment.items().stream().map(i -> i.antragReference()).toList();
      String authority =
          references.isEmpty()
              ? payment.tenantArs()
              : antraege
                  .find(references.getFirst())
                  .map(Antrag::authorityName)
                  .orElse(payment.tenantArs());
      steps.add(new Step(steps.size() + 1, rows.size(), authority, payment, references));
    }
    return steps;
  }

  /**
   * The result of a checkout.
   *
   * @param receiptTokens receipt tokens of the Anträge this checkout created, by reference (for
   *     visitors without an account, who open their receipts with them)
   * @param invalid drafts that could not be submitted because their answers no longer pass
   * @param next the first payment still to be paid, if any
   * @param cancelled how many older open payments of the items were cancelled for the new ones
   */
  public record Checkout(
      Map<String, String> receiptTokens, List<UUID> invalid, @Nullable Step next, int cancelled) {}

  /**
   * Checks out: submits every item (idempotent per draft), then asks each authority for one payment
   * of its items that are due, and returns the first payment to be paid.
   *
   * @param returnUrl where the payment service sends the payer back (the cart; a path on this host)
   */
  public Checkout checkout(UUID owner, Locale locale, URI returnUrl) {
    jdbc.sql(
            "insert into warenkorb (owner, account) values (?, false) on conflict (owner) do nothing")
        .param(owner)
        .update();
    Map<String, String> tokens = new LinkedHashMap<>();
    List<UUID> invalid = new ArrayList<>();
    int cancelled = 0;
    for (int round = 0; ; round++) {
      List<Antrag> due = new ArrayList<>();
      for (Item item : items(owner, locale)) {
        Antrag antrag = item.antrag();
        if (antrag == null) {
          try {
            AntragManagement.Submitted submitted =
                antraege.submit(submission(item.draft(), locale));
            antrag = submitted.antrag();
            if (submitted.receiptToken() != null) {
              tokens.put(antrag.reference(), submitted.receiptToken());
            }
          } catch (AntragManagement.AntragInvalidException
              | de.amtsweg.appstore.AppStoreException e) {
            if (!invalid.contains(item.draft().id())) {
              invalid.add(item.draft().id());
            }
            continue;
          }
        }
        if (antrag.amountDueCents() != null
            && antrag.amountDueCents() > 0
            && antragPayments.due(antrag).map(d -> !d.paid()).orElse(false)) {
          due.add(antrag);
        }
      }
      try {
        cancelled += requestPayments(owner, due, returnUrl);
        break;
      } catch (AntragPayments.PaidMeanwhile e) {
        // An older payment turned out to be paid when it was cancelled: its Antrag is submitted
        // now.
        if (round == 2) {
          throw new de.amtsweg.payment.PaymentException.ProviderUnavailable();
        }
      }
    }
    Step next =
        progress(owner).stream().filter(s -> s.payment().payable()).findFirst().orElse(null);
    return new Checkout(tokens, invalid, next, cancelled);
  }

  /**
   * Asks each authority for the payment of its due items; returns how many older payments were
   * cancelled for them.
   */
  private int requestPayments(UUID owner, List<Antrag> due, URI returnUrl) {
    Map<String, List<Antrag>> byTenant =
        due.stream()
            .collect(
                Collectors.groupingBy(Antrag::tenantArs, LinkedHashMap::new, Collectors.toList()));
    if (byTenant.isEmpty()) {
      return 0;
    }
    int cancelled = 0;
    int attempt = currentAttempt(owner, byTenant);
    int position = 0;
    for (var group : byTenant.entrySet()) {
      String composition =
          group.getValue().stream()
              .map(a -> a.reference() + "=" + a.amountDueCents())
              .sorted()
              .collect(Collectors.joining(","));
      UUID key =
          UUID.nameUUIDFromBytes(
              ("warenkorb:" + owner + ":" + attempt + ":" + group.getKey() + ":" + composition)
                  .getBytes(StandardCharsets.UTF_8));
      UUID account = group.getValue().getFirst().accountId();
      AntragPayments.Requested requested =
          antragPayments.request(
              group.getKey(),
              key,
              group.getValue(),
              account,
              "WK-" + owner.toString().substring(0, 8).toUpperCase(Locale.ROOT),
              returnUrl,
              returnUrl,
              AntragPayments.SUPERSEDED_BY_PAYMENT);
      cancelled += requested.cancelled();
      jdbc.sql(
              """
              insert into warenkorb_payment (owner, attempt, position, tenant_ars, payment_id) values (?, ?, ?, ?, ?)
              on conflict (owner, attempt, tenant_ars) do update set payment_id = excluded.payment_id
              """)
          .params(owner, attempt, position++, group.getKey(), requested.payment().id())
          .update();
    }
    log.info(
        "Warenkorb checkout attempt {}: {} payment(s), {} older one(s) cancelled",
        attempt,
        byTenant.size(),
        cancelled);
    return cancelled;
  }

  /**
   * The attempt to ask payments under: the current one, unless one of its payments ended unpaid
   * (then a new one, so that the payer can pay again with new keys). Of concurrent checkouts that
   * saw the same attempt end, one moves it on and all use the new one.
   */
  private int currentAttempt(UUID owner, Map<String, List<Antrag>> byTenant) {
    Integer current = attempt(owner);
    int attempt = current == null ? 0 : current;
    // Ended unpaid: failed, cancelled (by the payer or by Amtsweg after a cart change), expired.
    boolean ended =
        progress(owner).stream()
            .anyMatch(
                s ->
                    !s.payment().payable()
                        && !s.payment().status().paid()
                        && byTenant.containsKey(s.payment().tenantArs()));
    if (ended) {
      jdbc.sql(
              "update warenkorb set attempt = ?, updated_at = now() where owner = ? and attempt = ?")
          .params(attempt + 1, owner, attempt)
          .update();
      Integer now = attempt(owner);
      return now == null ? attempt + 1 : now;
    }
    return attempt;
  }

  private @Nullable Integer attempt(UUID owner) {
    return jdbc.sql("select attempt from warenkorb where owner = ?")
        .param(owner)
        .query(Integer.class)
        .optional()
        .orElse(null);
  }

  /** The submission of a cart item, as the check page would send it. */
  private AntragManagement.Submission submission(Draft draft, Locale locale) {
    OfferedApp offered =
        store
            .offered(draft.tenantArs(), draft.appId())
            .orElseThrow(() -> de.amtsweg.appstore.AppStoreException.notActive(draft.appId()));
    if (offered.app().version() > draft.appVersion()) {
      drafts.migrate(draft.id(), offered.app().version());
    }
    Object email = draft.answers().get("email");
    String contact = email instanceof String s && !s.isBlank() ? s.strip() : draft.resumeEmail();
    return new AntragManagement.Submission(
        draft.id().toString(),
        offered.app(),
        offered.activation().parameters(),
        draft.tenantArs(),
        draft.authorityName(),
        draft.leikaKey(),
        draft.accountId(),
        contact,
        draft.answers(),
        draft.declarations(),
        draft.id(),
        locale);
  }
}
