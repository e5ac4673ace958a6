package de.amtsweg.catalog.web;

import de.amtsweg.catalog.Catalog;
import de.amtsweg.catalog.CatalogImport;
import de.amtsweg.catalog.Leistung;
import de.amtsweg.catalog.Reifegrad;
import de.amtsweg.catalog.ReifegradModell;
import de.amtsweg.catalog.Reifegrade;
import de.amtsweg.catalog.ServiceSearch;
import de.amtsweg.catalog.Zustaendigkeiten;
import de.amtsweg.platform.ProblemException;
import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's catalog page: import status and re-import, Zuständigkeit overrides per Leistung
 * and region, and recording Reifegrad assessments. Nobody types 14-digit LeiKa keys or 12-digit ARS
 * from memory: a picker searches Leistungen and places by name (a GET form and a list of results,
 * without JavaScript) and fills both forms; the existing overrides and assessments are listed, for
 * the chosen Leistung or place when one is chosen.
 */
@Controller
@RequestMapping("/admin/katalog")
class CatalogAdminController {

  private static final String PAGE = "catalog/admin/catalog";
  private static final List<String> OVERRIDE_FIELDS =
      List.of("leikaKey", "regionArs", "authorityArs", "reason");
  private static final List<String> REIFEGRAD_FIELDS =
      List.of("authority", "leistung", "model", "level", "assessedOn", "note");

  /** Results a picker shows; more are narrowed down by typing more. */
  static final int PICKER_RESULTS = 10;

  /** Assessments listed at most. */
  static final int LISTED_ASSESSMENTS = 50;

  private final CatalogImport catalogImport;
  private final Zustaendigkeiten zustaendigkeiten;
  private final Reifegrade reifegrade;
  private final ServiceSearch search;
  private final Catalog catalog;
  private final Authorities authorities;

  CatalogAdminController(
      CatalogImport catalogImport,
      Zustaendigkeiten zustaendigkeiten,
      Reifegrade reifegrade,
      ServiceSearch search,
      Catalog catalog,
      Authorities authorities) {
    this.catalogImport = catalogImport;
    this.zustaendigkeiten = zustaendigkeiten;
    this.reifegrade = reifegrade;
    this.search = search;
    this.catalog = catalog;
    this.authorities = authorities;
  }

  /** A Leistung or place to pick: its key and what people call it. */
  record Choice(String key, String name) {}

  /** An assessment as listed, with the names of its Leistung and authority. */
  record Assessment(Reifegrad reifegrad, String leistungName, String authorityName) {}

  /**
   * What the picker shows: the searches, their results and the chosen Leistung and place.
   *
   * @param leistungQuery what was searched for a Leistung; null when nothing was
   * @param placeQuery what was searched for a place; null when nothing was
   */
  record Picker(
      @Nullable String leistungQuery,
      List<Choice> leistungen,
      @Nullable String placeQuery,
      List<Choice> places,
      @Nullable Choice leistung,
      @Nullable Choice place) {

    static final Picker NONE = new Picker(null, List.of(), null, List.of(), null, null);

    /** A link that keeps the other choice. */
    public String link(@Nullable String leistungKey, @Nullable String placeArs) {
      org.springframework.web.util.UriComponentsBuilder link =
          org.springframework.web.util.UriComponentsBuilder.fromPath("/admin/katalog");
      if (leistungKey != null) {
        link.queryParam("leistung", leistungKey);
      }
      if (placeArs != null) {
        link.queryParam("ort", placeArs);
      }
      return link.fragment("auswahl").build().toUriString();
    }
  }

