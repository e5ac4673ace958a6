package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.AuthorityNotFoundException;
import de.amtsweg.tenancy.Colours;
import de.amtsweg.tenancy.Readiness;
import de.amtsweg.tenancy.ReadinessCheck.Viewer;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantException;
import de.amtsweg.tenancy.TenantManagement;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.groups.Default;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The platform operator's pages to create and edit tenants (behind the staff login). A tenant is
 * created in two steps: pick its authority from the Gemeindeverzeichnis (a GET search; with htmx
 * the same URL returns only the results while typing), then fill in its profile.
 */
@Controller
@RequestMapping("/admin")
class TenantAdminController {

  /**
   * Where the operator invites a tenant's staff, the next step after creating it. The page belongs
   * to staff management (platform); this is the one place here that names its path. The tenant and
   * the role tenant admin are preselected there by query parameters.
   */
  static final String STAFF_INVITATION_PATH = "/admin/mitarbeitende/einladen";

  private static final String FORM = "tenancy/admin/tenant-form";
  private static final String PICKER = "tenancy/admin/tenant-picker";
  private static final int MAX_CANDIDATES = 20;

  /** The form's fields top to bottom: the error summary lists errors in this order. */
  private static final List<String> EDIT_FIELDS =
      List.of(
          "displayName",
          "primaryColour",
          "street",
          "postcode",
          "city",
          "phone",
          "email",
          "website",
          "openingHours",
          "impressum",
          "datenschutz",
          "accessibilityContact");

  private static final List<String> CREATE_FIELDS =
      Stream.concat(Stream.of("authorityArs", "slug"), EDIT_FIELDS.stream()).toList();

  private final TenantManagement tenants;
  private final Authorities authorities;
  private final AuthorityLabels labels;
  private final Readiness readiness;
  private final MessageSource messages;

  TenantAdminController(
      TenantManagement tenants,
      Authorities authorities,
      AuthorityLabels labels,
      Readiness readiness,
      MessageSource messages) {
    this.tenants = tenants;
    this.authorities = authorities;
    this.labels = labels;
    this.readiness = readiness;
    this.messages = messages;
  }

  /** Blank optional fields are absent, not empty strings; text is trimmed. */
  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping
  String start() {
    return "redirect:/admin/mandanten";
  }

  @GetMapping("/mandanten")
  String list(Model model) {
    List<Tenant> all = tenants.all();
    Map<String, Readiness.Checklist> checklists = new HashMap<>();
    all.forEach(t -> checklists.put(t.slug(), readiness.of(t, Viewer.OPERATOR)));
    model.addAttribute("tenants", all);
    model.addAttribute("checklists", checklists);
    return "tenancy/admin/tenants";
  }

  /**
   * Step one, the picker: a search over the authorities of the Land ({@code q}); step two, once one
   * is chosen ({@code ars}): the profile form with what the Gemeindeverzeichnis knows filled in.
   */
  @GetMapping("/mandanten/neu")
  String newTenant(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String ars,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    response.addHeader(HttpHeaders.VARY, "HX-Request");
    @Nullable Authority chosen = ars == null ? null : authorities.find(ars.strip()).orElse(null);
    if (chosen != null && tenants.byAuthority(chosen.ars()).isEmpty()) {
      TenantForm form = new TenantForm();
      form.setAuthorityArs(chosen.ars());
      form.setSlug(Slugs.propose(chosen, slug -> tenants.bySlug(slug).isPresent()));
      form.setDisplayName(chosen.displayName());
      return showForm(model, form, null, locale);
    }
    String query = q == null ? "" : q.strip();
    boolean fragment = "true".equals(htmx);
    model.addAttribute("query", query);
    model.addAttribute("notChoosable", ars != null);
    if (query.length() > AuthorityApiController.MAX_QUERY_LENGTH) {
      model.addAttribute("queryError", "onboarding.picker.error.too-long");
      model.addAttribute("candidates", null);
    } else {
      model.addAttribute("candidates", query.isEmpty() ? null : candidates(query, locale));
    }
    return fragment ? PICKER + " :: results" : PICKER;
  }

  @PostMapping("/mandanten")
  String create(
      @Validated({Default.class, TenantForm.Creation.class}) @ModelAttribute("form")
          TenantForm form,
      BindingResult errors,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    checkContrast(form, errors, locale);
    if (!errors.hasErrors()) {
      try {
        Tenant tenant =
            tenants.create(
                String.valueOf(form.getSlug()),
                String.valueOf(form.getAuthorityArs()),
                form.toProfile());
        redirect.addFlashAttribute("saved", tenant.displayName());
        redirect.addFlashAttribute("created", true);
        return "redirect:/admin/mandanten/" + tenant.slug();
      } catch (AuthorityNotFoundException e) {
        errors.rejectValue("authorityArs", "tenant.error.authority.unknown");
      } catch (TenantException e) {
        errors.rejectValue(
            TenantException.SLUG_TAKEN.equals(e.type()) ? "slug" : "authorityArs", e.type());
      }
    }
    return showForm(model, form, null, locale);
  }

