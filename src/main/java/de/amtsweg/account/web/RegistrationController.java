package de.amtsweg.account.web;

import de.amtsweg.account.AccountException;
import de.amtsweg.account.AccountManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Registration and the confirmation of e-mail addresses (new accounts and changed addresses). */
@Controller
class RegistrationController {

  private static final List<String> FIELDS = List.of("email", "password", "passwordRepeat");

  private final AccountManagement accounts;

  RegistrationController(AccountManagement accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/konto/registrieren")
  String form(Model model) {
    return show(model, new AccountForms.Registration());
  }

  @PostMapping("/konto/registrieren")
  String register(
      @Validated @ModelAttribute("form") AccountForms.Registration form,
      BindingResult errors,
      Model model,
      Locale locale) {
    String email = form.getEmail() == null ? "" : form.getEmail();
    Pages.checkNewPassword(
        accounts,
        form.getPassword(),
        form.getPasswordRepeat(),
        email,
        errors,
        "password",
        "passwordRepeat");
    if (errors.hasErrors()) {
      form.setPassword(null);
      form.setPasswordRepeat(null);
      return show(model, form);
    }
    accounts.register(email, Objects.requireNonNull(form.getPassword(), "validated"), locale);
    return "redirect:/konto/registrieren/gesendet";
  }

  @GetMapping("/konto/registrieren/gesendet")
  String sent(Model model) {
    return Pages.message(model, "account.register.sent.title", "account.register.sent.text");
  }

  /** Shows a button rather than confirming on GET: mail scanners open links too. */
  @GetMapping("/konto/bestaetigen")
  String confirmPage(
      @RequestParam(required = false) @Nullable String token,
      Model model,
      HttpServletResponse response) {
    return accounts
        .checkConfirmationLink(token)
        .map(
            what -> {
              model.addAttribute("token", token);
              model.addAttribute("newEmail", what == AccountManagement.Confirmed.NEW_EMAIL);
              return "account/confirm";
            })
        .orElseGet(
            () -> {
              response.setStatus(HttpStatus.BAD_REQUEST.value());
              return Pages.invalidLink(model);
            });
  }

  @PostMapping("/konto/bestaetigen")
  String confirm(
      @RequestParam(required = false) @Nullable String token,
      @Nullable Principal principal,
      Model model,
      HttpServletResponse response) {
    try {
      AccountManagement.Confirmed confirmed = accounts.confirm(token);
      if (confirmed == AccountManagement.Confirmed.ACCOUNT) {
        return "redirect:/konto/anmelden?bestaetigt";
      }
      return principal == null
          ? "redirect:/konto/anmelden?email-geaendert"
          : "redirect:/konto/sicherheit?email-geaendert";
    } catch (AccountException e) {
      if (!AccountException.INVALID_LINK.equals(e.type())) {
        throw e;
      }
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return Pages.invalidLink(model);
    }
  }

  @GetMapping("/konto/bestaetigen/neu")
  String resendForm(Model model) {
    return emailForm(model, new AccountForms.EmailOnly());
  }

  @PostMapping("/konto/bestaetigen/neu")
  String resend(
      @Validated @ModelAttribute("form") AccountForms.EmailOnly form,
      BindingResult errors,
      Model model,
      Locale locale) {
    if (errors.hasErrors()) {
      return emailForm(model, form);
    }
    accounts.resendConfirmation(Objects.requireNonNull(form.getEmail(), "validated"), locale);
    return "redirect:/konto/registrieren/gesendet";
  }

  private String show(Model model, AccountForms.Registration form) {
    model.addAttribute("form", form);
    model.addAttribute("fieldOrder", FIELDS);
    return "account/register";
  }

  private static String emailForm(Model model, AccountForms.EmailOnly form) {
    return Pages.emailForm(
        model,
        form,
        "account.resend.title",
        "account.resend.intro",
        "account.resend.submit",
        "/konto/bestaetigen/neu");
  }
}
