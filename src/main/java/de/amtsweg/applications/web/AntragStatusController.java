package de.amtsweg.applications.web;

import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragPayments;
import de.amtsweg.applications.AntragTimelines;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.platform.Money;
import de.amtsweg.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Following an Antrag without a Servicekonto: the lookup with the reference and the status code of
 * the receipt e-mail, and the status page with the timeline and the next step (also reached with
 * the receipt link's token, or by the account that submitted it).
 *
 * <p>The lookup gives nothing away: a wrong reference and a wrong code get the same answer, and
 * lookups are limited per client address and per reference, so that codes cannot be guessed.
 */
@Controller
class AntragStatusController {

  static final String BUCKET_ADDRESS = "status-lookup";
  static final String BUCKET_REFERENCE = "status-lookup-reference";
  static final int PER_ADDRESS = 10;
  static final int PER_REFERENCE = 10;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final AntragManagement antraege;
  private final AntragTimelines timelines;
  private final AntragPayments payments;
  private final ApplicantAccess access;
  private final AppStore store;
  private final RateLimits rateLimits;

  AntragStatusController(
      AntragManagement antraege,
      AntragTimelines timelines,
      AntragPayments payments,
      ApplicantAccess access,
      AppStore store,
      RateLimits rateLimits) {
    this.antraege = antraege;
    this.timelines = timelines;
    this.payments = payments;
    this.access = access;
    this.store = store;
    this.rateLimits = rateLimits;
  }

  @GetMapping("/antrag/status")
  String lookupForm(Model model) {
    model.addAttribute("reference", "");
    return "applications/status-lookup";
  }

  @PostMapping("/antrag/status")
  String lookup(
      @RequestParam(defaultValue = "") String reference,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String ref = reference.strip().toUpperCase(Locale.ROOT);
    model.addAttribute("reference", reference.strip());
    if (ref.isEmpty() || code.isBlank()) {
      model.addAttribute("missingReference", ref.isEmpty());
      model.addAttribute("missingCode", code.isBlank());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "applications/status-lookup";
    }
    Duration wait =
        refused(BUCKET_ADDRESS, AnonymousSubmissions.client(request.getRemoteAddr()), PER_ADDRESS)
            .or(() -> refused(BUCKET_REFERENCE, ref, PER_REFERENCE))
            .orElse(null);
    if (wait != null) {
      model.addAttribute("limitMinutes", SubmissionLimitException.minutes(wait));
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
      return "applications/status-lookup";
    }
    Optional<Antrag> antrag = antraege.withStatusCode(ref, code);
    if (antrag.isEmpty()) {
      // The same answer for an unknown reference and a wrong code.
      model.addAttribute("notFound", true);
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      return "applications/status-lookup";
    }
    AntragSession.allowStatus(request.getSession(), antrag.get().reference());
    return "redirect:/antrag/status/" + antrag.get().reference();
  }

  private Optional<Duration> refused(String bucket, String key, int limit) {
    return rateLimits.take(bucket, key, limit, WINDOW) instanceof RateLimits.Refused refused
        ? Optional.of(refused.retryAfter())
        : Optional.empty();
  }

  @GetMapping("/antrag/status/{reference}")
  String status(
      @PathVariable String reference,
      @RequestParam(required = false) @Nullable String token,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    Antrag antrag = access.antrag(reference, token, request, authentication);
    UUID citizen = Citizens.id(authentication);
    if (citizen != null && citizen.equals(antrag.accountId())) {
      return "redirect:/konto/antraege/" + antrag.reference();
    }
    AntragPayments.Due due = payments.due(antrag).orElse(null);
    model.addAttribute("antrag", antrag);
    model.addAttribute(
        "appName",
        store.version(antrag.appId(), antrag.appVersion()).definition().name().in(locale));
    model.addAttribute("timeline", timelines.of(antrag, locale));
    model.addAttribute("due", due);
    model.addAttribute("dueAmount", due == null ? null : Money.euros(due.amountCents()));
    model.addAttribute("token", token);
    return "applications/status";
  }
}
