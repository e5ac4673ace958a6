package de.amtsweg.account.web;

import de.amtsweg.account.AccountException;
import de.amtsweg.account.AccountExport;
import de.amtsweg.account.AccountManagement;
import de.amtsweg.account.DataSharing;
import de.amtsweg.platform.Times;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Datenschutz": what was shared with whom (cockpit), download everything, delete the account. */
@Controller
class DataProtectionController {

  private final Times times;
  private final DataSharing sharing;
  private final AccountExport export;
  private final AccountManagement accounts;

  DataProtectionController(
      DataSharing sharing, AccountExport export, AccountManagement accounts, Times times) {
    this.sharing = sharing;
    this.export = export;
    this.accounts = accounts;
    this.times = times;
  }

  @GetMapping("/konto/datenschutz")
  String cockpit(Principal principal, Model model) {
    model.addAttribute("records", sharing.list(AccountController.accountId(principal)));
    return "account/data-protection";
  }

  @GetMapping("/konto/datenschutz/export")
  void download(Principal principal, HttpServletResponse response) throws IOException {
    response.setContentType("application/zip");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("servicekonto-" + LocalDate.now(times.zone()) + ".zip")
            .build()
            .toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    export.write(AccountController.accountId(principal), response.getOutputStream());
  }

  @GetMapping("/konto/loeschen")
  String deletePage(Model model) {
    return showDelete(model, null);
  }

  @PostMapping("/konto/loeschen")
  String delete(
      Principal principal,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(name = "bestaetigung", required = false) @Nullable String confirmed,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (confirmed == null) {
      return showDelete(model, "account.delete.error.confirm");
    }
    UUID id = AccountController.accountId(principal);
    try {
      accounts.delete(id, password);
    } catch (AccountException e) {
      if (AccountException.LOCKED.equals(e.type())) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        return showDelete(model, "account.delete.error.locked");
      }
      if (!AccountException.WRONG_PASSWORD.equals(e.type())) {
        throw e;
      }
      return showDelete(model, "account.error.current-password.wrong");
    }
    HttpSession session = request.getSession(false);
    if (session != null) {
      try {
        session.invalidate();
      } catch (IllegalStateException alreadyGone) {
        // ended with the account's other sessions
      }
    }
    SecurityContextHolder.clearContext();
    return "redirect:/konto/geloescht";
  }

  @GetMapping("/konto/geloescht")
  String deleted(Model model) {
    return Pages.message(
        model, "account.deleted.title", "account.deleted.text", new Pages.Link("/", "error.home"));
  }

  private static String showDelete(Model model, @Nullable String error) {
    model.addAttribute("error", error);
    model.addAttribute(
        "passwordError", error != null && !error.equals("account.delete.error.confirm"));
    return "account/delete";
  }
}
