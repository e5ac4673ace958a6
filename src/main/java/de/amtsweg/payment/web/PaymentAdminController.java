package de.amtsweg.payment.web;

import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentBookings;
import de.amtsweg.payment.PaymentException;
import de.amtsweg.payment.PaymentRecords;
import de.amtsweg.payment.PaymentStatus;
import de.amtsweg.payment.Payments;
import de.amtsweg.platform.Times;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantStaff;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The caseworkers' payment pages ({@code /verwaltung/zahlungen}): the tenant's payments with a
 * filter, a payment with its items, status history and refund form, a status query at the payment
 * service, and the day's bookings for the cash system as CSV. Another tenant's payment is not
 * found.
 */
@Controller
class PaymentAdminController {

  static final int PAGE = 50;
  private static final Pattern EUROS = Pattern.compile("(\\d{1,7})(?:[,.](\\d{1,2}))?");

  private final Payments payments;
  private final PaymentRecords records;
  private final PaymentBookings bookings;

  private final Times times;

  PaymentAdminController(
      Payments payments, PaymentRecords records, PaymentBookings bookings, Times times) {
    this.times = times;
    this.payments = payments;
    this.records = records;
    this.bookings = bookings;
  }

  /** The refund form: amount in euros ("2,50") and the reason. */
  public static class RefundForm {
    private @Nullable String amount;
    private @Nullable String reason;

    public @Nullable String getAmount() {
      return amount;
    }

    public void setAmount(@Nullable String v) {
      amount = v;
    }

    public @Nullable String getReason() {
      return reason;
    }

    public void setReason(@Nullable String v) {
      reason = v;
    }
  }

  @GetMapping("/verwaltung/zahlungen")
  String list(
      TenantStaff staff,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(name = "suche", required = false) @Nullable String text,
      @RequestParam(name = "seite", defaultValue = "0") int page,
      Model model) {
    Tenant tenant = staff.tenant();
    PaymentStatus chosen =
        Arrays.stream(PaymentStatus.values())
            .filter(s -> s.name().equals(status))
            .findFirst()
            .orElse(null);
    int offset = Math.max(page, 0) * PAGE;
    String query = text == null ? null : text.length() > 60 ? text.substring(0, 60) : text;
    model.addAttribute("tenant", tenant);
    model.addAttribute(
        "payments", records.search(tenant.authorityArs(), chosen, query, PAGE + 1, offset));
    model.addAttribute("page", Math.max(page, 0));
    model.addAttribute("pageSize", PAGE);
    model.addAttribute("status", chosen == null ? "" : chosen.name());
    model.addAttribute("suche", query == null ? "" : query);
    model.addAttribute("statuses", PaymentStatus.values());
    model.addAttribute("today", LocalDate.now(times.zone()));
    return "payment/admin/list";
  }

  @GetMapping("/verwaltung/zahlungen/{id}")
  String detail(TenantStaff staff, @PathVariable UUID id, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new RefundForm());
    }
    return show(staff, id, model);
  }

  @PostMapping("/verwaltung/zahlungen/{id}/erstattung")
  String refund(
      TenantStaff staff,
      @PathVariable UUID id,
      @ModelAttribute("form") RefundForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Tenant tenant = staff.tenant();
    Payment payment = payments.ofTenant(tenant.authorityArs(), id);
    Long cents = cents(form.getAmount());
    if (cents == null || cents <= 0) {
      errors.rejectValue("amount", "payment.refund.error.amount");
    } else if (cents > payment.refundableCents()) {
      errors.rejectValue("amount", "payment.refund.error.too-much");
    }
    String reason = form.getReason() == null ? "" : form.getReason().strip();
    if (reason.isEmpty()) {
      errors.rejectValue("reason", "payment.refund.error.reason");
    } else if (reason.length() > 500) {
      errors.rejectValue("reason", "payment.refund.error.reason-length");
    }
    if (!errors.hasErrors() && cents != null) {
      try {
        payments.refund(tenant.authorityArs(), id, cents, reason, staff.username());
        redirect.addFlashAttribute("refunded", cents);
        return "redirect:/verwaltung/zahlungen/" + id;
      } catch (PaymentException.ProviderUnavailable e) {
        errors.reject("problem.payment-provider-unavailable.detail");
      } catch (PaymentException.RefundInvalid e) {
        errors.rejectValue("amount", "payment.refund.error.too-much");
      }
    }
    return show(staff, id, model);
  }

  @PostMapping("/verwaltung/zahlungen/{id}/abgleich")
  String refresh(TenantStaff staff, @PathVariable UUID id, RedirectAttributes redirect) {
    Tenant tenant = staff.tenant();
    payments.ofTenant(tenant.authorityArs(), id);
    Payment refreshed = payments.refresh(id);
    redirect.addFlashAttribute("refreshed", refreshed.status().name());
    return "redirect:/verwaltung/zahlungen/" + id;
  }

  @GetMapping("/verwaltung/zahlungen/buchungen")
  ResponseEntity<byte[]> bookings(
      TenantStaff staff, @RequestParam(name = "tag", required = false) @Nullable String day) {
    Tenant tenant = staff.tenant();
    LocalDate date = day(day);
    return csv(
        bookings.csv(tenant.authorityArs(), date),
        "buchungen-" + tenant.slug() + "-" + date + ".csv");
  }

  private String show(TenantStaff staff, UUID id, Model model) {
    Tenant tenant = staff.tenant();
    Payment payment = payments.ofTenant(tenant.authorityArs(), id);
    model.addAttribute("tenant", tenant);
    model.addAttribute("payment", payment);
    model.addAttribute("history", records.history(tenant.authorityArs(), id));
    model.addAttribute("fieldOrder", java.util.List.of("amount", "reason"));
    return "payment/admin/detail";
  }

  /** Euros as typed ("2,50", "2.5", "3") in cents; null when it is not such a number. */
  static @Nullable Long cents(@Nullable String euros) {
    if (euros == null) {
      return null;
    }
    Matcher m = EUROS.matcher(euros.strip().replace(" ", "").replace("€", "").replace("EUR", ""));
    if (!m.matches()) {
      return null;
    }
    String fraction = m.group(2) == null ? "00" : (m.group(2) + "0").substring(0, 2);
    return Long.parseLong(m.group(1)) * 100 + Long.parseLong(fraction);
  }

  /** The day of a bookings export. */
  static LocalDate day(@Nullable String day) {
    if (day == null) {
      throw new PaymentException.DayInvalid();
    }
    try {
      return LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      throw new PaymentException.DayInvalid();
    }
  }

  static ResponseEntity<byte[]> csv(String csv, String fileName) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName).build().toString())
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }
}
