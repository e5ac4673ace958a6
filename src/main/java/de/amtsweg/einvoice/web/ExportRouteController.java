package de.amtsweg.einvoice.web;

import de.amtsweg.delivery.DeliveryChannel;
import de.amtsweg.delivery.DeliveryRoutes;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantStaff;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /verwaltung/e-rechnungen/export}: a tenant's admins choose where exported invoices go
 * (file drop or webhook). The route is the tenant's delivery route for e-invoices; a new webhook
 * key is shown once, right after saving.
 */
@Controller
class ExportRouteController {

  static final String PATH = "/verwaltung/e-rechnungen/export";

  /** The delivery engine's message keys, said the way this page says them. */
  private static final Map<String, String> CODES =
      Map.of(
          "delivery.routes.error.directory.unavailable", "unavailable",
          "delivery.routes.error.directory.invalid", "invalid",
          "delivery.routes.error.url.https", "scheme",
          "delivery.routes.error.url.blocked", "blocked",
          "delivery.routes.error.url.unresolvable", "unresolvable",
          "delivery.routes.error.url.required", "invalid",
          "delivery.routes.error.url.syntax", "invalid",
          "delivery.routes.error.url.size", "invalid");

  private final DeliveryRoutes routes;

  ExportRouteController(DeliveryRoutes routes) {
    this.routes = routes;
  }

  @GetMapping(PATH)
  String show(TenantStaff staff, Model model) {
    Tenant tenant = staff.tenant();
    DeliveryRoutes.Route route =
        routes.route(tenant.authorityArs(), DocumentType.E_RECHNUNG, "").orElse(null);
    model.addAttribute("route", route);
    model.addAttribute("fileDrop", routes.fileDropAvailable());
    if (!model.containsAttribute("kind")) {
      model.addAttribute(
          "kind",
          route == null
              ? (routes.fileDropAvailable() ? "FILE_DROP" : "WEBHOOK")
              : route.channel().name());
      model.addAttribute(
          "directory", route == null || route.directory() == null ? "" : route.directory());
      model.addAttribute(
          "url", route == null || route.webhookUrl() == null ? "" : route.webhookUrl());
    }
    return "einvoice/export";
  }

  @PostMapping(PATH)
  String save(
      TenantStaff staff,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String directory,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(defaultValue = "false") boolean newKey,
      Model model,
      RedirectAttributes redirect) {
    Tenant tenant = staff.tenant();
    String ars = tenant.authorityArs();
    try {
      if (DeliveryChannel.FILE_DROP.name().equals(kind)) {
        routes.configureFileDrop(ars, DocumentType.E_RECHNUNG, "", directory, staff.username());
      } else if (DeliveryChannel.WEBHOOK.name().equals(kind)) {
        String key =
            routes.configureWebhook(
                ars, DocumentType.E_RECHNUNG, "", url, newKey, staff.username());
        if (key != null) {
          redirect.addFlashAttribute("key", key);
        }
      } else {
        return error(staff, model, "kind", "kind", kind, directory, url);
      }
    } catch (DeliveryRoutes.RouteException e) {
      String field = e.field().equals("directory") ? "directory" : "url";
      return error(
          staff, model, field, CODES.getOrDefault(e.code(), "invalid"), kind, directory, url);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:" + PATH;
  }

  private String error(
      TenantStaff staff,
      Model model,
      String field,
      String code,
      String kind,
      String directory,
      String url) {
    model.addAttribute("error", "einvoice.export.error." + code);
    model.addAttribute("errorField", field);
    model.addAttribute("kind", kind);
    model.addAttribute("directory", directory);
    model.addAttribute("url", url);
    return show(staff, model);
  }
}
