package de.amtsweg.account.web;

import de.amtsweg.account.AccountException;
import de.amtsweg.account.AccountManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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

/** "Passwort vergessen": request a link, then set a new password with it. */
@Controller
class PasswordResetController {

  private static final List<String> PASSWORD_FIELDS = List.of("password", "passwordRepeat");

  private final AccountManagement accounts;

  PasswordResetController(AccountManagement accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/konto/passwort-vergessen")
  String form(Model model) {
    return emailForm(model, new AccountForms.EmailOnly());
  }

  @PostMapping("/konto/passwort-vergessen")
  String request(
      @Validated @ModelAttribute("form") AccountForms.EmailOnly form,
      BindingResult errors,
      Model model,
      Locale locale) {
    if (errors.hasErrors()) {
      return emailForm(model, form);
    }
    accounts.requestPasswordReset(Objects.requireNonNull(form.getEmail(), "validated"), locale);
    return "redirect:/konto/passwort-vergessen/gesendet";
  }

  @GetMapping("/konto/passwort-vergessen/gesendet")
  String sent(Model model) {
    return Pages.message(model, "account.forgot.sent.title", "account.forgot.sent.text");
  }

  @GetMapping("/konto/passwort-neu")
  String newPasswordForm(
      @RequestParam(required = false) @Nullable String token,
      Model model,
      HttpServletResponse response) {
    AccountForms.NewPassword form = new AccountForms.NewPassword();
    form.setToken(token);
    return showPasswordForm(model, form, accounts.checkResetLink(token), response);
  }

  @PostMapping("/konto/passwort-neu")
  String setNewPassword(
      @Validated @ModelAttribute("form") AccountForms.NewPassword form,
      BindingResult errors,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Optional<String> email = accounts.checkResetLink(form.getToken());
    if (email.isEmpty()) {
      return showPasswordForm(model, form, email, response);
    }
    Pages.checkNewPassword(
        accounts,
        form.getPassword(),
        form.getPasswordRepeat(),
        email.get(),
        errors,
        "password",
        "passwordRepeat");
    if (!errors.hasErrors()) {
      try {
        accounts.resetPassword(
            form.getToken(), Objects.requireNonNull(form.getPassword(), "validated"), locale);
        return "redirect:/konto/anmelden?passwort-geaendert";
      } catch (AccountException usedMeanwhile) {
        return showPasswordForm(model, form, Optional.empty(), response);
      }
    }
    return showPasswordForm(model, form, email, response);
  }

  private static String showPasswordForm(
      Model model,
      AccountForms.NewPassword form,
      Optional<String> email,
      HttpServletResponse response) {
    if (email.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return Pages.invalidLink(model);
    }
    form.setPassword(null);
    form.setPasswordRepeat(null);
    model.addAttribute("form", form);
    model.addAttribute("email", email.get());
    model.addAttribute("fieldOrder", PASSWORD_FIELDS);
    return "account/reset-password";
  }

  private static String emailForm(Model model, AccountForms.EmailOnly form) {
    return Pages.emailForm(
        model,
        form,
        "account.forgot.title",
        "account.forgot.intro",
        "account.forgot.submit",
        "/konto/passwort-vergessen");
  }
}
