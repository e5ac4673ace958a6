package de.amtsweg.catalog.web;

import de.amtsweg.catalog.CatalogException;
import de.amtsweg.catalog.VerbundObjects;
import de.amtsweg.catalog.VerbundObjects.Kind;
import de.amtsweg.catalog.VerbundObjects.LinkStatus;
import de.amtsweg.catalog.VerbundObjects.Onlinedienst;
import de.amtsweg.catalog.VerbundObjects.Organisationseinheit;
import de.amtsweg.catalog.VerbundObjects.Rolle;
import de.amtsweg.catalog.VerbundObjects.Zustaendigkeitseintrag;
import de.amtsweg.platform.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's page for responsibility as data: the Organisationseinheiten, Onlinedienste (online
 * services of any provider, #16) and Zuständigkeiten Amtsweg knows, with their source. Objects
 * edited here have the source {@code amtsweg}; seeded and imported ones are shown read-only (their
 * source would overwrite a change at its next run).
 */
@Controller
@RequestMapping("/admin/katalog/verbund")
class VerbundAdminController {

  private static final String PAGE = "catalog/admin/verbund";
  private static final String OWN = VerbundObjects.OWN_SOURCE;
  static final int LISTED = 200;
  private static final List<String> UNIT_FIELDS =
      List.of(
          "unitName",
          "unitAuthorityArs",
          "unitStreet",
          "unitPostcode",
          "unitCity",
          "unitPhone",
          "unitEmail",
          "unitWebsite",
          "unitOpeningHours");
  private static final List<String> SERVICE_FIELDS =
      List.of("serviceName", "serviceProvider", "serviceUrl");
  private static final List<String> ENTRY_FIELDS =
      List.of("entryLeikaKey", "entryRegionArs", "entryTarget", "entryRolle");

  private final VerbundObjects objects;

  VerbundAdminController(VerbundObjects objects) {
    this.objects = objects;
  }

  @InitBinder({"unitForm", "serviceForm", "entryForm"})
  void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping
  String page(
      @RequestParam(name = "quelle", required = false) @Nullable String source,
      @RequestParam(name = "leistung", required = false) @Nullable String leikaKey,
      @RequestParam(name = "bearbeiten", required = false) @Nullable String editId,
      Model model) {
    UnitForm unitForm = new UnitForm();
    ServiceForm serviceForm = new ServiceForm();
    if (editId != null) {
      Organisationseinheit unit = objects.organisationseinheit(editId).orElse(null);
      Onlinedienst service = objects.onlinedienst(editId).orElse(null);
      if (unit != null && OWN.equals(unit.source())) {
        unitForm = UnitForm.of(unit);
      } else if (service != null && OWN.equals(service.source())) {
        serviceForm = ServiceForm.of(service);
      } else {
        throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
      }
    }
    return show(model, source, leikaKey, unitForm, serviceForm, new EntryForm());
  }

