package de.amtsweg.platform.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff management pages: operators at {@code /admin/mitarbeitende} (all staff), tenant admins at
 * {@code /verwaltung/mitarbeitende} (their tenant's caseworkers and admins). The same handlers
 * serve both; whose staff is always taken from the login ({@link Scope}), never from the form.
 */
@Controller
class StaffController {

  static final String ADMIN = "/admin/mitarbeitende";
  static final String TENANT = "/verwaltung/mitarbeitende";

  private final StaffManagement staff;

  StaffController(StaffManagement staff) {
    this.staff = staff;
  }

  @GetMapping({ADMIN, TENANT})
  String list(Authentication login, HttpServletRequest request, Model model) {
    Scope scope = Scope.of(login);
    model.addAttribute("base", base(request));
    model.addAttribute("operator", scope.operator());
    model.addAttribute("me", scope.actor());
    model.addAttribute("members", staff.list(scope));
    return "platform/staff/list";
  }

  /**
   * The form; {@code tenant} and {@code role} preselect it (the onboarding's "Verwaltung
   * einladen").
   */
  @GetMapping({ADMIN + "/einladen", TENANT + "/einladen"})
  String inviteForm(
      Authentication login,
      HttpServletRequest request,
      @RequestParam(defaultValue = "") String tenant,
      @RequestParam(defaultValue = "") String role,
      Model model) {
    return inviteForm(Scope.of(login), base(request), model, "", "", role, tenant, null);
  }

  @PostMapping({ADMIN + "/einladen", TENANT + "/einladen"})
  String invite(
      Authentication login,
      HttpServletRequest request,
      HttpServletResponse response,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String role,
      @RequestParam(defaultValue = "") String tenant,
      Model model,
      RedirectAttributes redirect) {
    Scope scope = Scope.of(login);
    String base = base(request);
    try {
      String username =
          staff.invite(scope, email, displayName, role, tenant.isBlank() ? null : tenant);
      redirect.addFlashAttribute("invited", username);
      return "redirect:" + base;
    } catch (StaffException e) {
      if (StaffException.NOT_ALLOWED.equals(e.type())) {
        throw e;
      }
      response.setStatus(e.status().value());
      return inviteForm(
          scope, base, model, email, displayName, role, tenant, "staff.invite.error." + e.type());
    }
  }

  @PostMapping({ADMIN + "/{id}/einladen", TENANT + "/{id}/einladen"})
  String reinvite(
      Authentication login,
      HttpServletRequest request,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    staff.reinvite(Scope.of(login), id);
    redirect.addFlashAttribute("done", "staff.done.reinvited");
    return "redirect:" + base(request);
  }

  @PostMapping({ADMIN + "/{id}/sperren", TENANT + "/{id}/sperren"})
  String disable(
      Authentication login,
      HttpServletRequest request,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    staff.setEnabled(Scope.of(login), id, false);
    redirect.addFlashAttribute("done", "staff.done.disabled");
    return "redirect:" + base(request);
  }

  @PostMapping({ADMIN + "/{id}/entsperren", TENANT + "/{id}/entsperren"})
  String enable(
      Authentication login,
      HttpServletRequest request,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    staff.setEnabled(Scope.of(login), id, true);
    redirect.addFlashAttribute("done", "staff.done.enabled");
    return "redirect:" + base(request);
  }

  @PostMapping({ADMIN + "/{id}/zweiter-faktor", TENANT + "/{id}/zweiter-faktor"})
  String resetFactors(
      Authentication login,
      HttpServletRequest request,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    staff.resetFactors(Scope.of(login), id);
    redirect.addFlashAttribute("done", "staff.done.factor-reset");
    return "redirect:" + base(request);
  }

  @GetMapping({ADMIN + "/protokoll", TENANT + "/protokoll"})
  String audit(Authentication login, HttpServletRequest request, Model model) {
    Scope scope = Scope.of(login);
    model.addAttribute("base", base(request));
    model.addAttribute("operator", scope.operator());
    model.addAttribute("entries", staff.auditLog(scope));
    return "platform/staff/audit";
  }

  private String inviteForm(
      Scope scope,
      String base,
      Model model,
      String email,
      String displayName,
      String role,
      String tenant,
      @Nullable String error) {
    model.addAttribute("base", base);
    model.addAttribute("operator", scope.operator());
    model.addAttribute("roles", scope.roles());
    model.addAttribute("tenants", scope.operator() ? staff.tenants() : java.util.Map.of());
    model.addAttribute("email", email);
    model.addAttribute("displayName", displayName);
    model.addAttribute("role", role);
    model.addAttribute("tenant", tenant);
    model.addAttribute("error", error);
    return "platform/staff/invite";
  }

  /** The area the request came through: the operator's or the tenant admin's. */
  private static String base(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/admin/") ? ADMIN : TENANT;
  }
}
