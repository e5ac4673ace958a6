package de.amtsweg.account.web;

import de.amtsweg.account.AccountException;
import de.amtsweg.account.SecondFactor;
import de.amtsweg.platform.QrCodes;
import de.amtsweg.platform.Totp;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Turning the second factor (TOTP app with recovery codes) on and off. */
@Controller
class SecondFactorController {

  private final SecondFactor secondFactor;

  SecondFactorController(SecondFactor secondFactor) {
    this.secondFactor = secondFactor;
  }

  @GetMapping("/konto/sicherheit/zwei-faktor")
  String page(Principal principal, Model model) {
    UUID id = AccountController.accountId(principal);
    return show(model, id, null);
  }

  @PostMapping("/konto/sicherheit/zwei-faktor/einrichten")
  String start(Principal principal) {
    secondFactor.start(AccountController.accountId(principal));
    return "redirect:/konto/sicherheit/zwei-faktor";
  }

  /** The QR code of the setup in progress, as SVG (no inline image data, no script). */
  @GetMapping(value = "/konto/sicherheit/zwei-faktor/qr.svg", produces = "image/svg+xml")
  ResponseEntity<String> qr(Principal principal) {
    Totp.Setup setup =
        secondFactor
            .pending(AccountController.accountId(principal))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.svg(setup.uri()));
  }

  @PostMapping("/konto/sicherheit/zwei-faktor/bestaetigen")
  String confirm(
      Principal principal,
      @RequestParam(defaultValue = "") String code,
      Model model,
      RedirectAttributes redirect) {
    UUID id = AccountController.accountId(principal);
    try {
      redirect.addFlashAttribute("recoveryCodes", secondFactor.confirm(id, code));
      return "redirect:/konto/sicherheit/zwei-faktor/codes";
    } catch (AccountException e) {
      return show(model, id, "account.second-factor.error.wrong");
    }
  }

  /** The recovery codes, once, right after the setup (they came as flash attributes). */
  @GetMapping("/konto/sicherheit/zwei-faktor/codes")
  String codes(Model model) {
    if (!(model.getAttribute("recoveryCodes") instanceof List<?>)) {
      return "redirect:/konto/sicherheit/zwei-faktor";
    }
    return "account/second-factor-codes";
  }

  @PostMapping("/konto/sicherheit/zwei-faktor/ausschalten")
  String disable(
      Principal principal,
      @RequestParam(defaultValue = "") String password,
      Model model,
      HttpServletResponse response) {
    UUID id = AccountController.accountId(principal);
    try {
      secondFactor.disable(id, password);
      return "redirect:/konto/sicherheit?zwei-faktor-aus";
    } catch (AccountException e) {
      if (AccountException.LOCKED.equals(e.type())) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        return show(model, id, "account.delete.error.locked");
      }
      return show(model, id, "account.error.current-password.wrong");
    }
  }

  private String show(Model model, UUID id, @Nullable String error) {
    model.addAttribute("enabled", secondFactor.enabled(id));
    model.addAttribute("setup", secondFactor.pending(id).orElse(null));
    model.addAttribute("codesLeft", secondFactor.recoveryCodesLeft(id));
    model.addAttribute("error", error);
    return "account/second-factor";
  }
}
