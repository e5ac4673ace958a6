package de.amtsweg.account.web;

import de.amtsweg.account.CitizenLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The citizen login at {@code /konto/anmelden}. It is a controller rather than Spring Security's
 * form login, which serves the staff at {@code /anmelden}: it throttles, explains a lock, and tells
 * an unconfirmed address apart. A successful login gets a new session and CSRF token (session
 * fixation) and is stored where Spring Security looks for it (ADR 0006).
 */
@Controller
class CitizenLoginController {

  static final List<String> FIELDS = List.of("email", "password");

  /** Session attribute of a login waiting for its second factor. */
  static final String PENDING = CitizenLoginController.class.getName() + ".pending";

  /** How long the second step may take. */
  static final java.time.Duration PENDING_TIME = java.time.Duration.ofMinutes(5);

  /** Password checked, second factor outstanding: not logged in yet. */
  record PendingLogin(UUID accountId, java.time.Instant expires) implements java.io.Serializable {}

  /** Flags a redirect may carry to show a notice on the login page (account.notice.*). */
  static final List<String> NOTICES =
      List.of("bestaetigt", "passwort-geaendert", "ueberall-abgemeldet", "email-geaendert");

  /**
   * Why an identity-provider login was refused: {@code ?anbieter=<problem type>}
   * (problem.<type>.detail).
   */
  static final List<String> PROVIDER_PROBLEMS =
      List.of(
          "account-identity-email-exists",
          "account-identity-taken",
          "account-identity-without-email",
          "account-identity-failed");

  private final CitizenLogin login;
  private final CitizenSessions sessions;
  private final IdentityProviders identityProviders;

  CitizenLoginController(
      CitizenLogin login, CitizenSessions sessions, IdentityProviders identityProviders) {
    this.login = login;
    this.sessions = sessions;
    this.identityProviders = identityProviders;
  }

  @GetMapping("/konto/anmelden")
  String page(Model model) {
    return show(model, new AccountForms.Login());
  }

  @PostMapping("/konto/anmelden")
  String logIn(
      @ModelAttribute("form") AccountForms.Login form,
      BindingResult errors,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!StringUtils.hasText(form.getEmail())) {
      errors.rejectValue("email", "account.error.email.required");
    }
    if (!StringUtils.hasText(form.getPassword())) {
      errors.rejectValue("password", "account.error.password.required");
    }
    if (!errors.hasErrors()) {
      CitizenLogin.Result result =
          login.authenticate(
              Objects.requireNonNull(form.getEmail(), "checked above"),
              Objects.requireNonNull(form.getPassword(), "checked above"),
              request.getRemoteAddr());
      switch (result) {
        case CitizenLogin.Success success -> {
          return "redirect:" + establish(success.accountId(), request, response);
        }
        case CitizenLogin.Locked locked -> {
          response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
          errors.reject("account.login.locked", new Object[] {locked.minutes()}, null);
        }
        case CitizenLogin.SecondFactorRequired required -> {
          return "redirect:" + awaitSecondFactor(request, required.accountId());
        }
        case CitizenLogin.Unconfirmed unconfirmed -> {
          errors.reject("account.login.unconfirmed");
          model.addAttribute("unconfirmed", true);
        }
        case CitizenLogin.Failure failure -> errors.rejectValue("email", "account.login.failed");
      }
    }
    form.setPassword(null);
    return show(model, form);
  }

  @GetMapping("/konto/anmelden/code")
  String codePage(HttpServletRequest request, Model model) {
    if (pending(request) == null) {
      return "redirect:/konto/anmelden";
    }
    return showCode(model, null);
  }

  @PostMapping("/konto/anmelden/code")
  String code(
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "") String code,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    PendingLogin pending = pending(request);
    if (pending == null) {
      return "redirect:/konto/anmelden";
    }
    if (code.isBlank()) {
      return showCode(model, "account.second-factor.error.required");
    }
    CitizenLogin.Result result =
        login.authenticateSecondFactor(pending.accountId(), code, request.getRemoteAddr());
    switch (result) {
      case CitizenLogin.Success success -> {
        request.getSession().removeAttribute(PENDING);
        return "redirect:" + establish(success.accountId(), request, response);
      }
      case CitizenLogin.Locked locked -> {
        request.getSession().removeAttribute(PENDING);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("lockedMinutes", locked.minutes());
        return showCode(model, "account.login.locked");
      }
      default -> {
        return showCode(model, "account.second-factor.error.wrong");
      }
    }
  }

  /**
   * The first step of a login (password or identity provider) succeeded, and the account has a
   * second factor: the session remembers the account for a few minutes, not as a login.
   *
   * @return where the person enters the code
   */
  static String awaitSecondFactor(HttpServletRequest request, UUID accountId) {
    request
        .getSession()
        .setAttribute(
            PENDING, new PendingLogin(accountId, java.time.Instant.now().plus(PENDING_TIME)));
    return "/konto/anmelden/code";
  }

  private static @Nullable PendingLogin pending(HttpServletRequest request) {
    jakarta.servlet.http.HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(PENDING) instanceof PendingLogin pending)) {
      return null;
    }
    if (pending.expires().isBefore(java.time.Instant.now())) {
      session.removeAttribute(PENDING);
      return null;
    }
    return pending;
  }

  private static String showCode(Model model, @Nullable String error) {
    model.addAttribute("error", error);
    return "account/second-factor-login";
  }

  private String show(Model model, AccountForms.Login form) {
    model.addAttribute("form", form);
    model.addAttribute("fieldOrder", FIELDS);
    model.addAttribute("noticeFlags", NOTICES);
    model.addAttribute("identityProviders", identityProviders.all());
    model.addAttribute("providerProblems", PROVIDER_PROBLEMS);
    return "account/login";
  }

  private String establish(
      UUID accountId, HttpServletRequest request, HttpServletResponse response) {
    return sessions.establish(accountId, request, response);
  }
}
