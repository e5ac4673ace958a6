package de.amtsweg.casework.web;

import de.amtsweg.account.PostfachMessage;
import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragPayments;
import de.amtsweg.applications.AntragStatus;
import de.amtsweg.applications.Attachments;
import de.amtsweg.applications.receipt.ReceiptData;
import de.amtsweg.applications.receipt.ReceiptView;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.casework.BescheidTemplates;
import de.amtsweg.casework.Caseworker;
import de.amtsweg.casework.Vorgaenge;
import de.amtsweg.casework.Vorgang;
import de.amtsweg.platform.Money;
import de.amtsweg.platform.StaffDirectory;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case inbox of a tenant's caseworkers and admins: the list with filters and paging, and the
 * case page with its actions. The tenant comes from the login; every action is a POST with the CSRF
 * token, followed by a redirect (POST-redirect-GET), and works without JavaScript.
 */
@Controller
class CaseInboxController {

  static final String BASE = "/verwaltung/vorgaenge";
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private final Vorgaenge vorgaenge;
  private final BescheidTemplates templates;
  private final AppStore store;
  private final Staff staff;
  private final MessageSource messages;
  private final JsonMapper json;
  private final AntragPayments payments;

  CaseInboxController(
      Vorgaenge vorgaenge,
      BescheidTemplates templates,
      AppStore store,
      Staff staff,
      MessageSource messages,
      JsonMapper json,
      AntragPayments payments) {
    this.vorgaenge = vorgaenge;
    this.payments = payments;
    this.templates = templates;
    this.store = store;
    this.staff = staff;
    this.messages = messages;
    this.json = json;
  }

  // --- the inbox ---

  @GetMapping(BASE)
  String inbox(
      Authentication authentication,
      @RequestParam(required = false) @Nullable String app,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String von,
      @RequestParam(required = false) @Nullable String bis,
      @RequestParam(name = "zugewiesen", required = false) @Nullable String assignee,
      @RequestParam(name = "seite", required = false) @Nullable String seite,
      Model model,
      Locale locale) {
    Caseworker who = staff.of(authentication);
    List<StaffDirectory.StaffMember> colleagues = vorgaenge.colleagues(who);
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put("app", Staff.blankToNull(app));
    filter.put("status", Staff.blankToNull(status));
    filter.put("von", Staff.blankToNull(von));
    filter.put("bis", Staff.blankToNull(bis));
    filter.put("zugewiesen", Staff.blankToNull(assignee));
    model.addAttribute("filter", filter);
    model.addAttribute("statuses", AntragStatus.values());
    model.addAttribute(
        "apps",
        vorgaenge.appIds(who).stream()
            .collect(
                Collectors.toMap(
                    Function.identity(),
                    id -> appName(id, locale),
                    (a, b) -> a,
                    LinkedHashMap::new)));
    model.addAttribute("colleagues", colleagues);
    model.addAttribute("names", names(colleagues));
    model.addAttribute("zone", ZONE);
    AntragStatus statusValue = parseStatus(filter.get("status"));
    LocalDate from;
    LocalDate to;
    try {
      from = Staff.date(von);
    } catch (DateTimeParseException e) {
      return filterError(model, "von", "casework.filter.error.date");
    }
    try {
      to = Staff.date(bis);
    } catch (DateTimeParseException e) {
      return filterError(model, "bis", "casework.filter.error.date");
    }
    if (from != null && to != null && to.isBefore(from)) {
      return filterError(model, "bis", "casework.filter.error.range");
    }
    Vorgaenge.Page page =
        vorgaenge.search(
            who,
            new Vorgaenge.Filter(
                filter.get("app"), statusValue, from, to, filter.get("zugewiesen")),
            Staff.page(seite));
    model.addAttribute("page", page);
    model.addAttribute(
        "previous", page.page() > 0 ? Staff.pageLink(BASE, filter, page.page()) : null);
    model.addAttribute(
        "next",
        page.page() + 1 < page.pages() ? Staff.pageLink(BASE, filter, page.page() + 2) : null);
    return "casework/inbox";
  }

