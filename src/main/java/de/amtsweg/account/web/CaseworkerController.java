package de.amtsweg.account.web;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.tenancy.Readiness;
import de.amtsweg.tenancy.ReadinessCheck;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantStaff;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The authority's side of the Postfach for its caseworkers and admins: the replies people sent to
 * their tenant. The tenant comes from the login, never from the URL, so staff of one municipality
 * cannot ask for another's data; a reply to another authority is "not found".
 */
@Controller
class CaseworkerController {

  static final int LIMIT = 100;

  private final Postfach postfach;
  private final Readiness readiness;

  CaseworkerController(Postfach postfach, Readiness readiness) {
    this.postfach = postfach;
    this.readiness = readiness;
  }

  /**
   * Where staff land after signing in: caseworkers in their case inbox, tenant admins on this page
   * with what is missing before the tenant can go live.
   */
  @GetMapping("/verwaltung")
  String start(TenantStaff staff) {
    return staff.isTenantAdmin()
        ? "redirect:/verwaltung/postfach-antworten"
        : "redirect:/verwaltung/vorgaenge";
  }

  @GetMapping("/verwaltung/postfach-antworten")
  String replies(TenantStaff staff, Model model) {
    Tenant tenant = staff.tenant();
    model.addAttribute("tenant", tenant);
    model.addAttribute("replies", postfach.repliesTo(tenant.authorityArs(), LIMIT));
    model.addAttribute("tenantAdmin", staff.isTenantAdmin());
    // The start page of /verwaltung: tenant admins see what is missing until the tenant can go
    // live.
    if (staff.isTenantAdmin()) {
      Readiness.Checklist checklist = readiness.of(tenant, ReadinessCheck.Viewer.TENANT_ADMIN);
      if (!checklist.complete()) {
        model.addAttribute("checklist", checklist);
      }
    }
    return "account/staff/replies";
  }

  @GetMapping("/verwaltung/postfach-antworten/{id}")
  String reply(TenantStaff staff, @PathVariable UUID id, Model model) {
    Tenant tenant = staff.tenant();
    model.addAttribute("tenant", tenant);
    model.addAttribute("reply", postfach.replyTo(tenant.authorityArs(), id));
    return "account/staff/reply";
  }

  @GetMapping("/verwaltung/postfach-antworten/{id}/anhaenge/{attachment}")
  ResponseEntity<byte[]> download(
      TenantStaff staff, @PathVariable UUID id, @PathVariable UUID attachment) {
    PostfachMessage.File file =
        postfach.attachmentOfReplyTo(staff.tenant().authorityArs(), id, attachment);
    return Pages.download(file);
  }
}
