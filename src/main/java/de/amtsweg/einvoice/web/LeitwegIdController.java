package de.amtsweg.einvoice.web;

import de.amtsweg.einvoice.LeitwegRegistry;
import de.amtsweg.tenancy.TenantManagement;
import de.amtsweg.tenancy.TenantStaff;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Leitweg-ID registry: tenant admins keep their own tenant's IDs at {@code
 * /verwaltung/leitweg-ids}, the operator everybody's at {@code /admin/leitweg-ids}.
 */
@Controller
class LeitwegIdController {

  private final LeitwegRegistry registry;
  private final TenantManagement tenants;

  LeitwegIdController(LeitwegRegistry registry, TenantManagement tenants) {
    this.registry = registry;
    this.tenants = tenants;
  }

  @GetMapping("/verwaltung/leitweg-ids")
  String tenantList(TenantStaff staff, Model model) {
    model.addAttribute("entries", registry.of(staff.tenant().slug()));
    model.addAttribute("operator", false);
    return "einvoice/leitweg-ids";
  }

  @PostMapping("/verwaltung/leitweg-ids")
  String tenantAdd(
      TenantStaff staff,
      @RequestParam(defaultValue = "") String leitwegId,
      @RequestParam(required = false) @Nullable String description,
      Model model,
      RedirectAttributes redirect) {
    return add(staff.tenant().slug(), leitwegId, description, false, model, redirect);
  }

  @PostMapping("/verwaltung/leitweg-ids/entfernen")
  String tenantRemove(
      TenantStaff staff, @RequestParam String leitwegId, RedirectAttributes redirect) {
    if (!registry.remove(staff.tenant().slug(), leitwegId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    redirect.addFlashAttribute("removed", leitwegId);
    return "redirect:/verwaltung/leitweg-ids";
  }

  @GetMapping("/admin/leitweg-ids")
  String operatorList(Model model) {
    model.addAttribute("entries", registry.all());
    model.addAttribute("operator", true);
    model.addAttribute("tenants", tenants.all());
    return "einvoice/leitweg-ids";
  }

  @PostMapping("/admin/leitweg-ids")
  String operatorAdd(
      @RequestParam(defaultValue = "") String tenant,
      @RequestParam(defaultValue = "") String leitwegId,
      @RequestParam(required = false) @Nullable String description,
      Model model,
      RedirectAttributes redirect) {
    if (tenants.bySlug(tenant).isEmpty()) {
      model.addAttribute("error", "einvoice.leitweg.error.tenant");
      model.addAttribute("leitwegId", leitwegId);
      return operatorList(model);
    }
    return add(tenant, leitwegId, description, true, model, redirect);
  }

  @PostMapping("/admin/leitweg-ids/entfernen")
  String operatorRemove(
      @RequestParam String tenant, @RequestParam String leitwegId, RedirectAttributes redirect) {
    if (!registry.remove(tenant, leitwegId)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    redirect.addFlashAttribute("removed", leitwegId);
    return "redirect:/admin/leitweg-ids";
  }

  private String add(
      String tenant,
      String text,
      @Nullable String description,
      boolean operator,
      Model model,
      RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute(
          "added",
          registry
              .register(
                  tenant,
                  text,
                  description == null
                      ? null
                      : description.substring(0, Math.min(200, description.length())))
              .toString());
      return operator ? "redirect:/admin/leitweg-ids" : "redirect:/verwaltung/leitweg-ids";
    } catch (LeitwegRegistry.RegistryException e) {
      model.addAttribute("error", "einvoice.leitweg.error." + e.type());
      model.addAttribute("leitwegId", text);
      model.addAttribute("description", description);
      if (operator) {
        model.addAttribute("entries", registry.all());
        model.addAttribute("tenants", tenants.all());
      } else {
        model.addAttribute("entries", registry.of(tenant));
      }
      model.addAttribute("operator", operator);
      return "einvoice/leitweg-ids";
    }
  }
}
