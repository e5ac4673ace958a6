package de.amtsweg.casework.web;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachException;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.casework.BescheidTemplates;
import de.amtsweg.casework.Bescheide;
import de.amtsweg.casework.CaseworkException;
import de.amtsweg.casework.Caseworker;
import de.amtsweg.casework.Vorgaenge;
import de.amtsweg.casework.Vorgang;
import de.amtsweg.casework.VorgangStatus;
import de.amtsweg.platform.ProblemException;
import de.amtsweg.tenancy.TenantStaff;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Bescheid of a case: drafted from the template, documents attached, previewed as PDF, sent,
 * downloaded, and printed for the post.
 */
@Controller
class BescheidController {

  static final String BASE = CaseInboxController.BASE;

  private final Vorgaenge vorgaenge;
  private final Bescheide bescheide;
  private final MessageSource messages;

  BescheidController(Vorgaenge vorgaenge, Bescheide bescheide, MessageSource messages) {
    this.vorgaenge = vorgaenge;
    this.bescheide = bescheide;
    this.messages = messages;
  }

  @GetMapping(BASE + "/{reference}/bescheid")
  String bescheid(TenantStaff member, @PathVariable String reference, Model model) {
    Caseworker who = Staff.of(member);
    return page(who, reference, bescheide.draft(who, reference), null, null, model);
  }

  /**
   * One form for everything on the page, so that the typed text is never lost: documents chosen are
   * attached whichever button was pressed, "entfernen" removes one, "senden" sends.
   */
  @PostMapping(BASE + "/{reference}/bescheid")
  String send(
      TenantStaff member,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(name = "aktion", defaultValue = "") String action,
      @RequestParam(name = "anlagen", required = false) @Nullable List<MultipartFile> uploads,
      @RequestParam(name = "entfernen", required = false) @Nullable UUID remove,
      Model model,
      Locale locale,
      RedirectAttributes redirect)
      throws IOException {
    Caseworker who = Staff.of(member);
    if (remove != null) {
      bescheide.detach(who, reference, remove);
    }
    for (MultipartFile upload : uploads == null ? List.<MultipartFile>of() : uploads) {
      if (upload.isEmpty() && String.valueOf(upload.getOriginalFilename()).isBlank()) {
        continue;
      }
      try {
        bescheide.attach(
            who,
            reference,
            new PostfachMessage.File(
                String.valueOf(upload.getOriginalFilename()),
                String.valueOf(upload.getContentType()),
                upload.getBytes()));
      } catch (PostfachException e) {
        if (!e.isAboutAttachments()) {
          throw e;
        }
        return page(who, reference, text, null, problem(e, locale), model);
      } catch (CaseworkException.TooManyAttachments e) {
        return page(who, reference, text, null, problem(e, locale), model);
      }
    }
    String error =
        text.isBlank()
            ? "casework.bescheid.error.empty"
            : text.length() > BescheidTemplates.MAX_BODY
                ? "casework.bescheid.error.too-long"
                : null;
    if (error != null || !"senden".equals(action)) {
      // Attaching or removing a document does not judge the text yet.
      boolean judged = "senden".equals(action) || "vorschau".equals(action);
      return page(who, reference, text, judged ? error : null, null, model);
    }
    Bescheide.Sent sent = bescheide.send(who, reference, text.strip());
    redirect.addFlashAttribute(
        "notice",
        !sent.inPostfach()
            ? "casework.notice.bescheid.no-postfach"
            : sent.postal() ? "casework.notice.bescheid.post" : "casework.notice.bescheid");
    return "redirect:" + BASE + "/" + reference;
  }

  private String problem(ProblemException e, Locale locale) {
    return messages.getMessage("problem." + e.type() + ".detail", e.detailArguments(), locale);
  }

  private String page(
      Caseworker who,
      String reference,
      String text,
      @Nullable String error,
      @Nullable String attachmentError,
      Model model) {
    Vorgang vorgang = vorgaenge.get(who, reference);
    model.addAttribute("vorgang", vorgang);
    model.addAttribute("base", BASE + "/" + reference);
    model.addAttribute("text", text);
    model.addAttribute("errorMessage", error);
    model.addAttribute("attachmentError", attachmentError);
    model.addAttribute("attachments", bescheide.attachments(who, reference));
    model.addAttribute("maxMb", Postfach.MAX_ATTACHMENT_BYTES / 1_000_000);
    model.addAttribute("maxFiles", Bescheide.MAX_ATTACHMENTS);
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

  @GetMapping(BASE + "/{reference}/bescheide/{id}/post.pdf")
  ResponseEntity<byte[]> forPost(
      TenantStaff member, @PathVariable String reference, @PathVariable UUID id) {
    byte[] pdf = bescheide.printForPost(Staff.of(member), reference, id);
    return Staff.download(
        "Bescheid-" + reference + "-Postversand.pdf", MediaType.APPLICATION_PDF_VALUE, pdf);
  }

  @GetMapping(BASE + "/{reference}/bescheide/{id}")
  ResponseEntity<byte[]> sent(
      TenantStaff member, @PathVariable String reference, @PathVariable UUID id) {
    byte[] pdf = bescheide.download(Staff.of(member), reference, id);
    return Staff.download("Bescheid-" + reference + ".pdf", MediaType.APPLICATION_PDF_VALUE, pdf);
  }
}
