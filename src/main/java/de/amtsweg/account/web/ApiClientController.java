package de.amtsweg.account.web;

import de.amtsweg.account.ApiClientException;
import de.amtsweg.account.ApiClients;
import de.amtsweg.account.Organisations;
import de.amtsweg.platform.ApiScope;
import de.amtsweg.platform.Roles;
import de.amtsweg.tenancy.CurrentStaff;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * API clients: tenant admins manage their tenant's clients under {@code /verwaltung/api-clients},
 * platform operators every tenant's and organisation's under {@code /admin/api-clients} (register
 * with the secret shown once, new secret, switch off and on, delete). Which clients a page shows
 * and changes follows from the login, never from the URL. Also {@code GET /api/v1/clients/me}, with
 * which a machine checks what its access token stands for.
 */
@Controller
class ApiClientController {

  static final String TENANT_AREA = "/verwaltung/api-clients";
  static final String OPERATOR_AREA = "/admin/api-clients";

  /** The form's fields top to bottom: the error summary lists errors in this order. */
  private static final List<String> FIELDS = List.of("clientId", "name", "owner", "scopes");

  private final ApiClients clients;
  private final TenantManagement tenants;
  private final Organisations organisations;

  ApiClientController(ApiClients clients, TenantManagement tenants, Organisations organisations) {
    this.clients = clients;
    this.tenants = tenants;
    this.organisations = organisations;
  }

  @InitBinder("form")
  void trimStrings(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping({TENANT_AREA, OPERATOR_AREA})
  String list(CurrentStaff staff, HttpServletRequest request, Model model) {
    Area area = area(staff, request);
    model.addAttribute("clients", clients.list(area.steward()));
    model.addAttribute("ownerLabels", area.operator() ? ownerLabels() : Map.of());
    return area.show(model, "account/staff/api-clients");
  }

  @GetMapping({TENANT_AREA + "/neu", OPERATOR_AREA + "/neu"})
  String newClient(CurrentStaff staff, HttpServletRequest request, Model model) {
    return showForm(area(staff, request), model, new ApiClientForm());
  }

  @PostMapping({TENANT_AREA, OPERATOR_AREA})
  String register(
      CurrentStaff staff,
      HttpServletRequest request,
      @Validated @ModelAttribute("form") ApiClientForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Area area = area(staff, request);
    Optional<ApiClients.Owner> owner =
        switch (area.steward()) {
          case ApiClients.TenantAdmin admin ->
              Optional.of(ApiClients.Owner.tenant(admin.tenantSlug()));
          case ApiClients.Operator operator -> ApiClients.Owner.parse(form.getOwner());
        };
    if (owner.isEmpty()) {
      errors.rejectValue("owner", "account.api-clients.error.owner.required");
    }
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String value : form.getScopes()) {
      Optional<ApiScope> scope = ApiScope.byValue(value);
      if (scope.isEmpty() || owner.isPresent() && scope.get().owner() != owner.get().kind()) {
        errors.rejectValue("scopes", "account.api-clients.error.scopes.fit");
        break;
      }
      scope.ifPresent(scopes::add);
    }
    if (scopes.isEmpty() && !errors.hasFieldErrors("scopes")) {
      errors.rejectValue("scopes", "account.api-clients.error.scopes.required");
    }
    if (!errors.hasErrors()) {
      try {
        ApiClients.Registered registered =
            clients.register(
                area.steward(),
                new ApiClients.NewClient(
                    String.valueOf(form.getClientId()),
                    String.valueOf(form.getName()),
                    owner.orElseThrow(),
                    scopes));
        redirect.addFlashAttribute("created", registered.client().clientId());
        redirect.addFlashAttribute("newSecret", registered.secret());
        return "redirect:" + area.base();
      } catch (ApiClientException e) {
        String field =
            switch (e.type()) {
              case ApiClientException.ID_TAKEN, ApiClientException.ID_INVALID -> "clientId";
              case ApiClientException.NAME_INVALID -> "name";
              case ApiClientException.SCOPE_INVALID -> "scopes";
              default -> "owner";
            };
        errors.rejectValue(field, "problem." + e.type() + ".detail");
      }
    }
    return showForm(area, model, form);
  }

  @PostMapping({TENANT_AREA + "/{id}/neues-geheimnis", OPERATOR_AREA + "/{id}/neues-geheimnis"})
  String rotate(
      CurrentStaff staff,
      HttpServletRequest request,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    Area area = area(staff, request);
    redirect.addFlashAttribute("newSecret", clients.rotateSecret(area.steward(), id));
    redirect.addFlashAttribute("rotated", id);
    return "redirect:" + area.base();
  }

  @PostMapping({TENANT_AREA + "/{id}/ausschalten", OPERATOR_AREA + "/{id}/ausschalten"})
  String disable(
      CurrentStaff staff,
      HttpServletRequest request,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    return switchTo(false, area(staff, request), id, redirect);
  }