  private String filterError(Model model, String field, String key) {
    model.addAttribute("errorField", field);
    model.addAttribute("errorMessage", key);
    model.addAttribute("page", null);
    return "casework/inbox";
  }

  private static @Nullable AntragStatus parseStatus(@Nullable String value) {
    return value == null
        ? null
        : Arrays.stream(AntragStatus.values())
            .filter(s -> s.name().equals(value))
            .findFirst()
            .orElse(null);
  }

  // --- one case ---

  @GetMapping(BASE + "/{reference}")
  String show(
      Authentication authentication, @PathVariable String reference, Model model, Locale locale) {
    return page(staff.of(authentication), reference, model, locale);
  }

  private String page(Caseworker who, String reference, Model model, Locale locale) {
    Vorgaenge.Opened opened = vorgaenge.open(who, reference);
    Antrag antrag = opened.antrag();
    List<StaffDirectory.StaffMember> colleagues = vorgaenge.colleagues(who);
    model.addAttribute("opened", opened);
    model.addAttribute("vorgang", opened.vorgang());
    model.addAttribute("antrag", antrag);
    model.addAttribute("base", BASE + "/" + reference);
    model.addAttribute("appName", opened.app().name().in(locale));
    model.addAttribute(
        "view", ReceiptView.of(opened.app(), receiptData(antrag, opened, locale), messages));
    model.addAttribute(
        "timeline",
        opened.timeline().stream()
            .map(
                e ->
                    Map.of(
                        "at", e.at(),
                        "text",
                            messages.getMessage(
                                "applications.event." + e.type(),
                                new Object[] {""},
                                e.type(),
                                locale)))
            .toList());
    model.addAttribute("colleagues", colleagues);
    model.addAttribute("names", names(colleagues));
    model.addAttribute("me", who.username());
    model.addAttribute(
        "nextStatuses",
        Arrays.stream(AntragStatus.values())
            .filter(s -> s != AntragStatus.RUECKFRAGE && opened.vorgang().status().canBecome(s))
            .toList());
    model.addAttribute("canDecide", opened.vorgang().status().canBecome(AntragStatus.BESCHIEDEN));
    model.addAttribute("zone", ZONE);
    AntragPayments.Due due = payments.due(antrag).orElse(null);
    model.addAttribute("due", due);
    model.addAttribute("dueAmount", due == null ? null : Money.euros(due.amountCents()));
    // Pay after the Bescheid: the authority sets the amount once; then the applicant is asked to
    // pay it.
    model.addAttribute("canSetFee", AFTER_BESCHEID.equals(antrag.paymentPolicy()) && due == null);
    return "casework/case";
  }

  private static ReceiptData receiptData(Antrag antrag, Vorgaenge.Opened opened, Locale locale) {
    return new ReceiptData(
        antrag.reference(),
        antrag.appId(),
        opened.app().name(),
        antrag.appVersion(),
        antrag.authorityName(),
        antrag.tenantArs(),
        List.of(),
        antrag.submittedAt(),
        antrag.applicantName(),
        antrag.answers(),
        antrag.computed(),
        antrag.fee(),
        List.of(),
        opened.attachments().stream()
            .map(a -> new ReceiptData.Attachment(a.name(), a.contentType(), a.size()))
            .toList(),
        locale);
  }

  private static final String AFTER_BESCHEID = "AFTER_BESCHEID";

  /** Euros as people type them: {@code 96}, {@code 96,5}, {@code 96.50}. */
  private static final Pattern EUROS = Pattern.compile("(\\d{1,6})(?:[.,](\\d{1,2}))?");

  /**
   * The fee of an app the tenant charges after the Bescheid; the applicant is asked to pay it
   * online.
   */
  @PostMapping(BASE + "/{reference}/gebuehr")
  String setFee(
      Authentication authentication,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String betrag,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Caseworker who = staff.of(authentication);
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
    vorgaenge.open(who, reference);
    try {
      payments.setAmountDue(who.tenantArs(), reference, cents, who.username());
    } catch (AntragPayments.NothingDueException e) {
      return withError(
          who, reference, model, locale, "betrag", "casework.fee.error.not-due", betrag);
    }
    redirect.addFlashAttribute("notice", "casework.notice.fee");
    return "redirect:" + BASE + "/" + reference;
  }

