package de.amtsweg.catalog.web;

import de.amtsweg.catalog.VerbundSelfCheck;
import de.amtsweg.tenancy.TenantStaff;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The tenant admin's self-check: what the Portalverbund sees of the tenant's Leistungen and what is
 * missing. The tenant comes from the login, never from the URL, so an admin sees only their own.
 */
@Controller
class SelfCheckController {

  static final String PATH = "/verwaltung/portalverbund";

  private final VerbundSelfCheck selfCheck;

  SelfCheckController(VerbundSelfCheck selfCheck) {
    this.selfCheck = selfCheck;
  }

  @GetMapping(PATH)
  String show(TenantStaff staff, Locale locale, Model model) {
    if (!staff.isTenantAdmin()) {
      throw new AccessDeniedException("only the tenant's admins see its self-check");
    }
    model.addAttribute("tenant", staff.tenant());
    model.addAttribute("report", selfCheck.of(staff.tenant(), locale));
    return "catalog/self-check";
  }
}
