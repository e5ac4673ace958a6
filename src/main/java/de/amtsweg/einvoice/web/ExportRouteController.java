package de.amtsweg.einvoice.web;

import de.amtsweg.einvoice.ExportRoutes;
import de.amtsweg.platform.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /verwaltung/e-rechnungen/export}: a tenant's admins choose where exported invoices go
 * (file drop or webhook). A new webhook key is shown once, right after saving.
 */
@Controller
class ExportRouteController {

  static final String PATH = "/verwaltung/e-rechnungen/export";

  private final ExportRoutes routes;

  ExportRouteController(ExportRoutes routes) {
    this.routes = routes;
  }

  @GetMapping(PATH)
  String show(Authentication auth, Model model) {
    String tenant = tenant(auth);
    ExportRoutes.Route route = routes.of(tenant).orElse(null);
    model.addAttribute("route", route);
    model.addAttribute("fileDrop", routes.fileDropAvailable());
    if (!model.containsAttribute("kind")) {
      model.addAttribute(
          "kind",
          route == null
              ? (routes.fileDropAvailable() ? "FILE_DROP" : "WEBHOOK")
              : route.kind().name());
      model.addAttribute(
          "directory", route == null || route.directory() == null ? "" : route.directory());
      model.addAttribute("url", route == null || route.url() == null ? "" : route.url());
    }
    return "einvoice/export";
  }

  @PostMapping(PATH)
  String save(
      Authentication auth,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String directory,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "false") boolean newKey,
      Model model,
      RedirectAttributes redirect) {
    String tenant = tenant(auth);
    try {
      switch (kind) {
        case "FILE_DROP" -> routes.saveFileDrop(tenant, directory, auth.getName());
        case "WEBHOOK" -> {
          String key = routes.saveWebhook(tenant, url, newKey, auth.getName());
          if (key != null) {
            redirect.addFlashAttribute("key", key);
          }
        }
        default -> throw new ExportRoutes.RouteException("kind", "kind");
      }
    } catch (ExportRoutes.RouteException e) {
      model.addAttribute("error", "einvoice.export.error." + e.code());
      model.addAttribute("errorField", e.field());
      model.addAttribute("kind", kind);
      model.addAttribute("directory", directory);
      model.addAttribute("url", url);
      return show(auth, model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:" + PATH;
  }

  private static String tenant(Authentication auth) {
    return Roles.tenantOf(auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }
}
