package de.amtsweg.portal.web;

import de.amtsweg.platform.RateLimits;
import de.amtsweg.portal.PortalProperties;
import de.amtsweg.tenancy.AccessibilityStatements;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Erklärung zur Barrierefreiheit: the portal's (that of the operator tenant) at {@code
 * /barrierefreiheit}, each tenant's at {@code /barrierefreiheit/{slug}}, the one its branded pages
 * link. Each has the feedback form, whose reports reach the tenant.
 */
@Controller
class AccessibilityStatementController {

  /** Order of the fields in the error summary. */
  static final List<String> FIELDS = List.of("message", "page", "name", "email");

  private static final int REPORTS_PER_HOUR = 10;

  private final TenantManagement tenants;
  private final AccessibilityStatements statements;
  private final PortalProperties properties;
  private final RateLimits rateLimits;

  AccessibilityStatementController(
      TenantManagement tenants,
      AccessibilityStatements statements,
      PortalProperties properties,
      RateLimits rateLimits) {
    this.tenants = tenants;
    this.statements = statements;
    this.properties = properties;
    this.rateLimits = rateLimits;
  }

  @GetMapping("/barrierefreiheit")
  String portal(Model model) {
    Tenant operator = tenants.bySlug(properties.operatorTenant()).orElse(null);
    if (operator == null) {
      // An installation without the operator tenant: the platform's statement, feedback by mail.
      model.addAttribute("statement", AccessibilityStatements.platformAssessment());
      model.addAttribute("tenant", null);
      model.addAttribute("contactEmail", properties.accessibilityContact());
      addBody(model);
      return "portal/barrierefreiheit";
    }
    return page(operator, new FeedbackForm(), model);
  }

  @GetMapping("/barrierefreiheit/{slug}")
  String tenant(@PathVariable String slug, Model model) {
    Tenant tenant = tenant(slug);
    model.addAttribute("themeSlug", tenant.slug());
    return page(tenant, new FeedbackForm(), model);
  }

  @PostMapping("/barrierefreiheit/{slug}")
  String report(
      @PathVariable String slug,
      @Valid @ModelAttribute("feedback") FeedbackForm form,
      BindingResult errors,
      @RequestParam(name = "portal", required = false) @Nullable String portal,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Tenant tenant = tenant(slug);
    boolean portalPage = portal != null && tenant.slug().equals(properties.operatorTenant());
    if (!portalPage) {
      model.addAttribute("themeSlug", tenant.slug());
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(tenant, form, model);
    }
    if (rateLimits.take(
            "accessibility-feedback",
            request.getRemoteAddr(),
            REPORTS_PER_HOUR,
            Duration.ofHours(1))
        instanceof RateLimits.Refused) {
      errors.reject("a11y.feedback.error.too-many");
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return page(tenant, form, model);
    }
    statements.report(
        tenant,
        form.getPage(),
        java.util.Objects.requireNonNull(form.getMessage()),
        form.getName(),
        form.getEmail());
    String target = portalPage ? "/barrierefreiheit" : "/barrierefreiheit/" + tenant.slug();
    return "redirect:" + target + "?gesendet#barriere-melden";
  }

  private String page(Tenant tenant, FeedbackForm form, Model model) {
    model.addAttribute("tenant", tenant);
    model.addAttribute("portalStatement", tenant.slug().equals(properties.operatorTenant()));
    model.addAttribute("statement", statements.of(tenant));
    String contact = tenant.profile().accessibilityContact();
    model.addAttribute(
        "contactEmail", contact == null || contact.isBlank() ? tenant.profile().email() : contact);
    model.addAttribute("feedback", form);
    model.addAttribute("fieldOrder", FIELDS);
    addBody(model);
    return "portal/barrierefreiheit";
  }

  private void addBody(Model model) {
    model.addAttribute("conciliationBody", properties.conciliationBody());
    model.addAttribute("conciliationUrl", properties.conciliationUrl());
  }

  private Tenant tenant(String slug) {
    return tenants
        .bySlug(slug)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
