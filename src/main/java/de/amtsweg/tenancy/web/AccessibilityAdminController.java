package de.amtsweg.tenancy.web;

import de.amtsweg.platform.Times;
import de.amtsweg.tenancy.AccessibilityStatements;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantException;
import de.amtsweg.tenancy.TenantStaff;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The tenant admin's page of the accessibility statement: dates, conformity, the known barriers,
 * and the reports of barriers people sent. The tenant comes from the login, never from the URL.
 */
@Controller
class AccessibilityAdminController {

  static final String PATH = "/verwaltung/barrierefreiheit";
  static final List<String> FIELDS =
      List.of("conformity", "preparedOn", "reviewedOn", "knownBarriers");
  private static final int REPORTS_SHOWN = 100;

  private final AccessibilityStatements statements;
  private final Times times;

  AccessibilityAdminController(AccessibilityStatements statements, Times times) {
    this.statements = statements;
    this.times = times;
  }

  @GetMapping(PATH)
  String show(TenantStaff staff, Model model) {
    Tenant tenant = admin(staff);
    return page(tenant, StatementForm.of(statements.of(tenant)), model);
  }

  @PostMapping(PATH)
  String save(
      TenantStaff staff,
      @Valid @ModelAttribute("statementForm") StatementForm form,
      BindingResult errors,
      HttpServletResponse response,
      Model model) {
    Tenant tenant = admin(staff);
    LocalDate today = LocalDate.now(times.zone());
    LocalDate prepared = StatementForm.date(form.getPreparedOn());
    LocalDate reviewed = StatementForm.date(form.getReviewedOn());
    if (!errors.hasFieldErrors("preparedOn")) {
      if (prepared == null) {
        errors.rejectValue("preparedOn", "a11y.admin.error.date.format");
      } else if (prepared.isAfter(today)) {
        errors.rejectValue("preparedOn", "a11y.admin.error.date.future");
      }
    }
    if (!errors.hasFieldErrors("reviewedOn")) {
      if (reviewed == null) {
        errors.rejectValue("reviewedOn", "a11y.admin.error.date.format");
      } else if (reviewed.isAfter(today)) {
        errors.rejectValue("reviewedOn", "a11y.admin.error.date.future");
      } else if (prepared != null && reviewed.isBefore(prepared)) {
        errors.rejectValue("reviewedOn", "a11y.admin.error.date.before");
      }
    }
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(tenant, form, model);
    }
    try {
      statements.save(
          tenant,
          Objects.requireNonNull(form.getConformity()),
          Objects.requireNonNull(prepared),
          Objects.requireNonNull(reviewed),
          form.getKnownBarriers() == null ? "" : form.getKnownBarriers(),
          staff.username(),
          form.getVersion(),
          today);
    } catch (TenantException e) {
      errors.reject("a11y.admin.error.concurrent");
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(tenant, form, model);
    }
    return "redirect:" + PATH + "?gespeichert";
  }

  private String page(Tenant tenant, StatementForm form, Model model) {
    model.addAttribute("tenant", tenant);
    model.addAttribute("statementForm", form);
    model.addAttribute("fieldOrder", FIELDS);
    model.addAttribute("reports", statements.reports(tenant, REPORTS_SHOWN));
    return "tenancy/accessibility-admin";
  }

  private static Tenant admin(TenantStaff staff) {
    if (!staff.isTenantAdmin()) {
      throw new AccessDeniedException("only the tenant's admins keep its accessibility statement");
    }
    return staff.tenant();
  }
}
