package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.EmbeddingOrigins;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantStaff;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The tenant admin's page of the websites that may embed the tenant's Antrags-Apps (#18), one
 * origin a line. The tenant comes from the login, never from the URL; a bad line refuses the whole
 * list, so what was stored stays as it was.
 */
@Controller
class EmbeddingAdminController {

  static final String PATH = "/verwaltung/einbettung";
  private static final int MAX_CHARACTERS = 10_000;

  private final EmbeddingOrigins origins;

  EmbeddingAdminController(EmbeddingOrigins origins) {
    this.origins = origins;
  }

  @GetMapping(PATH)
  String show(TenantStaff staff, Model model) {
    Tenant tenant = admin(staff);
    EmbeddingForm form = new EmbeddingForm();
    form.setOrigins(String.join("\n", origins.of(tenant.authorityArs())));
    return page(tenant, form, model);
  }

  @PostMapping(PATH)
  String save(
      TenantStaff staff,
      @ModelAttribute("embeddingForm") EmbeddingForm form,
      BindingResult errors,
      Model model) {
    Tenant tenant = admin(staff);
    String text = form.getOrigins() == null ? "" : form.getOrigins();
    if (text.length() > MAX_CHARACTERS) {
      errors.rejectValue("origins", "tenant.error.too-long");
      return page(tenant, form, model);
    }
    EmbeddingOrigins.Parsed parsed = EmbeddingOrigins.parse(text);
    for (EmbeddingOrigins.Invalid invalid : parsed.invalid()) {
      errors.rejectValue(
          "origins",
          "tenant.embedding.error.origin",
          new Object[] {invalid.line(), invalid.text()},
          null);
    }
    if (parsed.origins().size() > EmbeddingOrigins.MAX_ORIGINS) {
      errors.rejectValue(
          "origins",
          "tenant.embedding.error.too-many",
          new Object[] {EmbeddingOrigins.MAX_ORIGINS},
          null);
    }
    if (errors.hasErrors()) {
      return page(tenant, form, model);
    }
    origins.replace(tenant.id(), parsed.origins());
    return "redirect:" + PATH + "?gespeichert";
  }

  private String page(Tenant tenant, EmbeddingForm form, Model model) {
    model.addAttribute("tenant", tenant);
    model.addAttribute("embeddingForm", form);
    model.addAttribute("fieldOrder", List.of("origins"));
    return "tenancy/embedding-admin";
  }

  private static Tenant admin(TenantStaff staff) {
    if (!staff.isTenantAdmin()) {
      throw new AccessDeniedException("only the tenant's admins choose who may embed its apps");
    }
    return staff.tenant();
  }

  /** The form: the origins as typed, one a line. */
  public static class EmbeddingForm {

    private @Nullable String origins;

    public @Nullable String getOrigins() {
      return origins;
    }

    public void setOrigins(@Nullable String origins) {
      this.origins = origins;
    }
  }
}
