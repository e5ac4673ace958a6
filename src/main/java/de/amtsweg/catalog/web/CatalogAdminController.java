package de.amtsweg.catalog.web;

import de.amtsweg.catalog.CatalogImport;
import de.amtsweg.catalog.ReifegradModell;
import de.amtsweg.catalog.Reifegrade;
import de.amtsweg.catalog.Zustaendigkeiten;
import de.amtsweg.platform.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's catalog page: import status and re-import, Zuständigkeit overrides per Leistung
 * and region, and recording Reifegrad assessments.
 */
@Controller
@RequestMapping("/admin/katalog")
class CatalogAdminController {

  private static final String PAGE = "catalog/admin/catalog";
  private static final List<String> OVERRIDE_FIELDS =
      List.of("leikaKey", "regionArs", "authorityArs", "reason");
  private static final List<String> REIFEGRAD_FIELDS =
      List.of("authority", "leistung", "model", "level", "assessedOn", "note");

  private final CatalogImport catalogImport;
  private final Zustaendigkeiten zustaendigkeiten;
  private final Reifegrade reifegrade;

  CatalogAdminController(
      CatalogImport catalogImport, Zustaendigkeiten zustaendigkeiten, Reifegrade reifegrade) {
    this.catalogImport = catalogImport;
    this.zustaendigkeiten = zustaendigkeiten;
    this.reifegrade = reifegrade;
  }

  @InitBinder({"overrideForm", "reifegradForm"})
  void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping
  String page(Model model) {
    return show(model, new OverrideForm(), new ReifegradForm());
  }

  @PostMapping("/import")
  String reimport(RedirectAttributes redirect) {
    redirect.addFlashAttribute("imported", catalogImport.reimport());
    return "redirect:/admin/katalog";
  }

  @PostMapping("/zustaendigkeit")
  String addOverride(
      @Valid @ModelAttribute("overrideForm") OverrideForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    if (!errors.hasErrors()) {
      try {
        zustaendigkeiten.addOverride(
            Objects.requireNonNull(form.leikaKey, "validated"),
            Objects.requireNonNull(form.regionArs, "validated"),
            Objects.requireNonNull(form.authorityArs, "validated"),
            Objects.requireNonNull(form.reason, "validated"));
        redirect.addFlashAttribute("overrideSaved", true);
        return "redirect:/admin/katalog";
      } catch (ProblemException e) {
        errors.reject(problemMessage(e), e.detailArguments(), null);
      }
    }
    return show(model, form, new ReifegradForm());
  }

  @PostMapping("/zustaendigkeit/{id}/loeschen")
  String removeOverride(@PathVariable UUID id, RedirectAttributes redirect) {
    zustaendigkeiten.removeOverride(id);
    redirect.addFlashAttribute("overrideRemoved", true);
    return "redirect:/admin/katalog";
  }

  @PostMapping("/reifegrad")
  String recordReifegrad(
      @Valid @ModelAttribute("reifegradForm") ReifegradForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    ReifegradModell reifegradModell =
        form.model == null ? null : ReifegradModell.of(form.model).orElse(null);
    if (form.model != null && reifegradModell == null) {
      errors.rejectValue("model", "catalog.admin.error.model");
    }
    if (!errors.hasErrors()
        && reifegradModell != null
        && form.level != null
        && form.level > reifegradModell.maxLevel()) {
      errors.rejectValue(
          "level",
          "catalog.admin.error.level",
          new Object[] {reifegradModell.code(), reifegradModell.maxLevel()},
          null);
    }
    if (!errors.hasErrors() && reifegradModell != null) {
      try {
        reifegrade.record(
            Objects.requireNonNull(form.authority, "validated"),
            Objects.requireNonNull(form.leistung, "validated"),
            reifegradModell,
            Objects.requireNonNull(form.level, "validated"),
            Objects.requireNonNull(form.assessedOn, "validated"),
            form.note);
        redirect.addFlashAttribute("reifegradSaved", true);
        return "redirect:/admin/katalog";
      } catch (ProblemException e) {
        errors.reject(problemMessage(e), e.detailArguments(), null);
      }
    }
    return show(model, new OverrideForm(), form);
  }

