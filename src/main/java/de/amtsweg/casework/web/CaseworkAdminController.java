package de.amtsweg.casework.web;

import de.amtsweg.appstore.Activation;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.casework.AuditAction;
import de.amtsweg.casework.BescheidTemplates;
import de.amtsweg.casework.CaseAudit;
import de.amtsweg.casework.CaseworkProperties;
import de.amtsweg.casework.Caseworker;
import de.amtsweg.tenancy.TenantStaff;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the tenant's admins keep for the case inbox: the Bescheid template and the retention period
 * of each app they offer, and the audit log.
 */
@Controller
class CaseworkAdminController {

  static final String TEMPLATES = "/verwaltung/vorgaenge/vorlagen";
  static final String AUDIT = "/verwaltung/protokoll";

  private final BescheidTemplates templates;
  private final CaseAudit audit;
  private final AppStore store;
  private final MessageSource messages;
  private final CaseworkProperties properties;

  CaseworkAdminController(
      BescheidTemplates templates,
      CaseAudit audit,
      AppStore store,
      MessageSource messages,
      CaseworkProperties properties) {
    this.templates = templates;
    this.audit = audit;
    this.store = store;
    this.messages = messages;
    this.properties = properties;
  }

  // --- templates and retention ---

  @GetMapping(TEMPLATES)
  String list(TenantStaff member, Model model, Locale locale) {
    Caseworker admin = Staff.of(member);
    List<Map<String, Object>> apps =
        store.activations(admin.tenantArs()).stream()
            .filter(Activation::active)
            .map(
                a -> {
                  BescheidTemplates.Setting setting = templates.of(admin.tenantArs(), a.appId());
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("id", a.appId());
                  row.put(
                      "name",
                      store
                          .latest(a.appId())
                          .map(p -> p.definition().name().in(locale))
                          .orElse(a.appId()));
                  row.put("custom", setting.template().custom());
                  row.put(
                      "days",
                      setting.retentionDays() != null
                          ? setting.retentionDays()
                          : properties.retentionDays());
                  row.put("ownDays", setting.retentionDays() != null);
                  return row;
                })
            .toList();
    model.addAttribute("apps", apps);
    model.addAttribute("defaultDays", properties.retentionDays());
    return "casework/templates";
  }

  /**
   * The form of one app's template and retention (a bean: the form fragments bind to properties).
   */
  public static class SettingForm {
    private String subject = "";
    private String body = "";
    private String retentionDays = "";

    public SettingForm() {}

    SettingForm(String subject, String body, String retentionDays) {
      this.subject = subject;
      this.body = body;
      this.retentionDays = retentionDays;
    }

    public String getSubject() {
      return subject;
    }

    public void setSubject(@Nullable String v) {
      subject = v == null ? "" : v;
    }

    public String getBody() {
      return body;
    }

    public void setBody(@Nullable String v) {
      body = v == null ? "" : v;
    }

    public String getRetentionDays() {
      return retentionDays;
    }

    public void setRetentionDays(@Nullable String v) {
      retentionDays = v == null ? "" : v;
    }
  }

  @GetMapping(TEMPLATES + "/{appId}")
  String edit(TenantStaff member, @PathVariable String appId, Model model, Locale locale) {
    Caseworker admin = Staff.of(member);
    PublishedApp app = offered(admin, appId);
    BescheidTemplates.Setting setting = templates.of(admin.tenantArs(), appId);
    model.addAttribute(
        "form",
        new SettingForm(
            setting.template().subject(),
            setting.template().body(),
            setting.retentionDays() == null ? "" : setting.retentionDays().toString()));
    return editPage(app, model, locale);
  }