  @PostMapping("/organisationseinheit")
  String saveUnit(
      @Valid @ModelAttribute("unitForm") UnitForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        objects.save(
            new Organisationseinheit(
                ownId(form.unitId),
                OWN,
                Objects.requireNonNull(form.unitName, "validated"),
                form.unitAuthorityArs,
                form.unitStreet,
                form.unitPostcode,
                form.unitCity,
                form.unitPhone,
                form.unitEmail,
                form.unitWebsite,
                form.unitOpeningHours));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/katalog/verbund";
      } catch (ProblemException e) {
        errors.reject("problem." + e.type() + ".detail", e.detailArguments(), null);
      }
    }
    return show(model, null, null, form, new ServiceForm(), new EntryForm());
  }

  @PostMapping("/onlinedienst")
  String saveService(
      @Valid @ModelAttribute("serviceForm") ServiceForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (form.serviceUrl != null && !VerbundObjects.isWebAddress(form.serviceUrl)) {
      errors.rejectValue("serviceUrl", "catalog.verbund.error.url");
    }
    if (!errors.hasErrors()) {
      try {
        objects.save(
            new Onlinedienst(
                ownId(form.serviceId),
                OWN,
                Objects.requireNonNull(form.serviceName, "validated"),
                Objects.requireNonNull(form.serviceProvider, "validated"),
                Objects.requireNonNull(form.serviceUrl, "validated"),
                LinkStatus.UNCHECKED));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/katalog/verbund";
      } catch (ProblemException e) {
        errors.reject("problem." + e.type() + ".detail", e.detailArguments(), null);
      }
    }
    return show(model, null, null, new UnitForm(), form, new EntryForm());
  }

  @PostMapping("/zustaendigkeit")
  String saveEntry(
      @Valid @ModelAttribute("entryForm") EntryForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    String target = form.entryTarget;
    Rolle rolle = null;
    if (form.entryRolle != null) {
      try {
        rolle = Rolle.valueOf(form.entryRolle);
      } catch (IllegalArgumentException e) {
        errors.rejectValue("entryRolle", "catalog.verbund.error.rolle");
      }
    }
    if (target != null && rolle != null && !errors.hasFieldErrors("entryTarget")) {
      boolean service = rolle == Rolle.ONLINEDIENST;
      boolean exists =
          service
              ? objects.onlinedienst(target).isPresent()
              : objects.organisationseinheit(target).isPresent();
      if (!exists) {
        errors.rejectValue(
            "entryTarget",
            service ? "catalog.verbund.error.target-service" : "catalog.verbund.error.target-unit");
      }
    }
    if (!errors.hasErrors() && rolle != null && target != null) {
      try {
        objects.save(
            new Zustaendigkeitseintrag(
                ownId(null),
                OWN,
                Objects.requireNonNull(form.entryLeikaKey, "validated"),
                Objects.requireNonNull(form.entryRegionArs, "validated"),
                rolle == Rolle.ONLINEDIENST ? null : target,
                rolle == Rolle.ONLINEDIENST ? target : null,
                rolle));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/katalog/verbund?leistung=" + form.entryLeikaKey;
      } catch (CatalogException e) {
        errors.rejectValue(
            "entryLeikaKey", "problem." + e.type() + ".detail", e.detailArguments(), "");
      } catch (ProblemException e) {
        errors.reject("problem." + e.type() + ".detail", e.detailArguments(), null);
      }
    }
    return show(model, null, null, new UnitForm(), new ServiceForm(), form);
  }

  /** Deletes an object edited here; seeded and imported objects belong to their source. */
  @PostMapping("/loeschen")
  String delete(@RequestParam String art, @RequestParam String id, RedirectAttributes redirect) {
    Kind kind;
    try {
      kind = Kind.valueOf(art);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
    }
    if (!id.startsWith(OWN + ":")) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN);
    }
    objects.delete(kind, id);
    redirect.addFlashAttribute("deleted", true);
    return "redirect:/admin/katalog/verbund";
  }

  private String show(
      Model model,
      @Nullable String source,
      @Nullable String leikaKey,
      UnitForm unitForm,
      ServiceForm serviceForm,
      EntryForm entryForm) {
    String key = leikaKey == null || !leikaKey.matches("99[0-9]{12}") ? null : leikaKey;
    String src = source == null || source.isBlank() ? null : source.strip();
    model.addAttribute("source", src);
    model.addAttribute("leistung", key);
    model.addAttribute("units", objects.organisationseinheiten(src, LISTED));
    model.addAttribute("services", objects.onlinedienste(src, LISTED));
    model.addAttribute("entries", objects.zustaendigkeiten(key, src, null, LISTED));
    model.addAttribute("unitForm", unitForm);
    model.addAttribute("serviceForm", serviceForm);
    model.addAttribute("entryForm", entryForm);
    model.addAttribute("unitFields", UNIT_FIELDS);
    model.addAttribute("serviceFields", SERVICE_FIELDS);
    model.addAttribute("entryFields", ENTRY_FIELDS);
    model.addAttribute("roles", List.of(Rolle.values()));
    return PAGE;
  }

  private static String ownId(@Nullable String id) {
    if (id != null && id.startsWith(OWN + ":")) {
      return id;
    }
    return OWN + ":" + UUID.randomUUID();
  }

  /** An Organisationseinheit as edited here. */
  public static class UnitForm {
    @Nullable String unitId;

    @NotBlank(message = "{catalog.verbund.error.name}")
    @Size(max = 300, message = "{tenant.error.too-long}")
    @Nullable String unitName;

    @Pattern(regexp = "[0-9]{12}", message = "{catalog.admin.error.ars}")
    @Nullable String unitAuthorityArs;

    @Size(max = 200, message = "{tenant.error.too-long}")
    @Nullable String unitStreet;

    @Pattern(regexp = "[0-9]{5}", message = "{catalog.verbund.error.postcode}")
    @Nullable String unitPostcode;

    @Size(max = 100, message = "{tenant.error.too-long}")
    @Nullable String unitCity;

    @Size(max = 60, message = "{tenant.error.too-long}")
    @Nullable String unitPhone;

    @jakarta.validation.constraints.Email(message = "{catalog.verbund.error.email}")
    @Size(max = 254, message = "{tenant.error.too-long}")
    @Nullable String unitEmail;

    @Pattern(regexp = "https://\\S+", message = "{catalog.verbund.error.url}")
    @Size(max = 1000, message = "{tenant.error.too-long}")
    @Nullable String unitWebsite;

    @Size(max = 2000, message = "{tenant.error.too-long}")
    @Nullable String unitOpeningHours;

    static UnitForm of(Organisationseinheit u) {
      UnitForm f = new UnitForm();
      f.unitId = u.id();
      f.unitName = u.name();
      f.unitAuthorityArs = u.authorityArs();
      f.unitStreet = u.street();
      f.unitPostcode = u.postcode();
      f.unitCity = u.city();
      f.unitPhone = u.phone();
      f.unitEmail = u.email();
      f.unitWebsite = u.website();
      f.unitOpeningHours = u.openingHours();
      return f;
    }

    public @Nullable String getUnitId() {
      return unitId;
    }

    public void setUnitId(@Nullable String v) {
      unitId = v;
    }

    public @Nullable String getUnitName() {
      return unitName;
    }

    public void setUnitName(@Nullable String v) {
      unitName = v;
    }

    public @Nullable String getUnitAuthorityArs() {
      return unitAuthorityArs;
    }

    public void setUnitAuthorityArs(@Nullable String v) {
      unitAuthorityArs = v;
    }

    public @Nullable String getUnitStreet() {
      return unitStreet;
    }

    public void setUnitStreet(@Nullable String v) {
      unitStreet = v;
    }

    public @Nullable String getUnitPostcode() {
      return unitPostcode;
    }

    public void setUnitPostcode(@Nullable String v) {
      unitPostcode = v;
    }

    public @Nullable String getUnitCity() {
      return unitCity;
    }

    public void setUnitCity(@Nullable String v) {
      unitCity = v;
    }

    public @Nullable String getUnitPhone() {
      return unitPhone;
    }

    public void setUnitPhone(@Nullable String v) {
      unitPhone = v;
    }

    public @Nullable String getUnitEmail() {
      return unitEmail;
    }

    public void setUnitEmail(@Nullable String v) {
      unitEmail = v;
    }

    public @Nullable String getUnitWebsite() {
      return unitWebsite;
    }

    public void setUnitWebsite(@Nullable String v) {
      unitWebsite = v;
    }

    public @Nullable String getUnitOpeningHours() {
      return unitOpeningHours;
    }

    public void setUnitOpeningHours(@Nullable String v) {
      unitOpeningHours = v;
    }
  }

  /** An online service of another provider as edited here. */
  public static class ServiceForm {
    @Nullable String serviceId;

    @NotBlank(message = "{catalog.verbund.error.name}")
    @Size(max = 300, message = "{tenant.error.too-long}")
    @Nullable String serviceName;

    @NotBlank(message = "{catalog.verbund.error.provider}")
    @Size(max = 300, message = "{tenant.error.too-long}")
    @Nullable String serviceProvider;

    @NotBlank(message = "{catalog.verbund.error.url}")
    @Nullable String serviceUrl;

    static ServiceForm of(Onlinedienst d) {
      ServiceForm f = new ServiceForm();
      f.serviceId = d.id();
      f.serviceName = d.name();
      f.serviceProvider = d.provider();
      f.serviceUrl = d.url();
      return f;
    }

    public @Nullable String getServiceId() {
      return serviceId;
    }

    public void setServiceId(@Nullable String v) {
      serviceId = v;
    }

    public @Nullable String getServiceName() {
      return serviceName;
    }

    public void setServiceName(@Nullable String v) {
      serviceName = v;
    }

    public @Nullable String getServiceProvider() {
      return serviceProvider;
    }

    public void setServiceProvider(@Nullable String v) {
      serviceProvider = v;
    }

    public @Nullable String getServiceUrl() {
      return serviceUrl;
    }

    public void setServiceUrl(@Nullable String v) {
      serviceUrl = v;
    }
  }

  /** A Zuständigkeit as created here. */
  public static class EntryForm {
    @NotBlank(message = "{catalog.admin.error.leika-key}")
    @Pattern(regexp = "99[0-9]{12}", message = "{catalog.admin.error.leika-key}")
    @Nullable String entryLeikaKey;

    @NotBlank(message = "{catalog.admin.error.ars}")
    @Pattern(regexp = "[0-9]{12}", message = "{catalog.admin.error.ars}")
    @Nullable String entryRegionArs;

    @NotBlank(message = "{catalog.verbund.error.target-unit}")
    @Nullable String entryTarget;

    @NotBlank(message = "{catalog.verbund.error.rolle}")
    @Nullable String entryRolle = Rolle.ONLINEDIENST.name();

    public @Nullable String getEntryLeikaKey() {
      return entryLeikaKey;
    }

    public void setEntryLeikaKey(@Nullable String v) {
      entryLeikaKey = v;
    }

    public @Nullable String getEntryRegionArs() {
      return entryRegionArs;
    }

    public void setEntryRegionArs(@Nullable String v) {
      entryRegionArs = v;
    }

    public @Nullable String getEntryTarget() {
      return entryTarget;
    }

    public void setEntryTarget(@Nullable String v) {
      entryTarget = v;
    }

    public @Nullable String getEntryRolle() {
      return entryRolle;
    }

    public void setEntryRolle(@Nullable String v) {
      entryRolle = v;
    }
  }
}
