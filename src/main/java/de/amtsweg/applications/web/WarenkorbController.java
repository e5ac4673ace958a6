package de.amtsweg.applications.web;

import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragTimelines;
import de.amtsweg.applications.Warenkorb;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentStatus;
import de.amtsweg.platform.Money;
import de.amtsweg.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Warenkorb page: the collected Anträge with their authority and fee, removing one, checking
 * out once, and the payments of the checkout one by one ("Zahlung 1 von 2 – Stadt Erfurt"). The
 * payment service sends the payer back here after each payment. Everything works without JavaScript
 * (POST-redirect-GET).
 */
@Controller
class WarenkorbController {

  /** The cart id of a visitor without an account, kept for the visit. */
  static final String SESSION_OWNER = WarenkorbController.class.getName() + ".owner";

  private final Warenkorb warenkorb;
  private final MessageSource messages;
  private final AnonymousSubmissions anonymous;
  private final AntragManagement antraege;
  private final AntragTimelines timelines;
  private final AppStore store;

  WarenkorbController(
      Warenkorb warenkorb,
      MessageSource messages,
      AnonymousSubmissions anonymous,
      AntragManagement antraege,
      AntragTimelines timelines,
      AppStore store) {
    this.antraege = antraege;
    this.timelines = timelines;
    this.store = store;
    this.warenkorb = warenkorb;
    this.messages = messages;
    this.anonymous = anonymous;
  }

  /** The cart of the caller: the account's, or the visit's (created on first use). */
  static UUID owner(HttpSession session, @Nullable Authentication authentication) {
    UUID citizen = Citizens.id(authentication);
    if (citizen != null) {
      return citizen;
    }
    UUID owner = sessionOwner(session);
    if (owner == null) {
      owner = UUID.randomUUID();
      session.setAttribute(SESSION_OWNER, owner.toString());
    }
    return owner;
  }

  static @Nullable UUID sessionOwner(@Nullable HttpSession session) {
    Object owner = session == null ? null : session.getAttribute(SESSION_OWNER);
    return owner == null ? null : UUID.fromString(owner.toString());
  }

