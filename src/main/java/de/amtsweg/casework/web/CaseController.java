package de.amtsweg.casework.web;

import de.amtsweg.casework.Bescheide;
import de.amtsweg.casework.CaseFees;
import de.amtsweg.casework.Caseworker;
import de.amtsweg.casework.Rueckfragen;
import de.amtsweg.casework.Vorgaenge;
import de.amtsweg.casework.VorgangStatus;
import de.amtsweg.delivery.Document;
import de.amtsweg.forms.AnswerView;
import de.amtsweg.platform.Money;
import de.amtsweg.platform.ProblemException;
import de.amtsweg.platform.StaffDirectory;
import de.amtsweg.tenancy.TenantStaff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page with its actions: the Antrag in words, its timeline and files, assigning, status,
 * notes, questions to the applicant and the fee after the Bescheid. Every action is a POST with the
 * CSRF token, followed by a redirect (POST-redirect-GET), and works without JavaScript.
 */
@Controller
class CaseController {

  static final String BASE = CaseInboxController.BASE;
  private static final String AFTER_BESCHEID = "AFTER_BESCHEID";

  /** Euros as people type them: {@code 96}, {@code 96,5}, {@code 96.50}. */
  private static final Pattern EUROS = Pattern.compile("(\\d{1,6})(?:[.,](\\d{1,2}))?");

  private final Vorgaenge vorgaenge;
  private final Rueckfragen rueckfragen;
  private final CaseFees fees;
  private final MessageSource messages;

  CaseController(
      Vorgaenge vorgaenge, Rueckfragen rueckfragen, CaseFees fees, MessageSource messages) {
    this.vorgaenge = vorgaenge;
    this.rueckfragen = rueckfragen;
    this.fees = fees;
    this.messages = messages;
  }

  /** The Antrag's answers in words, and its fee. */
  record AnswersWithFee(
      List<AnswerView.Section> sections,
      List<AnswerView.Row> computed,
      String feeLabel,
      @Nullable String fee) {}

  @GetMapping(BASE + "/{reference}")
  String show(TenantStaff member, @PathVariable String reference, Model model, Locale locale) {
    return page(Staff.of(member), reference, model, locale);
  }

  private String page(Caseworker who, String reference, Model model, Locale locale) {
    Vorgaenge.Opened opened = vorgaenge.open(who, reference);
    Document antrag = opened.antrag();
    List<StaffDirectory.StaffMember> colleagues = vorgaenge.colleagues(who);
    AnswerView answers =
        AnswerView.of(opened.app(), antrag.data(), antrag.computed(), locale, messages);
    model.addAttribute("opened", opened);
    model.addAttribute("vorgang", opened.vorgang());
    model.addAttribute("antrag", antrag);
    model.addAttribute("base", BASE + "/" + reference);
    model.addAttribute("appName", opened.app().name().in(locale));
    model.addAttribute(
        "view",
        new AnswersWithFee(
            answers.sections(),
            answers.computed(),
            answers.feeLabel(),
            antrag.fee() == null ? null : AnswerView.money(antrag.fee(), locale)));
    model.addAttribute(
        "timeline",
        antrag.history().stream()
            .map(
                e ->
                    Map.of(
                        "at", e.at(),
                        "text", timelineText(e, locale)))
            .toList());
    model.addAttribute("colleagues", colleagues);
    model.addAttribute("names", Staff.names(colleagues));
    model.addAttribute("me", who.username());
    model.addAttribute(
        "nextStatuses",
        Arrays.stream(VorgangStatus.values())
            .filter(s -> s != VorgangStatus.RUECKFRAGE && opened.vorgang().status().canBecome(s))
            .toList());
    model.addAttribute("canDecide", opened.vorgang().status().canBecome(VorgangStatus.BESCHIEDEN));
    Document.Payment due = antrag.payment();
    model.addAttribute("due", due);
    model.addAttribute("dueAmount", due == null ? null : Money.euros(due.amountCents()));
    // Pay after the Bescheid: the authority sets the amount once; then the applicant is asked to
    // pay it.
    boolean canSetFee = AFTER_BESCHEID.equals(antrag.paymentPolicy()) && due == null;
    model.addAttribute("canSetFee", canSetFee);
    model.addAttribute("nextSteps", nextSteps(opened, canSetFee));
    return "casework/case";
  }

  /** What the case waits for, as message keys, most pressing first. */
  static List<String> nextSteps(Vorgaenge.Opened opened, boolean canSetFee) {
    VorgangStatus status = opened.vorgang().status();
    List<String> steps = new ArrayList<>();
    if (status == VorgangStatus.ABGESCHLOSSEN) {
      return steps;
    }
    if (opened.vorgang().assignee() == null) {
      steps.add("casework.next.assign");
    }
    if (opened.questions().stream().anyMatch(q -> q.replies().isEmpty())) {
      steps.add("casework.next.await-reply");
    }
    if (status == VorgangStatus.EINGEGANGEN) {
      steps.add("casework.next.start");
    }
    if (status.canBecome(VorgangStatus.BESCHIEDEN)) {
      steps.add("casework.next.bescheid");
    }
    if (opened.bescheide().stream().anyMatch(Bescheide.Sent::postal)) {
      steps.add("casework.next.post");
    }
    if (canSetFee && status == VorgangStatus.BESCHIEDEN) {
      steps.add("casework.next.fee");
    }
    if (status == VorgangStatus.BESCHIEDEN) {
      steps.add("casework.next.close");
    }
    return steps;
  }