  @InitBinder({"overrideForm", "reifegradForm"})
  void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping
  String page(
      @RequestParam(name = "leistungSuche", required = false) @Nullable String leistungQuery,
      @RequestParam(name = "ortSuche", required = false) @Nullable String placeQuery,
      @RequestParam(name = "leistung", required = false) @Nullable String leistungKey,
      @RequestParam(name = "ort", required = false) @Nullable String placeArs,
      Model model) {
    Choice leistung =
        leistungKey == null
            ? null
            : catalog.find(leistungKey).map(l -> new Choice(l.leikaKey(), l.name())).orElse(null);
    Choice place =
        placeArs == null
            ? null
            : authorities
                .find(placeArs)
                .map(a -> new Choice(a.ars(), a.displayName()))
                .orElse(null);
    String lq = trimmed(leistungQuery);
    String pq = trimmed(placeQuery);
    Picker picker =
        new Picker(
            lq,
            lq == null
                ? List.of()
                : search.search(lq, null, PICKER_RESULTS).stream()
                    .map(h -> new Choice(h.leikaKey(), h.name()))
                    .toList(),
            pq,
            pq == null
                ? List.of()
                : authorities.search(pq, PICKER_RESULTS).stream()
                    .map(a -> new Choice(a.ars(), a.displayName()))
                    .toList(),
            leistung,
            place);
    OverrideForm overrideForm = new OverrideForm();
    ReifegradForm reifegradForm = new ReifegradForm();
    if (leistung != null) {
      overrideForm.leikaKey = leistung.key();
      reifegradForm.leistung = leistung.key();
    }
    if (place != null) {
      overrideForm.regionArs = place.key();
      reifegradForm.authority = place.key();
    }
    model.addAttribute("picker", picker);
    return show(model, overrideForm, reifegradForm);
  }

  private static @Nullable String trimmed(@Nullable String query) {
    if (query == null || query.isBlank()) {
      return null;
    }
    String q = query.strip();
    return q.length() > ServiceSearch.MAX_QUERY_LENGTH
        ? q.substring(0, ServiceSearch.MAX_QUERY_LENGTH)
        : q;
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
    Picker picker = (Picker) model.getAttribute("picker");
    if (picker == null) {
      picker = Picker.NONE;
      model.addAttribute("picker", picker);
    }
    String leistungKey = picker.leistung() == null ? null : picker.leistung().key();
    String placeArs = picker.place() == null ? null : picker.place().key();
    model.addAttribute("loaded", catalogImport.loaded().orElse(null));
    model.addAttribute(
        "overrides",
        zustaendigkeiten.overrides().stream()
            .filter(o -> leistungKey == null || o.leikaKey().equals(leistungKey))
            .filter(
                o ->
                    placeArs == null
                        || o.regionArs().equals(placeArs)
                        || o.authorityArs().equals(placeArs))
            .toList());
    Map<String, String> placeNames = new HashMap<>();
    for (Zustaendigkeiten.Override o : zustaendigkeiten.overrides()) {
      for (String ars : List.of(o.regionArs(), o.authorityArs())) {
        placeNames.computeIfAbsent(
            ars, a -> authorities.find(a).map(Authority::displayName).orElse(a));
      }
    }
    model.addAttribute("placeNames", placeNames);
    model.addAttribute("assessments", assessments(leistungKey, placeArs));
    model.addAttribute("overrideForm", overrideForm);
    model.addAttribute("reifegradForm", reifegradForm);
    model.addAttribute("overrideFields", OVERRIDE_FIELDS);
    model.addAttribute("reifegradFields", REIFEGRAD_FIELDS);
    model.addAttribute("models", List.of(ReifegradModell.values()));
    return PAGE;
  }

  /** The current assessments, of the chosen Leistung and place if chosen, newest first. */
  private List<Assessment> assessments(@Nullable String leistungKey, @Nullable String placeArs) {
    Map<String, String> leistungNames = new HashMap<>();
    Map<String, String> authorityNames = new HashMap<>();
    return reifegrade.allCurrent().stream()
        .filter(r -> leistungKey == null || r.leikaKey().equals(leistungKey))
        .filter(r -> placeArs == null || r.authorityArs().equals(placeArs))
        .sorted(Comparator.comparing(Reifegrad::assessedOn).reversed())
        .limit(LISTED_ASSESSMENTS)
        .map(
            r ->
                new Assessment(
                    r,
                    leistungNames.computeIfAbsent(
                        r.leikaKey(), k -> catalog.find(k).map(Leistung::name).orElse(k)),
                    authorityNames.computeIfAbsent(
                        r.authorityArs(),
                        a -> authorities.find(a).map(Authority::displayName).orElse(a))))
        .toList();
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
