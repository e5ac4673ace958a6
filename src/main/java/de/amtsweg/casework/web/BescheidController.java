package de.amtsweg.casework.web;

import de.amtsweg.casework.BescheidTemplates;
import de.amtsweg.casework.Bescheide;
import de.amtsweg.casework.Caseworker;
import de.amtsweg.casework.Vorgaenge;
import de.amtsweg.casework.Vorgang;
import de.amtsweg.casework.VorgangStatus;
import de.amtsweg.tenancy.TenantStaff;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Bescheid of a case: drafted from the template, previewed as PDF, sent, downloaded. */
@Controller
class BescheidController {

  static final String BASE = CaseInboxController.BASE;

  private final Vorgaenge vorgaenge;
  private final Bescheide bescheide;

  BescheidController(Vorgaenge vorgaenge, Bescheide bescheide) {
    this.vorgaenge = vorgaenge;
    this.bescheide = bescheide;
  }

  @GetMapping(BASE + "/{reference}/bescheid")
  String bescheid(TenantStaff member, @PathVariable String reference, Model model) {
    Caseworker who = Staff.of(member);
    return page(who, reference, bescheide.draft(who, reference), null, model);
  }

  @PostMapping(BASE + "/{reference}/bescheid")
  String send(
      TenantStaff member,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(name = "aktion", defaultValue = "") String action,
      Model model,
      RedirectAttributes redirect) {
    Caseworker who = Staff.of(member);
    String error =
        text.isBlank()
            ? "casework.bescheid.error.empty"
            : text.length() > BescheidTemplates.MAX_BODY
                ? "casework.bescheid.error.too-long"
                : null;
    if (error != null || !"senden".equals(action)) {
      return page(who, reference, text, error, model);
    }
    Bescheide.Sent sent = bescheide.send(who, reference, text.strip());
    redirect.addFlashAttribute(
        "notice",
        sent.inPostfach() ? "casework.notice.bescheid" : "casework.notice.bescheid.no-postfach");
    return "redirect:" + BASE + "/" + reference;
  }

  private String page(
      Caseworker who, String reference, String text, @Nullable String error, Model model) {
    Vorgang vorgang = vorgaenge.get(who, reference);
    model.addAttribute("vorgang", vorgang);
    model.addAttribute("base", BASE + "/" + reference);
    model.addAttribute("text", text);
    model.addAttribute("errorMessage", error);
    model.addAttribute("canDecide", vorgang.status().canBecome(VorgangStatus.BESCHIEDEN));
    return "casework/bescheid";
  }

  @PostMapping(BASE + "/{reference}/bescheid/vorschau.pdf")
  ResponseEntity<byte[]> preview(
      TenantStaff member,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String text) {
    if (text.isBlank() || text.length() > BescheidTemplates.MAX_BODY) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    byte[] pdf = bescheide.preview(Staff.of(member), reference, text);
    return Staff.download(
        "Bescheid-Vorschau-" + reference + ".pdf", MediaType.APPLICATION_PDF_VALUE, pdf);
  }

  @GetMapping(BASE + "/{reference}/bescheide/{id}")
  ResponseEntity<byte[]> sent(
      TenantStaff member, @PathVariable String reference, @PathVariable UUID id) {
    byte[] pdf = bescheide.download(Staff.of(member), reference, id);
    return Staff.download("Bescheid-" + reference + ".pdf", MediaType.APPLICATION_PDF_VALUE, pdf);
  }
}