  @GetMapping("/warenkorb")
  String cart(
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    UUID citizen = Citizens.id(authentication);
    UUID visit = sessionOwner(request.getSession(false));
    if (citizen != null && visit != null) {
      // Logged in after collecting as a visitor: the visit's cart joins the account's.
      warenkorb.merge(visit, citizen);
      request.getSession().removeAttribute(SESSION_OWNER);
    }
    UUID owner = citizen != null ? citizen : visit;
    List<Warenkorb.Item> items = owner == null ? List.of() : warenkorb.items(owner, locale);
    List<Map<String, Object>> rows = new ArrayList<>();
    long total = 0;
    for (Warenkorb.Item item : items) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("draftId", item.draft().id());
      row.put("app", item.appName());
      row.put("authority", item.draft().authorityName());
      row.put("fee", feeText(item, locale));
      row.put("waiting", item.antrag() != null);
      row.put("reference", item.antrag() == null ? "" : item.antrag().reference());
      row.put("checkUrl", "/antrag/" + item.draft().appId() + "/" + item.draft().id() + "/pruefen");
      rows.add(row);
      total += item.dueCents();
    }
    List<Map<String, Object>> steps = new ArrayList<>();
    List<Map<String, Object>> confirmations = new ArrayList<>();
    @Nullable Map<String, Object> failure = null;
    Map<String, Object> next = null;
    for (Warenkorb.Step step :
        owner == null ? List.<Warenkorb.Step>of() : warenkorb.progress(owner)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(
          "title",
          messages.getMessage(
              "warenkorb.payment.step",
              new Object[] {step.position(), step.of(), step.authorityName()},
              locale));
      row.put("amount", Money.euros(step.payment().amountCents()));
      row.put("kassenzeichen", step.payment().kassenzeichen());
      row.put("status", step.payment().status().name());
      row.put(
          "statusText",
          messages.getMessage(
              "warenkorb.payment.status." + statusKey(step.payment()), null, locale));
      row.put("references", String.join(", ", step.references()));
      row.put(
          "payUrl",
          step.payment().payable() && step.payment().payUrl() != null
              ? step.payment().payUrl().toString()
              : null);
      steps.add(row);
      if (next == null && row.get("payUrl") != null) {
        next = row;
      }
      if (step.payment().status() == PaymentStatus.PAID && !step.payment().cancelRequested()) {
        step.references().forEach(r -> confirmation(r, locale).ifPresent(confirmations::add));
      } else if (FAILED.contains(step.payment().status()) && !step.payment().cancelRequested()) {
        // The latest attempt that did not go through: the payer reads what to do about it.
        failure = new LinkedHashMap<>();
        failure.put("status", step.payment().status().name());
        failure.put("authority", step.authorityName());
        failure.put("authorityArs", step.payment().tenantArs());
        failure.put("amount", Money.euros(step.payment().amountCents()));
      }
    }
    model.addAttribute("rows", rows);
    model.addAttribute("total", Money.euros(total));
    model.addAttribute("hasOpenItems", !rows.isEmpty());
    model.addAttribute("steps", steps);
    model.addAttribute("next", next);
    model.addAttribute(
        "paidAll",
        !steps.isEmpty() && steps.stream().allMatch(s -> "PAID".equals(s.get("status"))));
    model.addAttribute("citizen", citizen);
    model.addAttribute("confirmations", confirmations);
    // A failure that a later payment of the same Anträge made good is over.
    model.addAttribute(
        "paymentFailure",
        rows.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("waiting"))) ? failure : null);
    return "applications/warenkorb";
  }

  /** Payment states after which the Antrag still waits and the payer can pay again. */
  private static final java.util.Set<PaymentStatus> FAILED =
      java.util.EnumSet.of(PaymentStatus.FAILED, PaymentStatus.CANCELLED, PaymentStatus.EXPIRED);

  /**
   * What the payer takes away for a paid Antrag of the checkout: its reference, its confirmation
   * page and receipt, and what happens next.
   */
  private Optional<Map<String, Object>> confirmation(String reference, Locale locale) {
    return antraege
        .find(reference)
        .filter(a -> !a.waitingForPayment())
        .map(
            antrag -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("reference", antrag.reference());
              row.put(
                  "app",
                  store
                      .version(antrag.appId(), antrag.appVersion())
                      .definition()
                      .name()
                      .in(locale));
              row.put("authority", antrag.authorityName());
              row.put("submittedAt", antrag.submittedAt());
              row.put("confirmationUrl", "/antrag/eingang/" + antrag.reference());
              row.put(
                  "receiptUrl",
                  "/antrag/eingang/" + antrag.reference() + "/eingangsbestaetigung.pdf");
              row.put("next", timelines.next(antrag, locale));
              return row;
            });
  }

  /** How many items of the cart are not submitted yet. */
  private int unsubmitted(UUID owner, Locale locale) {
    return (int)
        warenkorb.items(owner, locale).stream().filter(item -> item.antrag() == null).count();
  }

  /** The status as the payer reads it; a payment Amtsweg cancelled says so. */
  static String statusKey(Payment payment) {
    if (!payment.cancelRequested()) {
      return payment.status().name();
    }
    if (payment.status().open()) {
      return "CANCELLING";
    }
    return switch (payment.status()) {
      case CANCELLED -> "VOIDED";
      case PAID -> "PAID_AFTER_CANCEL";
      default -> payment.status().name();
    };
  }

  private String feeText(Warenkorb.Item item, Locale locale) {
    if (item.fee() == null || item.fee().cents() == 0) {
      return item.fee() != null && item.fee().exemption() != null
          ? messages.getMessage(
              "warenkorb.fee.exempt", new Object[] {item.fee().exemption().in(locale)}, locale)
          : messages.getMessage("warenkorb.fee.none", null, locale);
    }
    String amount = FieldViews.money(item.fee().amount(), locale);
    return item.online()
        ? amount
        : messages.getMessage("warenkorb.fee.later", new Object[] {amount}, locale);
  }

  @PostMapping("/warenkorb/entfernen")
  String remove(
      @RequestParam UUID draft,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      RedirectAttributes redirect) {
    try {
      Warenkorb.Removed removed =
          warenkorb.remove(owner(request.getSession(), authentication), draft);
      redirect.addFlashAttribute(
          "notice", removed.waiting() ? "warenkorb.removed.waiting" : "warenkorb.removed");
      if (removed.cancelled() > 0) {
        redirect.addFlashAttribute("voided", "warenkorb.voided.changed");
      }
    } catch (ProblemException e) {
      // The payment service did not confirm the cancel yet: the payment is no longer offered, and
      // is cancelled later.
      redirect.addFlashAttribute("voided", "warenkorb.voided.pending");
    }
    return "redirect:/warenkorb";
  }

  @PostMapping("/warenkorb/bezahlen")
  String checkout(
      HttpServletRequest request,
      @Nullable Authentication authentication,
      RedirectAttributes redirect,
      Locale locale) {
    UUID owner = owner(request.getSession(), authentication);
    // Each item not yet submitted is one anonymous submission from this address.
    int pending = unsubmitted(owner, locale);
    AnonymousSubmissions.Slots slots;
    try {
      slots = anonymous.admit(request, authentication, pending);
    } catch (SubmissionLimitException e) {
      redirect.addFlashAttribute(
          "limitMinutes",
          SubmissionLimitException.minutes(
              java.util.Objects.requireNonNull(e.retryAfter(), "a limit's wait")));
      return "redirect:/warenkorb";
    }
    Warenkorb.Checkout checkout;
    try {
      checkout = warenkorb.checkout(owner, locale, URI.create("/warenkorb"));
    } catch (ProblemException e) {
      // The payment service did not answer: the Anträge wait, the same checkout tries again.
      redirect.addFlashAttribute("failure", "warenkorb.provider-unavailable");
      return "redirect:/warenkorb";
    } finally {
      slots.keep(pending - unsubmitted(owner, locale));
    }
    checkout
        .receiptTokens()
        .forEach(
            (reference, token) ->
                AntragSession.rememberReceipt(request.getSession(), reference, token));
    if (!checkout.invalid().isEmpty()) {
      redirect.addFlashAttribute("failure", "warenkorb.invalid");
    }
    if (checkout.cancelled() > 0) {
      // The payer reads first that the older payment is void, then pays the new one from the cart.
      redirect.addFlashAttribute("voided", "warenkorb.voided.replaced");
      return "redirect:/warenkorb";
    }
    if (checkout.next() != null
        && checkout.next().payment().payUrl() != null
        && checkout.invalid().isEmpty()) {
      return "redirect:" + checkout.next().payment().payUrl();
    }
    return "redirect:/warenkorb";
  }
}
