package de.amtsweg.account.web;

import de.amtsweg.account.PersonalAccessTokens;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Personal access tokens for the API: create (shown once), list, revoke. */
@Controller
class PersonalAccessTokenController {

  private final PersonalAccessTokens tokens;

  PersonalAccessTokenController(PersonalAccessTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/konto/sicherheit/zugangsschluessel")
  String page(Principal principal, Model model) {
    return show(model, AccountController.accountId(principal), null, null);
  }

  @PostMapping("/konto/sicherheit/zugangsschluessel")
  String create(
      Principal principal,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "90") int days,
      Model model,
      RedirectAttributes redirect) {
    UUID account = AccountController.accountId(principal);
    if (name.isBlank() || name.length() > 100) {
      return show(model, account, "account.tokens.error.name", name);
    }
    if (!PersonalAccessTokens.LIFETIMES.contains(days)) {
      return show(model, account, "account.tokens.error.days", name);
    }
    redirect.addFlashAttribute("newToken", tokens.create(account, name, days));
    return "redirect:/konto/sicherheit/zugangsschluessel";
  }

  @PostMapping("/konto/sicherheit/zugangsschluessel/{id}/widerrufen")
  String revoke(Principal principal, @PathVariable UUID id) {
    tokens.revoke(AccountController.accountId(principal), id);
    return "redirect:/konto/sicherheit/zugangsschluessel?widerrufen";
  }

  private String show(Model model, UUID account, @Nullable String error, @Nullable String name) {
    model.addAttribute("tokens", tokens.list(account));
    model.addAttribute("lifetimes", PersonalAccessTokens.LIFETIMES);
    model.addAttribute("error", error);
    model.addAttribute("name", name);
    model.addAttribute("noticeFlags", List.of("widerrufen"));
    return "account/tokens";
  }
}
