package de.amtsweg.account.web;

import de.amtsweg.account.AccountManagement;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** What several account pages share: the notice page and the check of a new password. */
final class Pages {

  /** A link on a notice page: path and message key of its text. */
  record Link(String path, String key) {}

  private Pages() {}

  /** A Postfach file as a download with its detected type: never shown inline, never cached. */
  static org.springframework.http.ResponseEntity<byte[]> download(
      de.amtsweg.account.PostfachMessage.File file) {
    return org.springframework.http.ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.parseMediaType(file.contentType()))
        .header(
            org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            org.springframework.http.ContentDisposition.attachment()
                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(file.content());
  }

  /** A page with a heading, one paragraph and links below. */
  static String message(Model model, String headingKey, String textKey, Link... links) {
    model.addAttribute("headingKey", headingKey);
    model.addAttribute("textKey", textKey);
    model.addAttribute("links", List.of(links));
    return "account/message";
  }

  /** A form that asks only for an e-mail address. */
  static String emailForm(
      Model model,
      AccountForms.EmailOnly form,
      String headingKey,
      String introKey,
      String submitKey,
      String action) {
    model.addAttribute("form", form);
    model.addAttribute("fieldOrder", List.of("email"));
    model.addAttribute("headingKey", headingKey);
    model.addAttribute("introKey", introKey);
    model.addAttribute("submitKey", submitKey);
    model.addAttribute("action", action);
    return "account/email-form";
  }

  /** The page for a link that is unknown, used or expired. */
  static String invalidLink(Model model) {
    return message(
        model,
        "account.link-invalid.title",
        "account.link-invalid.text",
        new Link("/konto/bestaetigen/neu", "account.link-invalid.resend"),
        new Link("/konto/passwort-vergessen", "account.link-invalid.reset"));
  }

  /**
   * Rejects a new password that the policy refuses or that differs from its repetition.
   *
   * @param email the account's address, whose parts must not make up the password
   */
  static void checkNewPassword(
      AccountManagement accounts,
      @Nullable String password,
      @Nullable String repeat,
      String email,
      BindingResult errors,
      String field,
      String repeatField) {
    if (password == null || errors.hasFieldErrors(field)) {
      return;
    }
    accounts
        .passwordProblem(password, email)
        .ifPresent(problem -> errors.rejectValue(field, problem));
    if (!errors.hasFieldErrors(field) && !Objects.equals(password, repeat)) {
      errors.rejectValue(repeatField, "account.error.password.mismatch");
    }
  }
}
