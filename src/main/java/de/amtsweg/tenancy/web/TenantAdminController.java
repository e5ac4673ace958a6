package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.AuthorityNotFoundException;
import de.amtsweg.tenancy.Colours;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantException;
import de.amtsweg.tenancy.TenantManagement;
import jakarta.validation.groups.Default;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform operator's pages to create and edit tenants (behind the staff login). */
@Controller
@RequestMapping("/admin")
class TenantAdminController {

  private static final String FORM = "tenancy/admin/tenant-form";

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
          "datenschutz");

  private static final List<String> CREATE_FIELDS =
      Stream.concat(Stream.of("authorityArs", "slug"), EDIT_FIELDS.stream()).toList();

  private final TenantManagement tenants;
  private final MessageSource messages;

  TenantAdminController(TenantManagement tenants, MessageSource messages) {
    this.tenants = tenants;
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
    model.addAttribute("tenants", tenants.all());
    return "tenancy/admin/tenants";
  }

  @GetMapping("/mandanten/neu")
  String newTenant(Model model, Locale locale) {
    return showForm(model, new TenantForm(), null, locale);
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
        return "redirect:/admin/mandanten";
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
