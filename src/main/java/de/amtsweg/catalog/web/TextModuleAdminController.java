package de.amtsweg.catalog.web;

import de.amtsweg.catalog.Catalog;
import de.amtsweg.catalog.CatalogException;
import de.amtsweg.catalog.Leistung;
import de.amtsweg.catalog.TextModuleKind;
import de.amtsweg.catalog.TextModules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's texts of the Leistungen (Kurztext, Voraussetzungen, Unterlagen, Kosten,
 * Bearbeitungsdauer, Fristen, Rechtsgrundlage), which the service pages show: the Leistungen that
 * have texts, opening one by its key, and editing its texts per language.
 */
@Controller
@RequestMapping("/admin/katalog/texte")
class TextModuleAdminController {

  private static final String LIST = "catalog/admin/texts";
  private static final String EDIT = "catalog/admin/text-edit";

  /** The form fields, in page order: the kinds in lower case. */
  static final List<String> FIELDS =
      Arrays.stream(TextModuleKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();

  private final TextModules texts;
  private final Catalog catalog;

  TextModuleAdminController(TextModules texts, Catalog catalog) {
    this.texts = texts;
    this.catalog = catalog;
  }

  @GetMapping
  String list(@RequestParam(required = false) @Nullable String leistung, Model model) {
    if (leistung != null && !leistung.isBlank()) {
      try {
        String key = CatalogException.requireLeikaKey(leistung);
        if (catalog.find(key).isPresent()) {
          return "redirect:/admin/katalog/texte/" + key;
        }
        model.addAttribute("keyError", "catalog.texts.error.unknown");
      } catch (CatalogException malformed) {
        model.addAttribute("keyError", "catalog.texts.error.malformed");
      }
      model.addAttribute("leistung", leistung.strip());
    }
    model.addAttribute("described", texts.described());
    return LIST;
  }

  @GetMapping("/{leikaKey}")
  String edit(
      @PathVariable String leikaKey,
      @RequestParam(name = "sprache", defaultValue = "de") String lang,
      Model model) {
    Leistung leistung = catalog.get(leikaKey);
    String language = TextModules.LANGUAGES.contains(lang) ? lang : "de";
    TextModuleForm form = new TextModuleForm();
    for (TextModules.Text text : texts.texts(leistung.leikaKey())) {
      if (text.lang().equals(language)) {
        form.set(text.kind(), text.text());
      }
    }
    return show(model, leistung, language, form);
  }

  @PostMapping("/{leikaKey}")
  String save(
      @PathVariable String leikaKey,
      @RequestParam(name = "sprache", defaultValue = "de") String lang,
      @Valid @ModelAttribute("textForm") TextModuleForm form,
      BindingResult errors,
      Principal principal,
      Model model,
      RedirectAttributes redirect) {
    Leistung leistung = catalog.get(leikaKey);
    String language = TextModules.LANGUAGES.contains(lang) ? lang : "de";
    if (errors.hasErrors()) {
      return show(model, leistung, language, form);
    }
    texts.save(leistung.leikaKey(), language, form.texts(), principal.getName());
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/katalog/texte/" + leistung.leikaKey() + "?sprache=" + language;
  }

  private String show(Model model, Leistung leistung, String language, TextModuleForm form) {
    model.addAttribute("leistung", leistung);
    model.addAttribute("language", language);
    model.addAttribute("languages", TextModules.LANGUAGES);
    model.addAttribute("textForm", form);
    model.addAttribute("fields", FIELDS);
    model.addAttribute("kinds", TextModuleKind.values());
    model.addAttribute("maxLength", TextModules.MAX_LENGTH);
    return EDIT;
  }

  /** The texts of one language, one field per kind. */
  public static class TextModuleForm {
    @Size(max = TextModules.MAX_LENGTH, message = "{catalog.texts.error.length}")
    private @Nullable String kurztext;

    @Size(max = TextModules.MAX_LENGTH, message = "{catalog.texts.error.length}")
    private @Nullable String voraussetzungen;

    @Size(max = TextModules.MAX_LENGTH, message = "{catalog.texts.error.length}")
    private @Nullable String unterlagen;

    @Size(max = TextModules.MAX_LENGTH, message = "{catalog.texts.error.length}")
    private @Nullable String kosten;

    @Size(max = TextModules.MAX_LENGTH, message = "{catalog.texts.error.length}")
    private @Nullable String bearbeitungsdauer;

    @Size(max = TextModules.MAX_LENGTH, message = "{catalog.texts.error.length}")
    private @Nullable String fristen;

    @Size(max = TextModules.MAX_LENGTH, message = "{catalog.texts.error.length}")
    private @Nullable String rechtsgrundlage;

    Map<TextModuleKind, @Nullable String> texts() {
      Map<TextModuleKind, @Nullable String> texts = new EnumMap<>(TextModuleKind.class);
      texts.put(TextModuleKind.KURZTEXT, kurztext);
      texts.put(TextModuleKind.VORAUSSETZUNGEN, voraussetzungen);
      texts.put(TextModuleKind.UNTERLAGEN, unterlagen);
      texts.put(TextModuleKind.KOSTEN, kosten);
      texts.put(TextModuleKind.BEARBEITUNGSDAUER, bearbeitungsdauer);
      texts.put(TextModuleKind.FRISTEN, fristen);
      texts.put(TextModuleKind.RECHTSGRUNDLAGE, rechtsgrundlage);
      return texts;
    }

    void set(TextModuleKind kind, String text) {
      switch (kind) {
        case KURZTEXT -> kurztext = text;
        case VORAUSSETZUNGEN -> voraussetzungen = text;
        case UNTERLAGEN -> unterlagen = text;
        case KOSTEN -> kosten = text;
        case BEARBEITUNGSDAUER -> bearbeitungsdauer = text;
        case FRISTEN -> fristen = text;
        case RECHTSGRUNDLAGE -> rechtsgrundlage = text;
      }
    }

    public @Nullable String getKurztext() {
      return kurztext;
    }

    public void setKurztext(@Nullable String kurztext) {
      this.kurztext = kurztext;
    }

    public @Nullable String getVoraussetzungen() {
      return voraussetzungen;
    }

    public void setVoraussetzungen(@Nullable String voraussetzungen) {
      this.voraussetzungen = voraussetzungen;
    }

    public @Nullable String getUnterlagen() {
      return unterlagen;
    }

    public void setUnterlagen(@Nullable String unterlagen) {
      this.unterlagen = unterlagen;
    }

    public @Nullable String getKosten() {
      return kosten;
    }

    public void setKosten(@Nullable String kosten) {
      this.kosten = kosten;
    }

    public @Nullable String getBearbeitungsdauer() {
      return bearbeitungsdauer;
    }

    public void setBearbeitungsdauer(@Nullable String bearbeitungsdauer) {
      this.bearbeitungsdauer = bearbeitungsdauer;
    }

    public @Nullable String getFristen() {
      return fristen;
    }

    public void setFristen(@Nullable String fristen) {
      this.fristen = fristen;
    }

    public @Nullable String getRechtsgrundlage() {
      return rechtsgrundlage;
    }

    public void setRechtsgrundlage(@Nullable String rechtsgrundlage) {
      this.rechtsgrundlage = rechtsgrundlage;
    }
  }
}
