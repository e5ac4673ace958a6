package de.amtsweg.account.web;

import de.amtsweg.account.Account;
import de.amtsweg.account.AccountException;
import de.amtsweg.account.AccountManagement;
import de.amtsweg.account.AccountSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The logged-in account: overview and "Anmeldung und Sicherheit". */
@Controller
class AccountController {

  private static final List<String> EMAIL_FIELDS = List.of("newEmail", "emailPassword");
  private static final List<String> PASSWORD_FIELDS =
      List.of("currentPassword", "newPassword", "newPasswordRepeat");
  private static final List<String> SECURITY_NOTICES =
      List.of(
          "passwort-geaendert",
          "email-link-gesendet",
          "email-geaendert",
          "zwei-faktor-aus",
          "verknuepft");

  /** The areas of the account on its overview page. */
  private static final List<Area> AREAS =
      List.of(
          new Area("/konto/antraege", "applications.my.title", "applications.my.area"),
          new Area("/konto/postfach", "account.area.postfach.title", "account.area.postfach.text"),
          new Area("/konto/profil", "account.area.profile.title", "account.area.profile.text"),
          new Area(
              "/konto/organisationen",
              "account.area.organisations.title",
              "account.area.organisations.text"),
          new Area(
              "/konto/e-rechnungen", "account.area.einvoices.title", "account.area.einvoices.text"),
          new Area(
              "/konto/sicherheit", "account.area.security.title", "account.area.security.text"),
          new Area(
              "/konto/datenschutz", "account.area.privacy.title", "account.area.privacy.text"));

  /** A card on the overview page: where it leads, its title and its description (message keys). */
  record Area(String path, String titleKey, String textKey) {}

  private final AccountManagement accounts;
  private final AccountSessions sessions;
  private final de.amtsweg.account.SecondFactor secondFactor;
  private final de.amtsweg.account.ExternalIdentities identities;
  private final IdentityProviders identityProviders;

  AccountController(
      AccountManagement accounts,
      AccountSessions sessions,
      de.amtsweg.account.SecondFactor secondFactor,
      de.amtsweg.account.ExternalIdentities identities,
      IdentityProviders identityProviders) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.secondFactor = secondFactor;
    this.identities = identities;
    this.identityProviders = identityProviders;
  }

  static UUID accountId(Principal principal) {
    return UUID.fromString(principal.getName());
  }

  @GetMapping("/konto")
  String overview(Principal principal, Model model) {
    model.addAttribute("account", accounts.get(accountId(principal)));
    model.addAttribute("areas", AREAS);
    return "account/overview";
  }

  @GetMapping("/konto/sicherheit")
  String security(Principal principal, Model model) {
    return showSecurity(
        model,
        accountId(principal),
        new AccountForms.ChangeEmail(),
        new AccountForms.ChangePassword());
  }

  @PostMapping("/konto/sicherheit/passwort")
  String changePassword(
      Principal principal,
      @Validated @ModelAttribute("passwordForm") AccountForms.ChangePassword form,
      BindingResult errors,
      Model model,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response) {
    UUID id = accountId(principal);
    Account account = accounts.get(id);
    Pages.checkNewPassword(
        accounts,
        form.getNewPassword(),
        form.getNewPasswordRepeat(),
        account.email(),
        errors,
        "newPassword",
        "newPasswordRepeat");
    if (!errors.hasErrors()) {
      try {
        accounts.changePassword(
            id,
            Objects.requireNonNull(form.getCurrentPassword(), "validated"),
            Objects.requireNonNull(form.getNewPassword(), "validated"),
            request.getSession().getId(),
            locale);
        // The session that made the change stays logged in, under a new id.
        request.changeSessionId();
        return "redirect:/konto/sicherheit?passwort-geaendert";
      } catch (AccountException e) {
        reject(e, errors, "currentPassword", response);
      }
    }
    form.setCurrentPassword(null);
    form.setNewPassword(null);
    form.setNewPasswordRepeat(null);
    return showSecurity(model, id, new AccountForms.ChangeEmail(), form);
  }

  @PostMapping("/konto/sicherheit/email")
  String changeEmail(
      Principal principal,
      @Validated @ModelAttribute("emailForm") AccountForms.ChangeEmail form,
      BindingResult errors,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    UUID id = accountId(principal);
    if (!errors.hasErrors()) {
      try {
        accounts.requestEmailChange(
            id,
            Objects.requireNonNull(form.getEmailPassword(), "validated"),
            Objects.requireNonNull(form.getNewEmail(), "validated"),
            locale);
        return "redirect:/konto/sicherheit?email-link-gesendet";
      } catch (AccountException e) {
        reject(e, errors, "emailPassword", response);
      }
    }
    form.setEmailPassword(null);
    return showSecurity(model, id, form, new AccountForms.ChangePassword());
  }

  @PostMapping("/konto/sicherheit/ueberall-abmelden")
  String logOutEverywhere(Principal principal, HttpServletRequest request) {
    sessions.endAll(accountId(principal));
    HttpSession current = request.getSession(false);
    if (current != null) {
      try {
        current.invalidate();
      } catch (IllegalStateException alreadyGone) {
        // deleted from the store together with the others
      }
    }
    SecurityContextHolder.clearContext();
    return "redirect:/konto/anmelden?ueberall-abgemeldet";
  }

  private static void reject(
      AccountException e,
      BindingResult errors,
      String passwordField,
      HttpServletResponse response) {
    switch (e.type()) {
      case AccountException.WRONG_PASSWORD ->
          errors.rejectValue(passwordField, "account.error.current-password.wrong");
      case AccountException.LOCKED -> {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        errors.reject("account.login.locked", e.detailArguments(), null);
      }
      default -> throw e;
    }
  }

  private String showSecurity(
      Model model,
      UUID id,
      AccountForms.ChangeEmail emailForm,
      AccountForms.ChangePassword passwordForm) {
    model.addAttribute("account", accounts.get(id));
    model.addAttribute("emailForm", emailForm);
    model.addAttribute("passwordForm", passwordForm);
    model.addAttribute("emailFields", EMAIL_FIELDS);
    model.addAttribute("passwordFields", PASSWORD_FIELDS);
    model.addAttribute("sessionCount", sessions.count(id));
    model.addAttribute("secondFactor", secondFactor.enabled(id));
    model.addAttribute("identityProviders", identityProviders.all());
    model.addAttribute("linkedProviders", identityProviders.linked(identities.issuers(id)));
    model.addAttribute("noticeFlags", SECURITY_NOTICES);
    return "account/security";
  }
}