  @PostMapping({TENANT_AREA + "/{id}/einschalten", OPERATOR_AREA + "/{id}/einschalten"})
  String enable(
      CurrentStaff staff,
      HttpServletRequest request,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    return switchTo(true, area(staff, request), id, redirect);
  }

  /** Asks before deleting (works without JavaScript). */
  @GetMapping({TENANT_AREA + "/{id}/loeschen", OPERATOR_AREA + "/{id}/loeschen"})
  String confirmDelete(
      CurrentStaff staff, HttpServletRequest request, @PathVariable UUID id, Model model) {
    Area area = area(staff, request);
    model.addAttribute("client", clients.get(area.steward(), id));
    return area.show(model, "account/staff/api-client-delete");
  }

  @PostMapping({TENANT_AREA + "/{id}/loeschen", OPERATOR_AREA + "/{id}/loeschen"})
  String delete(
      CurrentStaff staff,
      HttpServletRequest request,
      @PathVariable UUID id,
      RedirectAttributes redirect) {
    Area area = area(staff, request);
    ApiClients.Client client = clients.get(area.steward(), id);
    clients.delete(area.steward(), id);
    redirect.addFlashAttribute("notice", "account.api-clients.deleted");
    redirect.addFlashAttribute("noticeClient", client.clientId());
    return "redirect:" + area.base();
  }

  /** Who the calling machine is: client id, owner and scopes of its access token. */
  @GetMapping("/api/v1/clients/me")
  @ResponseBody
  Map<String, Object> me(Authentication authentication) {
    List<String> authorities =
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    return Map.of(
        "clientId", authentication.getName(),
        "tenant", prefixed(authorities, Roles.TENANT_AUTHORITY_PREFIX),
        "organisation", prefixed(authorities, Roles.ORGANISATION_AUTHORITY_PREFIX),
        "scopes",
            authorities.stream()
                .filter(a -> a.startsWith("SCOPE_"))
                .map(a -> a.substring(6))
                .sorted()
                .toList());
  }

  private String switchTo(boolean enabled, Area area, UUID id, RedirectAttributes redirect) {
    clients.setEnabled(area.steward(), id, enabled);
    redirect.addFlashAttribute(
        "notice", enabled ? "account.api-clients.enabled" : "account.api-clients.disabled");
    redirect.addFlashAttribute("noticeClient", clients.get(area.steward(), id).clientId());
    return "redirect:" + area.base();
  }

  private String showForm(Area area, Model model, ApiClientForm form) {
    model.addAttribute("form", form);
    model.addAttribute("fieldOrder", FIELDS);
    model.addAttribute(
        "scopeChoices",
        area.operator() ? List.of(ApiScope.values()) : ApiScope.of(ApiScope.OwnerKind.TENANT));
    if (area.operator()) {
      model.addAttribute(
          "owners",
          ownerLabels().entrySet().stream()
              .map(owner -> new ProfileController.Option(owner.getKey(), owner.getValue()))
              .toList());
    }
    return area.show(model, "account/staff/api-client-form");
  }

  /** Every possible owner's label, tenants first: {@code tenant:<slug>} → its name. */
  private Map<String, String> ownerLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Tenant tenant : tenants.all()) {
      labels.put(ApiClients.Owner.tenant(tenant.slug()).value(), tenant.displayName());
    }
    for (Organisations.Organisation organisation : organisations.all()) {
      labels.put(
          ApiClients.Owner.organisation(organisation.id()).value(), organisation.details().name());
    }
    return labels;
  }

  /**
   * Which area the request is in, and so whose clients it manages: the security rules let only
   * tenant admins into {@code /verwaltung} and only operators into {@code /admin}; the tenant comes
   * from the login.
   */
  private static Area area(CurrentStaff staff, HttpServletRequest request) {
    if (request.getRequestURI().startsWith(OPERATOR_AREA)) {
      if (!staff.isOperator()) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN);
      }
      return new Area(new ApiClients.Operator(), OPERATOR_AREA, "/admin");
    }
    Tenant tenant =
        staff.ownTenant().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    return new Area(new ApiClients.TenantAdmin(tenant.slug()), TENANT_AREA, "/verwaltung");
  }

  private static String prefixed(List<String> authorities, String prefix) {
    return authorities.stream()
        .filter(a -> a.startsWith(prefix))
        .map(a -> a.substring(prefix.length()))
        .findFirst()
        .orElse("");
  }

  /** The area of a request: whose clients, at which path, below which start page. */
  private record Area(ApiClients.Steward steward, String base, String home) {

    boolean operator() {
      return steward instanceof ApiClients.Operator;
    }

    String show(Model model, String view) {
      model.addAttribute("base", base);
      model.addAttribute("home", home);
      model.addAttribute("operator", operator());
      return view;
    }
  }
}
