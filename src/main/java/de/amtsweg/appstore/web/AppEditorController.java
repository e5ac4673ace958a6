package de.amtsweg.appstore.web;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStoreException;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.forms.DefinitionException;
import de.amtsweg.forms.Definitions;
import de.amtsweg.forms.FimImport;
import de.amtsweg.forms.FimImportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The App-Redaktion: write a definition (or upload one), have it checked, keep it as a draft, and
 * publish it as the next immutable version. A definition with problems is never stored; the page
 * lists every problem with its place and keeps the text.
 */
@Controller
class AppEditorController {

  /** Definitions are small; a megabyte is far more than the largest real one. */
  private static final int MAX_SOURCE = 1_000_000;

  private final AppStore store;
  private final MessageSource messages;

  AppEditorController(AppStore store, MessageSource messages) {
    this.store = store;
    this.messages = messages;
  }

  @GetMapping("/redaktion")
  String home() {
    return "redirect:/redaktion/apps";
  }

  @GetMapping("/redaktion/apps")
  String list(Model model) {
    model.addAttribute("apps", store.publishedApps());
    model.addAttribute("drafts", store.draftIds());
    return "appstore/editor-list";
  }

  @GetMapping("/redaktion/apps/neu")
  String create(Model model) {
    return editor(model, null, "", List.of(), null);
  }

  @GetMapping("/redaktion/apps/{appId}")
  String edit(@PathVariable String appId, Model model) {
    PublishedApp latest = store.latest(appId).orElse(null);
    String source =
        store
            .draft(appId)
            .orElseGet(() -> latest == null ? null : store.source(appId, latest.version()));
    if (source == null) {
      throw AppStoreException.notFound(appId);
    }
    return editor(model, appId, source, List.of(), null);
  }

  @PostMapping("/redaktion/apps")
  String save(
      @RequestParam(name = "source", required = false) @Nullable String text,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(name = "_action", defaultValue = "pruefen") String action,
      Authentication authentication,
      Model model,
      RedirectAttributes redirect,
      Locale locale)
      throws IOException {
    String source =
        file != null && !file.isEmpty()
            ? new String(file.getBytes(), StandardCharsets.UTF_8)
            : text == null ? "" : text;
    if (source.length() > MAX_SOURCE) {
      return editor(
          model,
          null,
          "",
          List.of(
              Map.of(
                  "place",
                  "-",
                  "message",
                  messages.getMessage(
                      "appstore.editor.too-large", new Object[] {MAX_SOURCE}, locale))),
          null);
    }
    try {
      if ("veroeffentlichen".equals(action)) {
        PublishedApp published = store.publish(source, authentication.getName());
        redirect.addFlashAttribute(
            "saved",
            messages.getMessage(
                "appstore.editor.published", new Object[] {published.version()}, locale));
        return "redirect:/redaktion/apps/" + published.id();
      }
      String id = Definitions.parse(source).id();
      if ("speichern".equals(action)) {
        store.saveDraft(source, authentication.getName());
        redirect.addFlashAttribute(
            "saved", messages.getMessage("appstore.editor.saved", null, locale));
        return "redirect:/redaktion/apps/" + id;
      }
      return editor(
          model, id, source, List.of(), messages.getMessage("appstore.editor.valid", null, locale));
    } catch (DefinitionException e) {
      List<Map<String, String>> problems =
          e.problems().stream()
              .map(
                  p ->
                      Map.of(
                          "place",
                          p.place(),
                          "message",
                          messages.getMessage(p.messageKey(), p.arguments().toArray(), locale)))
              .toList();
      return editor(model, null, source, problems, null);
    }
  }

  /**
   * A FIM Stammdatenschema (XDatenfelder 2.0) becomes a definition skeleton in the editor, not yet
   * stored.
   */
  @PostMapping("/redaktion/apps/fim-import")
  String fimImport(
      @RequestParam(name = "schema", required = false) @Nullable MultipartFile schema,
      @RequestParam(name = "codeLists", required = false) @Nullable List<MultipartFile> codeLists,
      Model model,
      Locale locale)
      throws IOException {
    if (schema == null || schema.isEmpty()) {
      return editor(
          model,
          null,
          "",
          List.of(
              Map.of(
                  "place",
                  "-",
                  "message",
                  messages.getMessage("appstore.editor.fim.missing", null, locale))),
          null);
    }
    Map<String, java.io.InputStream> lists = new java.util.LinkedHashMap<>();
    if (codeLists != null) {
      for (MultipartFile list : codeLists) {
        if (!list.isEmpty()) {
          lists.put(String.valueOf(list.getOriginalFilename()), list.getInputStream());
        }
      }
    }
    try {
      FimImport.Result result = FimImport.skeleton(schema.getInputStream(), lists);
      model.addAttribute(
          "fimNotes", result.notes().stream().map(n -> n.place() + ": " + n.text(locale)).toList());
      return editor(
          model,
          result.definition().id(),
          result.yaml(),
          List.of(),
          messages.getMessage("appstore.editor.fim.done", null, locale));
    } catch (FimImportException e) {
      return editor(
          model,
          null,
          "",
          List.of(
              Map.of(
                  "place",
                  "-",
                  "message",
                  messages.getMessage(
                      "problem." + e.type() + ".detail", e.detailArguments(), locale))),
          null);
    }
  }

  private String editor(
      Model model,
      @Nullable String appId,
      String source,
      List<Map<String, String>> problems,
      @Nullable String valid) {
    model.addAttribute("appId", appId);
    model.addAttribute("source", source);
    model.addAttribute("problems", problems);
    model.addAttribute("valid", valid);
    model.addAttribute("versions", appId == null ? List.of() : store.versions(appId));
    return "appstore/editor";
  }
}