  @PostMapping(TEMPLATES + "/{appId}")
  String save(
      TenantStaff member,
      @PathVariable String appId,
      @ModelAttribute("form") SettingForm form,
      BindingResult errors,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Caseworker admin = Staff.of(member);
    PublishedApp app = offered(admin, appId);
    String subject = form.getSubject().strip();
    String body = form.getBody().strip();
    if (subject.isEmpty()) {
      errors.rejectValue("subject", "casework.template.error.subject.empty");
    } else if (subject.length() > BescheidTemplates.MAX_SUBJECT) {
      errors.rejectValue(
          "subject",
          "casework.template.error.subject.too-long",
          new Object[] {BescheidTemplates.MAX_SUBJECT},
          null);
    }
    if (body.isEmpty()) {
      errors.rejectValue("body", "casework.template.error.body.empty");
    } else if (body.length() > BescheidTemplates.MAX_BODY) {
      errors.rejectValue(
          "body",
          "casework.template.error.body.too-long",
          new Object[] {BescheidTemplates.MAX_BODY},
          null);
    }
    List<String> unknown =
        new java.util.ArrayList<>(templates.unknownPlaceholders(subject, app.definition()));
    templates.unknownPlaceholders(body, app.definition()).stream()
        .filter(p -> !unknown.contains(p))
        .forEach(unknown::add);
    if (!unknown.isEmpty() && !errors.hasFieldErrors("body")) {
      errors.rejectValue(
          "body",
          "casework.template.error.placeholder",
          new Object[] {String.join(", ", unknown.stream().map(p -> "{{" + p + "}}").toList())},
          null);
    }
    Integer days = null;
    String retention = form.getRetentionDays().strip();
    if (!retention.isEmpty()) {
      try {
        days = Integer.parseInt(retention);
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (days < 1 || days > 3650) {
        errors.rejectValue("retentionDays", "casework.template.error.retention");
      }
    }
    if (errors.hasErrors()) {
      return editPage(app, model, locale);
    }
    templates.save(admin, appId, subject, body, days);
    redirect.addFlashAttribute("saved", app.definition().name().in(locale));
    return "redirect:" + TEMPLATES;
  }

  private String editPage(PublishedApp app, Model model, Locale locale) {
    model.addAttribute("app", app.definition());
    model.addAttribute("appName", app.definition().name().in(locale));
    model.addAttribute("placeholders", templates.placeholders(app.definition()));
    model.addAttribute("defaultDays", properties.retentionDays());
    model.addAttribute("fieldOrder", List.of("subject", "body", "retentionDays"));
    return "casework/template-form";
  }

  /** An app the admin's tenant has switched on; any other is not found. */
  private PublishedApp offered(Caseworker admin, String appId) {
    return store
        .offered(admin.tenantArs(), appId)
        .map(AppStore.OfferedApp::app)
        .orElseThrow(
            () ->
                new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND));
  }

  // --- audit log ---

  @GetMapping(AUDIT)
  String audit(
      TenantStaff member,
      @RequestParam(name = "aktenzeichen", required = false) @Nullable String reference,
      @RequestParam(name = "benutzer", required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String von,
      @RequestParam(required = false) @Nullable String bis,
      @RequestParam(name = "seite", required = false) @Nullable String seite,
      Model model,
      Locale locale) {
    Caseworker admin = Staff.of(member);
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put("aktenzeichen", Staff.blankToNull(reference));
    filter.put("benutzer", Staff.blankToNull(actor));
    filter.put("von", Staff.blankToNull(von));
    filter.put("bis", Staff.blankToNull(bis));
    model.addAttribute("filter", filter);
    LocalDate from;
    LocalDate to;
    try {
      from = Staff.date(von);
      to = Staff.date(bis);
    } catch (DateTimeParseException e) {
      model.addAttribute("errorField", "von");
      model.addAttribute("errorMessage", "casework.filter.error.date");
      return "casework/audit";
    }
    CaseAudit.Page page =
        audit.search(
            admin,
            new CaseAudit.Filter(filter.get("aktenzeichen"), filter.get("benutzer"), from, to),
            Staff.page(seite));
    model.addAttribute("page", page);
    model.addAttribute("details", page.entries().stream().map(e -> detail(e, locale)).toList());
    model.addAttribute(
        "previous", page.page() > 0 ? Staff.pageLink(AUDIT, filter, page.page()) : null);
    model.addAttribute(
        "next",
        page.page() + 1 < page.pages() ? Staff.pageLink(AUDIT, filter, page.page() + 2) : null);
    return "casework/audit";
  }

  /** What an entry's detail says, in words. */
  private String detail(CaseAudit.Entry entry, Locale locale) {
    String detail = entry.detail();
    if (detail == null) {
      return "";
    }
    if (entry.action() == AuditAction.DELETED && detail.contains(";")) {
      String[] parts = detail.split(";", 2);
      String closed = parts[1];
      try {
        closed = LocalDate.parse(parts[1]).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
      } catch (DateTimeParseException keep) {
        // shown as stored
      }
      return messages.getMessage(
          "casework.audit.detail.deleted", new Object[] {parts[0], closed}, locale);
    }
    if (entry.action() == AuditAction.STATUS_CHANGED) {
      return Objects.requireNonNull(
          messages.getMessage("applications.status." + detail, null, detail, locale),
          "message with a default");
    }
    return detail;
  }
}