  private String show(Model model, OverrideForm overrideForm, ReifegradForm reifegradForm) {
    model.addAttribute("loaded", catalogImport.loaded().orElse(null));
    model.addAttribute("overrides", zustaendigkeiten.overrides());
    model.addAttribute("overrideForm", overrideForm);
    model.addAttribute("reifegradForm", reifegradForm);
    model.addAttribute("overrideFields", OVERRIDE_FIELDS);
    model.addAttribute("reifegradFields", REIFEGRAD_FIELDS);
    model.addAttribute("models", List.of(ReifegradModell.values()));
    return PAGE;
  }

  private static String problemMessage(ProblemException e) {
    return "problem." + e.type() + ".detail";
  }

  /**
   * A Zuständigkeit override. Field names differ from {@link ReifegradForm}'s: both forms share a
   * page.
   */
  public static class OverrideForm {
    @NotBlank(message = "{catalog.admin.error.leika-key}")
    @Pattern(regexp = "99[0-9]{12}", message = "{catalog.admin.error.leika-key}")
    @Nullable String leikaKey;

    @NotBlank(message = "{catalog.admin.error.ars}")
    @Pattern(regexp = "[0-9]{12}", message = "{catalog.admin.error.ars}")
    @Nullable String regionArs;

    @NotBlank(message = "{catalog.admin.error.ars}")
    @Pattern(regexp = "[0-9]{12}", message = "{catalog.admin.error.ars}")
    @Nullable String authorityArs;

    @NotBlank(message = "{catalog.admin.error.reason}")
    @Size(max = 500, message = "{tenant.error.too-long}")
    @Nullable String reason;

    public @Nullable String getLeikaKey() {
      return leikaKey;
    }

    public void setLeikaKey(@Nullable String v) {
      leikaKey = v;
    }

    public @Nullable String getRegionArs() {
      return regionArs;
    }

    public void setRegionArs(@Nullable String v) {
      regionArs = v;
    }

    public @Nullable String getAuthorityArs() {
      return authorityArs;
    }

    public void setAuthorityArs(@Nullable String v) {
      authorityArs = v;
    }

    public @Nullable String getReason() {
      return reason;
    }

    public void setReason(@Nullable String v) {
      reason = v;
    }
  }

  /** A Reifegrad assessment. */
  public static class ReifegradForm {
    @NotBlank(message = "{catalog.admin.error.ars}")
    @Pattern(regexp = "[0-9]{12}", message = "{catalog.admin.error.ars}")
    @Nullable String authority;

    @NotBlank(message = "{catalog.admin.error.leika-key}")
    @Pattern(regexp = "99[0-9]{12}", message = "{catalog.admin.error.leika-key}")
    @Nullable String leistung;

    @NotBlank(message = "{catalog.admin.error.model}")
    @Nullable String model = ReifegradModell.V2_0.code();

    @NotNull(message = "{catalog.admin.error.level-required}")
    @Min(value = 0, message = "{catalog.admin.error.level-required}")
    @Nullable Integer level;

    @NotNull(message = "{catalog.admin.error.date}")
    @PastOrPresent(message = "{catalog.admin.error.date}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Nullable LocalDate assessedOn = LocalDate.now();

    @Size(max = 500, message = "{tenant.error.too-long}")
    @Nullable String note;

    public @Nullable String getAuthority() {
      return authority;
    }

    public void setAuthority(@Nullable String v) {
      authority = v;
    }

    public @Nullable String getLeistung() {
      return leistung;
    }

    public void setLeistung(@Nullable String v) {
      leistung = v;
    }

    public @Nullable String getModel() {
      return model;
    }

    public void setModel(@Nullable String v) {
      model = v;
    }

    public @Nullable Integer getLevel() {
      return level;
    }

    public void setLevel(@Nullable Integer v) {
      level = v;
    }

    public @Nullable LocalDate getAssessedOn() {
      return assessedOn;
    }

    public void setAssessedOn(@Nullable LocalDate v) {
      assessedOn = v;
    }

    public @Nullable String getNote() {
      return note;
    }

    public void setNote(@Nullable String v) {
      note = v;
    }
  }
}
