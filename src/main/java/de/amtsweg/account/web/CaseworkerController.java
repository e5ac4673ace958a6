package de.amtsweg.account.web;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.platform.Roles;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The authority's side of the Postfach for its caseworkers and admins: the replies people sent to
 * their tenant. The tenant comes from the login, never from the URL, so staff of one municipality
 * cannot ask for another's data; a reply to another authority is "not found".
 */
@Controller
class CaseworkerController {

  static final int LIMIT = 100;

  private final Postfach postfach;
  private final TenantManagement tenants;

  CaseworkerController(Postfach postfach, TenantManagement tenants) {
    this.postfach = postfach;
    this.tenants = tenants;
  }

  @GetMapping("/verwaltung")
  String start() {
    return "redirect:/verwaltung/postfach-antworten";
  }

  @GetMapping("/verwaltung/postfach-antworten")
  String replies(Authentication authentication, Model model) {
    Tenant tenant = tenant(authentication);
    model.addAttribute("tenant", tenant);
    model.addAttribute("replies", postfach.repliesTo(tenant.authorityArs(), LIMIT));
    model.addAttribute(
        "tenantAdmin",
        authentication.getAuthorities().stream()
            .anyMatch(a -> ("ROLE_" + Roles.TENANT_ADMIN).equals(a.getAuthority())));
    return "account/staff/replies";
  }

  @GetMapping("/verwaltung/postfach-antworten/{id}")
  String reply(Authentication authentication, @PathVariable UUID id, Model model) {
    Tenant tenant = tenant(authentication);
    model.addAttribute("tenant", tenant);
    model.addAttribute("reply", postfach.replyTo(tenant.authorityArs(), id));
    return "account/staff/reply";
  }

  @GetMapping("/verwaltung/postfach-antworten/{id}/anhaenge/{attachment}")
  ResponseEntity<byte[]> download(
      Authentication authentication, @PathVariable UUID id, @PathVariable UUID attachment) {
    PostfachMessage.File file =
        postfach.attachmentOfReplyTo(tenant(authentication).authorityArs(), id, attachment);
    return Pages.download(file);
  }

  /** The tenant of the logged-in staff member. */
  private Tenant tenant(Authentication authentication) {
    return Roles.tenantOf(authentication)
        .flatMap(tenants::bySlug)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }
}
