package de.amtsweg.applications.web;

import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragTimelines;
import de.amtsweg.applications.Drafts;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.forms.FormEngine;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Meine Anträge" in the Servicekonto: drafts to continue, submitted Anträge with their timeline.
 */
@Controller
class MyAntraegeController {

  private final Drafts drafts;
  private final AntragManagement antraege;
  private final AppStore store;
  private final MessageSource messages;
  private final AntragTimelines timelines;

  MyAntraegeController(
      Drafts drafts,
      AntragManagement antraege,
      AppStore store,
      MessageSource messages,
      AntragTimelines timelines) {
    this.timelines = timelines;
    this.drafts = drafts;
    this.antraege = antraege;
    this.store = store;
    this.messages = messages;
  }

  @GetMapping("/konto/antraege")
  String list(Principal principal, Model model, Locale locale) {
    UUID account = UUID.fromString(principal.getName());
    model.addAttribute(
        "drafts",
        drafts.ofAccount(account).stream()
            .map(d -> Map.of("draft", d, "name", appName(d.appId(), d.appVersion(), locale)))
            .toList());
    model.addAttribute(
        "antraege",
        antraege.ofAccount(account).stream()
            .map(a -> Map.of("antrag", a, "name", appName(a.appId(), a.appVersion(), locale)))
            .toList());
    return "applications/my";
  }

  @GetMapping("/konto/antraege/{reference}")
  String detail(@PathVariable String reference, Principal principal, Model model, Locale locale) {
    Antrag antrag = antraege.ofAccount(reference, UUID.fromString(principal.getName()));
    var app = store.version(antrag.appId(), antrag.appVersion()).definition();
    FormEngine engine = FormEngine.evaluate(app, Map.of(), antrag.answers());
    model.addAttribute("antrag", antrag);
    model.addAttribute("name", app.name().in(locale));
    model.addAttribute("timeline", timelines.of(antrag, locale));
    model.addAttribute(
        "sections",
        new FieldViews(app, engine, antrag.answers(), List.of(), locale, messages, true)
            .summary(""));
    return "applications/my-antrag";
  }

  @GetMapping("/konto/antraege/{reference}/eingangsbestaetigung.pdf")
  ResponseEntity<byte[]> receipt(@PathVariable String reference, Principal principal) {
    Antrag antrag = antraege.ofAccount(reference, UUID.fromString(principal.getName()));
    return Downloads.attachment(
        "Eingangsbestaetigung-" + reference + ".pdf",
        MediaType.APPLICATION_PDF_VALUE,
        antraege.receipt(antrag.id()));
  }

  @PostMapping("/konto/antraege/entwuerfe/{draftId}/loeschen")
  String deleteDraft(@PathVariable UUID draftId, Principal principal, RedirectAttributes redirect) {
    UUID account = UUID.fromString(principal.getName());
    if (drafts
        .find(draftId)
        .filter(d -> account.equals(d.accountId()) && !d.submitted())
        .isEmpty()) {
      throw new Drafts.DraftNotFoundException();
    }
    drafts.delete(draftId);
    redirect.addFlashAttribute("deleted", true);
    return "redirect:/konto/antraege";
  }

  private String appName(String appId, int version, Locale locale) {
    return store.version(appId, version).definition().name().in(locale);
  }
}