  @PostMapping(BASE + "/{reference}/zuweisen")
  String assign(
      Authentication authentication,
      @PathVariable String reference,
      @RequestParam(name = "zugewiesen", defaultValue = "") String assignee,
      RedirectAttributes redirect) {
    vorgaenge.assign(staff.of(authentication), reference, assignee.isBlank() ? null : assignee);
    redirect.addFlashAttribute(
        "notice", assignee.isBlank() ? "casework.notice.unassigned" : "casework.notice.assigned");
    return "redirect:" + BASE + "/" + reference;
  }

  @PostMapping(BASE + "/{reference}/status")
  String status(
      Authentication authentication,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String status,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Caseworker who = staff.of(authentication);
    AntragStatus next = parseStatus(status);
    if (next == null || next == AntragStatus.RUECKFRAGE) {
      return withError(who, reference, model, locale, "status", "casework.status.error", null);
    }
    vorgaenge.changeStatus(who, reference, next);
    redirect.addFlashAttribute("notice", "casework.notice.status");
    return "redirect:" + BASE + "/" + reference;
  }

  @PostMapping(BASE + "/{reference}/notizen")
  String note(
      Authentication authentication,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String notiz,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Caseworker who = staff.of(authentication);
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
      Authentication authentication,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String frage,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Caseworker who = staff.of(authentication);
    String text = frage.strip();
    String error =
        text.isEmpty()
            ? "casework.question.error.empty"
            : text.length() > Vorgaenge.MAX_TEXT ? "casework.question.error.too-long" : null;
    if (error != null) {
      return withError(who, reference, model, locale, "frage", error, frage);
    }
    vorgaenge.ask(who, reference, text);
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

  // --- Bescheid ---

  @GetMapping(BASE + "/{reference}/bescheid")
  String bescheid(Authentication authentication, @PathVariable String reference, Model model) {
    Caseworker who = staff.of(authentication);
    return bescheidPage(who, reference, vorgaenge.bescheidDraft(who, reference), null, model);
  }

  @PostMapping(BASE + "/{reference}/bescheid")
  String sendBescheid(
      Authentication authentication,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(name = "aktion", defaultValue = "") String action,
      Model model,
      RedirectAttributes redirect) {
    Caseworker who = staff.of(authentication);
    String error =
        text.isBlank()
            ? "casework.bescheid.error.empty"
            : text.length() > BescheidTemplates.MAX_BODY
                ? "casework.bescheid.error.too-long"
                : null;
    if (error != null || !"senden".equals(action)) {
      return bescheidPage(who, reference, text, error, model);
    }
    Vorgaenge.SentBescheid sent = vorgaenge.sendBescheid(who, reference, text.strip());
    redirect.addFlashAttribute(
        "notice",
        sent.inPostfach() ? "casework.notice.bescheid" : "casework.notice.bescheid.no-postfach");
    return "redirect:" + BASE + "/" + reference;
  }

  private String bescheidPage(
      Caseworker who, String reference, String text, @Nullable String error, Model model) {
    Vorgang vorgang = vorgaenge.get(who, reference);
    model.addAttribute("vorgang", vorgang);
    model.addAttribute("base", BASE + "/" + reference);
    model.addAttribute("text", text);
    model.addAttribute("errorMessage", error);
    model.addAttribute("canDecide", vorgang.status().canBecome(AntragStatus.BESCHIEDEN));
    return "casework/bescheid";
  }

  @PostMapping(BASE + "/{reference}/bescheid/vorschau.pdf")
  ResponseEntity<byte[]> previewBescheid(
      Authentication authentication,
      @PathVariable String reference,
      @RequestParam(defaultValue = "") String text) {
    if (text.isBlank() || text.length() > BescheidTemplates.MAX_BODY) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    byte[] pdf = vorgaenge.previewBescheid(staff.of(authentication), reference, text);
    return Staff.download(
        "Bescheid-Vorschau-" + reference + ".pdf", MediaType.APPLICATION_PDF_VALUE, pdf);
  }

  @GetMapping(BASE + "/{reference}/bescheide/{id}")
  ResponseEntity<byte[]> sentBescheid(
      Authentication authentication, @PathVariable String reference, @PathVariable UUID id) {
    byte[] pdf = vorgaenge.bescheid(staff.of(authentication), reference, id);
    return Staff.download("Bescheid-" + reference + ".pdf", MediaType.APPLICATION_PDF_VALUE, pdf);
  }

  // --- files and exports ---

  @GetMapping(BASE + "/{reference}/anhaenge/{id}")
  ResponseEntity<byte[]> attachment(
      Authentication authentication, @PathVariable String reference, @PathVariable UUID id) {
    Attachments.Content file = vorgaenge.attachment(staff.of(authentication), reference, id);
    return Staff.download(file.name(), file.contentType(), file.bytes());
  }

  @GetMapping(BASE + "/{reference}/antworten/{reply}/anhaenge/{id}")
  ResponseEntity<byte[]> replyAttachment(
      Authentication authentication,
      @PathVariable String reference,
      @PathVariable UUID reply,
      @PathVariable UUID id) {
    PostfachMessage.File file =
        vorgaenge.replyAttachment(staff.of(authentication), reference, reply, id);
    return Staff.download(file.fileName(), file.contentType(), file.content());
  }

  @GetMapping(BASE + "/{reference}/eingangsbestaetigung.pdf")
  ResponseEntity<byte[]> receipt(Authentication authentication, @PathVariable String reference) {
    Vorgaenge.Exported exported =
        vorgaenge.export(staff.of(authentication), reference, Vorgaenge.Export.RECEIPT);
    return Staff.download(
        "Eingangsbestaetigung-" + reference + ".pdf",
        MediaType.APPLICATION_PDF_VALUE,
        exported.receipt());
  }

  @GetMapping(BASE + "/{reference}/export.{format}")
  ResponseEntity<byte[]> export(
      Authentication authentication, @PathVariable String reference, @PathVariable String format) {
    Caseworker who = staff.of(authentication);
    return switch (format) {
      case "pdf" ->
          Staff.download(
              "Antrag-" + reference + ".pdf",
              MediaType.APPLICATION_PDF_VALUE,
              vorgaenge.export(who, reference, Vorgaenge.Export.PDF).receipt());
      case "json" ->
          Staff.download(
              "Antrag-" + reference + ".json",
              MediaType.APPLICATION_JSON_VALUE,
              json.writeValueAsBytes(
                  exportJson(vorgaenge.export(who, reference, Vorgaenge.Export.JSON).antrag())));
      case "xml" ->
          Staff.download(
              "Antrag-" + reference + ".xml",
              MediaType.APPLICATION_XML_VALUE,
              vorgaenge
                  .export(who, reference, Vorgaenge.Export.XML)
                  .antrag()
                  .answersXml()
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    };
  }

  private static Map<String, Object> exportJson(Antrag antrag) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reference", antrag.reference());
    out.put("appId", antrag.appId());
    out.put("appVersion", antrag.appVersion());
    out.put("tenantArs", antrag.tenantArs());
    out.put("authority", antrag.authorityName());
    out.put("status", antrag.status().name());
    out.put("submittedAt", antrag.submittedAt().toString());
    out.put("applicantName", antrag.applicantName());
    out.put("contactEmail", antrag.contactEmail());
    out.put("fee", antrag.fee());
    out.put("answers", antrag.answers());
    out.put("computed", antrag.computed());
    return out;
  }

  // --- helpers ---

  private String appName(String appId, Locale locale) {
    return store.latest(appId).map(app -> app.definition().name().in(locale)).orElse(appId);
  }

  static Map<String, String> names(List<StaffDirectory.StaffMember> colleagues) {
    return colleagues.stream()
        .collect(
            Collectors.toMap(
                StaffDirectory.StaffMember::username,
                StaffDirectory.StaffMember::displayName,
                (a, b) -> a,
                LinkedHashMap::new));
  }
}