  /**
   * The entry as the applicant reads it. Its note fills the placeholder (an amount, a
   * Kassenzeichen); without one the text without its placeholder is used, never "()".
   */
  private String timelineText(Document.Entry entry, Locale locale) {
    String key = "applications.event." + entry.type();
    String note = entry.note();
    if (note != null && !note.isBlank()) {
      String text = messages.getMessage(key, new Object[] {note}, entry.type(), locale);
      return text == null ? entry.type() : text;
    }
    String raw = messages.getMessage(key, null, entry.type(), locale);
    // Only a text with a placeholder needs one.
    if (raw == null || raw.indexOf('{') < 0) {
      return raw == null ? entry.type() : raw;
    }
    String text = messages.getMessage(key, new Object[] {""}, entry.type(), locale);
    if (text == null) {
      return entry.type();
    }
    // Drop what held the missing value: " ()", " (Kassenzeichen )", a trailing ": ".
    return text.replaceAll("\\s*\\([^()]*\\)", "").replaceAll(":\\s*$", "").strip();
  }

  /**
   * The fee of an app the tenant charges after the Bescheid; the applicant is asked to pay it
   * online.
   */
  @PostMapping(BASE + "/{reference}/gebuehr")
  String setFee(
      TenantStaff member,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String betrag,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Caseworker who = Staff.of(member);
    Matcher euros = EUROS.matcher(betrag.strip());
    long cents =
        euros.matches()
            ? Long.parseLong(euros.group(1)) * 100
                + (euros.group(2) == null
                    ? 0
                    : Long.parseLong((euros.group(2) + "0").substring(0, 2)))
            : 0;
    if (cents <= 0) {
      return withError(
          who, reference, model, locale, "betrag", "casework.fee.error.amount", betrag);
    }
    try {
      fees.charge(who, reference, cents);
    } catch (ProblemException e) {
      if (!CaseFees.NOTHING_DUE.equals(e.type())) {
        throw e;
      }
      return withError(
          who, reference, model, locale, "betrag", "casework.fee.error.not-due", betrag);
    }
    redirect.addFlashAttribute("notice", "casework.notice.fee");
    return "redirect:" + BASE + "/" + reference;
  }

  @PostMapping(BASE + "/{reference}/zuweisen")
  String assign(
      TenantStaff member,
      @PathVariable String reference,
      @RequestParam(name = "zugewiesen", defaultValue = "") String assignee,
      RedirectAttributes redirect) {
    vorgaenge.assign(Staff.of(member), reference, assignee.isBlank() ? null : assignee);
    redirect.addFlashAttribute(
        "notice", assignee.isBlank() ? "casework.notice.unassigned" : "casework.notice.assigned");
    return "redirect:" + BASE + "/" + reference;
  }

  @PostMapping(BASE + "/{reference}/status")
  String status(
      TenantStaff member,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String status,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Caseworker who = Staff.of(member);
    VorgangStatus next = CaseInboxController.parseStatus(status);
    if (next == null || next == VorgangStatus.RUECKFRAGE) {
      return withError(who, reference, model, locale, "status", "casework.status.error", null);
    }
    vorgaenge.changeStatus(who, reference, next);
    redirect.addFlashAttribute("notice", "casework.notice.status");
    return "redirect:" + BASE + "/" + reference;
  }

  @PostMapping(BASE + "/{reference}/notizen")
  String note(
      TenantStaff member,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String notiz,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Caseworker who = Staff.of(member);
    String text = notiz.strip();
    String error =
        text.isEmpty()
            ? "casework.note.error.empty"
            : text.length() > Vorgaenge.MAX_TEXT ? "casework.note.error.too-long" : null;
    if (error != null) {
      return withError(who, reference, model, locale, "notiz", error, notiz);
    }
    vorgaenge.addNote(who, reference, text);
    redirect.addFlashAttribute("notice", "casework.notice.note");
    return "redirect:" + BASE + "/" + reference + "#notizen";
  }

  @PostMapping(BASE + "/{reference}/rueckfrage")
  String ask(
      TenantStaff member,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String frage,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Caseworker who = Staff.of(member);
    String text = frage.strip();
    String error =
        text.isEmpty()
            ? "casework.question.error.empty"
            : text.length() > Vorgaenge.MAX_TEXT ? "casework.question.error.too-long" : null;
    if (error != null) {
      return withError(who, reference, model, locale, "frage", error, frage);
    }
    rueckfragen.ask(who, reference, text);
    redirect.addFlashAttribute("notice", "casework.notice.question");
    return "redirect:" + BASE + "/" + reference + "#verlauf";
  }

  private String withError(
      Caseworker who,
      String reference,
      Model model,
      Locale locale,
      String field,
      String key,
      @Nullable String text) {
    model.addAttribute("errorField", field);
    model.addAttribute("errorMessage", key);
    model.addAttribute(field, text);
    return page(who, reference, model, locale);
  }
}