  @GetMapping("/mandanten/{slug}")
  String edit(@PathVariable String slug, Model model, Locale locale) {
    Tenant tenant = find(slug);
    return showForm(model, TenantForm.of(tenant), tenant, locale);
  }

  @PostMapping("/mandanten/{slug}")
  String update(
      @PathVariable String slug,
      @Validated @ModelAttribute("form") TenantForm form,
      BindingResult errors,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Tenant tenant = find(slug);
    checkContrast(form, errors, locale);
    if (!errors.hasErrors()) {
      try {
        Tenant saved = tenants.update(slug, form.toProfile(), form.getVersion());
        redirect.addFlashAttribute("saved", saved.displayName());
        return "redirect:/admin/mandanten";
      } catch (TenantException e) {
        // Someone saved in between: keep this input, show the conflict.
        errors.reject(e.type());
      }
    }
    return showForm(model, form, tenant, locale);
  }

  @PostMapping("/mandanten/{slug}/logo")
  String uploadLogo(
      @PathVariable String slug,
      @RequestParam("logo") MultipartFile logo,
      Model model,
      Locale locale,
      RedirectAttributes redirect)
      throws IOException {
    Tenant tenant = find(slug);
    try {
      tenants.setLogo(slug, logo.getBytes());
    } catch (TenantException e) {
      model.addAttribute(
          "logoError",
          messages.getMessage("problem." + e.type() + ".detail", e.detailArguments(), locale));
      return showForm(model, TenantForm.of(tenant), tenant, locale);
    }
    redirect.addFlashAttribute("logoSaved", true);
    return "redirect:/admin/mandanten/" + slug;
  }

  private List<Candidate> candidates(String query, Locale locale) {
    return authorities.search(query, MAX_CANDIDATES).stream()
        .map(
            a ->
                new Candidate(
                    a,
                    labels.label(a, locale),
                    tenants.byAuthority(a.ars()).map(Tenant::slug).orElse(null)))
        .toList();
  }

  /**
   * An authority the search found.
   *
   * @param tenantSlug the tenant it already is, if it is one: then it cannot be chosen again
   */
  record Candidate(Authority authority, String label, @Nullable String tenantSlug) {}

  private Tenant find(String slug) {
    return tenants
        .bySlug(slug)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static void checkContrast(TenantForm form, BindingResult errors, Locale locale) {
    String colour = form.getPrimaryColour();
    if (colour != null
        && !errors.hasFieldErrors("primaryColour")
        && Colours.contrastWithWhite(colour) < Colours.MINIMUM_CONTRAST) {
      errors.rejectValue(
          "primaryColour",
          "tenant.error.colour.contrast",
          new Object[] {String.format(locale, "%.1f", Colours.contrastWithWhite(colour))},
          null);
    }
  }

  private String showForm(Model model, TenantForm form, @Nullable Tenant tenant, Locale locale) {
    boolean creating = tenant == null;
    model.addAttribute("form", form);
    model.addAttribute("creating", creating);
    model.addAttribute("fieldOrder", creating ? CREATE_FIELDS : EDIT_FIELDS);
    model.addAttribute("slug", tenant == null ? null : tenant.slug());
    String ars = tenant == null ? form.getAuthorityArs() : tenant.authorityArs();
    @Nullable Authority authority =
        ars == null || !ars.matches("[0-9]{12}") ? null : authorities.find(ars).orElse(null);
    model.addAttribute("authority", authority);
    model.addAttribute(
        "authorityLabel", authority == null ? null : labels.label(authority, locale));
    if (tenant != null) {
      model.addAttribute("checklist", readiness.of(tenant, Viewer.OPERATOR));
      model.addAttribute(
          "staffInvitation",
          UriComponentsBuilder.fromPath(STAFF_INVITATION_PATH)
              .queryParam("tenant", tenant.slug())
              .queryParam("role", "TENANT_ADMIN")
              .toUriString());
    }
    model.addAttribute("hasLogo", tenant != null && tenant.hasLogo());
    model.addAttribute(
        "heading",
        tenant == null
            ? messages.getMessage("admin.tenant.new.title", null, locale)
            : messages.getMessage(
                "admin.tenant.edit.title", new Object[] {tenant.displayName()}, locale));
    model.addAttribute(
        "action", tenant == null ? "/admin/mandanten" : "/admin/mandanten/" + tenant.slug());
    return FORM;
  }
}
