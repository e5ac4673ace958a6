package de.amtsweg.platform.security;

import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.platform.TenantNames;
import de.amtsweg.platform.security.StaffIdentityProviderForms.MappingForm;
import de.amtsweg.platform.security.StaffIdentityProviderForms.PasswordsForm;
import de.amtsweg.platform.security.StaffIdentityProviderForms.ProviderForm;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators configure the administration's identity providers for staff sign-in (ADR 0025): the
 * provider (its issuer is checked by the outbound rules and its discovery document read on save),
 * the mapping of claim values to role and tenant, and per tenant whether local passwords are off.
 * Operators only ({@code /admin/**}).
 */
@Controller
@RequestMapping("/admin/anmeldung")
class StaffIdentityProviderController {

  static final String BASE = "/admin/anmeldung/anbieter";

  private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
  private static final Pattern CLAIM = Pattern.compile("[A-Za-z0-9_:-]+(\\.[A-Za-z0-9_:-]+)*");
  private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]*");

  private static final List<String> PROVIDER_FIELDS =
      List.of(
          "key",
          "displayName",
          "tenantSlug",
          "issuer",
          "clientId",
          "clientSecret",
          "scopes",
          "claim");
  private static final List<String> MAPPING_FIELDS = List.of("claimValue", "role", "mappingTenant");

  private final StaffIdentityProviders providers;
  private final StaffIdentityProviderDiscovery discovery;
  private final ObjectProvider<TenantNames> tenantNames;
  private final PlatformProperties platform;

  StaffIdentityProviderController(
      StaffIdentityProviders providers,
      StaffIdentityProviderDiscovery discovery,
      ObjectProvider<TenantNames> tenantNames,
      PlatformProperties platform) {
    this.providers = providers;
    this.discovery = discovery;
    this.tenantNames = tenantNames;
    this.platform = platform;
  }

  @GetMapping("/anbieter")
  String list(Model model) {
    return showList(model, new PasswordsForm());
  }

  @GetMapping("/anbieter/neu")
  String newProvider(Model model) {
    return showForm(model, new ProviderForm(), null);
  }

  @PostMapping("/anbieter")
  String create(@ModelAttribute("form") ProviderForm form, BindingResult errors, Model model) {
    if (providers.byKey(form.getKey().strip()).isPresent()) {
      errors.rejectValue("key", "staffidp.error.key.taken");
    }
    Optional<StaffIdentityProviders.Endpoints> endpoints = validate(form, true, errors);
    if (errors.hasErrors() || endpoints.isEmpty()) {
      return showForm(model, form, null);
    }
    providers.create(form.settings(), endpoints.get(), form.getClientSecret());
    return "redirect:" + BASE + "/" + form.getKey().strip() + "?gespeichert";
  }

  @GetMapping("/anbieter/{key}")
  String edit(@PathVariable String key, Model model) {
    StaffIdentityProviders.Provider provider = provider(key);
    return showForm(model, ProviderForm.of(provider), provider);
  }

  @PostMapping("/anbieter/{key}")
  String update(
      @PathVariable String key,
      @ModelAttribute("form") ProviderForm form,
      BindingResult errors,
      Model model) {
    StaffIdentityProviders.Provider provider = provider(key);
    form.setKey(provider.key());
    Optional<StaffIdentityProviders.Endpoints> endpoints = validate(form, false, errors);
    if (form.getTenantSlug().isBlank() != (provider.tenantSlug() == null)
        || !form.getTenantSlug().isBlank()
            && !form.getTenantSlug().strip().equals(provider.tenantSlug())) {
      // The mapping rows were checked against the provider's scope: it stays as created.
      errors.rejectValue("tenantSlug", "staffidp.error.tenant.fixed");
    }
    if (errors.hasErrors() || endpoints.isEmpty()) {
      return showForm(model, form, provider);
    }
    providers.update(
        provider,
        form.settings(),
        endpoints.get(),
        form.getClientSecret().isEmpty() ? null : form.getClientSecret());
    return "redirect:" + BASE + "/" + provider.key() + "?gespeichert";
  }

  @PostMapping("/anbieter/{key}/zuordnungen")
  String addMapping(
      @PathVariable String key,
      @ModelAttribute("mapping") MappingForm mapping,
      BindingResult errors,
      Model model) {
    StaffIdentityProviders.Provider provider = provider(key);
    String value = mapping.getClaimValue().strip();
    if (value.isEmpty()) {
      errors.rejectValue("claimValue", "staffidp.error.claimValue.required");
    } else if (value.length() > 200 || !PRINTABLE.matcher(value).matches()) {
      errors.rejectValue("claimValue", "staffidp.error.claimValue.format");
    }
    StaffRole role =
        Arrays.stream(StaffRole.values())
            .filter(r -> r.name().equals(mapping.getRole()))
            .findFirst()
            .orElse(null);
    String tenant =
        mapping.getMappingTenant().isBlank() ? null : mapping.getMappingTenant().strip();
    if (role == null) {
      errors.rejectValue("role", "staffidp.error.role.unknown");
    } else if (role == StaffRole.PLATFORM_OPERATOR && provider.tenantSlug() != null) {
      errors.rejectValue("role", "staffidp.error.role.operator-of-tenant");
    }
    if (tenant != null && !tenants().containsKey(tenant)) {
      errors.rejectValue("mappingTenant", "staffidp.error.tenant.unknown");
    } else if (provider.tenantSlug() != null) {
      if (tenant != null && !tenant.equals(provider.tenantSlug())) {
        errors.rejectValue("mappingTenant", "staffidp.error.tenant.other");
      }
    } else if (role == StaffRole.PLATFORM_OPERATOR && tenant != null) {
      errors.rejectValue("mappingTenant", "staffidp.error.tenant.operator");
    } else if (role != null && role != StaffRole.PLATFORM_OPERATOR && tenant == null) {
      errors.rejectValue("mappingTenant", "staffidp.error.tenant.required");
    }
    if (errors.hasErrors() || role == null) {
      return showForm(model, ProviderForm.of(provider), provider);
    }
    // A tenant-bound provider gives its own tenant; operators have none.
    String granted =
        role == StaffRole.PLATFORM_OPERATOR
            ? null
            : provider.tenantSlug() != null ? provider.tenantSlug() : tenant;
    providers.addMapping(provider.id(), value, role, granted);
    return "redirect:" + BASE + "/" + provider.key() + "?zuordnung";
  }

  @PostMapping("/anbieter/{key}/zuordnungen/{id}/entfernen")
  String removeMapping(@PathVariable String key, @PathVariable UUID id) {
    StaffIdentityProviders.Provider provider = provider(key);
    providers.removeMapping(provider.id(), id);
    return "redirect:" + BASE + "/" + provider.key() + "?entfernt";
  }

  @PostMapping("/passwoerter")
  String passwords(
      @ModelAttribute("passwords") PasswordsForm form, BindingResult errors, Model model) {
    String tenant = form.getTenantSlug().strip();
    boolean allowed = "an".equals(form.getLocalPasswords());
    if (tenant.isEmpty()) {
      errors.rejectValue("tenantSlug", "staffidp.error.tenant.required");
    } else if (!tenants().containsKey(tenant)) {
      errors.rejectValue("tenantSlug", "staffidp.error.tenant.unknown");
    }
    if (!allowed && !"aus".equals(form.getLocalPasswords())) {
      errors.rejectValue("localPasswords", "staffidp.error.passwords.choice");
    }
    if (!errors.hasErrors() && !allowed && !servedByProvider(tenant)) {
      // Else nobody of the tenant could sign in any more.
      errors.rejectValue("tenantSlug", "staffidp.error.passwords.no-provider");
    }
    if (errors.hasErrors()) {
      return showList(model, form);
    }
    providers.setLocalPasswords(tenant, allowed);
    return "redirect:" + BASE + "?passwoerter";
  }

  /** Whether an enabled provider can sign in staff of the tenant. */
  private boolean servedByProvider(String tenant) {
    return providers.enabled().stream()
        .anyMatch(
            p ->
                tenant.equals(p.tenantSlug())
                    || p.tenantSlug() == null
                        && providers.mappings(p.id()).stream()
                            .anyMatch(m -> tenant.equals(m.tenantSlug())));
  }

  /** Checks the form; the endpoints from the issuer's discovery document when all else is fine. */
  private Optional<StaffIdentityProviders.Endpoints> validate(
      ProviderForm form, boolean creating, BindingResult errors) {
    String key = form.getKey().strip();
    if (key.isEmpty()) {
      errors.rejectValue("key", "staffidp.error.key.required");
    } else if (key.length() < 2 || key.length() > 24 || !KEY.matcher(key).matches()) {
      errors.rejectValue("key", "staffidp.error.key.format");
    }
    required(form.getDisplayName(), 100, "displayName", errors);
    if (!form.getTenantSlug().isBlank() && !tenants().containsKey(form.getTenantSlug().strip())) {
      errors.rejectValue("tenantSlug", "staffidp.error.tenant.unknown");
    }
    required(form.getClientId(), 200, "clientId", errors);
    if (creating || !form.getClientSecret().isEmpty()) {
      required(form.getClientSecret(), 500, "clientSecret", errors);
    }
    List<String> scopes = List.of(form.getScopes().strip().split("\\s+"));
    if (form.getScopes().isBlank()
        || form.getScopes().length() > 500
        || !scopes.stream().allMatch(s -> SCOPE.matcher(s).matches())) {
      errors.rejectValue("scopes", "staffidp.error.scopes.format");
    } else if (!scopes.contains("openid")) {
      errors.rejectValue("scopes", "staffidp.error.scopes.openid");
    }
    String claim = form.getClaim().strip();
    if (claim.isEmpty() || claim.length() > 100 || !CLAIM.matcher(claim).matches()) {
      errors.rejectValue("claim", "staffidp.error.claim.format");
    }
    String issuer = form.getIssuer();
    if (issuer.isEmpty()) {
      errors.rejectValue("issuer", "staffidp.error.issuer.required");
      return Optional.empty();
    }
    if (issuer.length() > 500) {
      errors.rejectValue("issuer", "staffidp.error.issuer.syntax");
      return Optional.empty();
    }
    String problem = discovery.problem(issuer);
    if (problem != null) {
      errors.rejectValue("issuer", problem);
      return Optional.empty();
    }
    if (errors.hasErrors()) {
      // Only ask the provider once the rest is right.
      return Optional.empty();
    }
    try {
      return Optional.of(discovery.discover(issuer));
    } catch (StaffIdentityProviderDiscovery.Refused refused) {
      errors.rejectValue("issuer", refused.messageKey());
      return Optional.empty();
    }
  }

  private static void required(String value, int max, String field, BindingResult errors) {
    if (value.isBlank()) {
      errors.rejectValue(field, "staffidp.error." + field + ".required");
    } else if (value.length() > max || !PRINTABLE.matcher(value).matches()) {
      errors.rejectValue(field, "staffidp.error." + field + ".format");
    }
  }

  private String showList(Model model, PasswordsForm passwords) {
    model.addAttribute("providers", providers.all());
    model.addAttribute("tenants", tenants());
    model.addAttribute("tenantOptions", tenantOptions());
    model.addAttribute("passwordsOff", providers.tenantsWithoutPasswords());
    model.addAttribute("passwords", passwords);
    model.addAttribute("passwordFields", List.of("tenantSlug", "localPasswords"));
    return "platform/staff-idp/providers";
  }

  private String showForm(
      Model model, ProviderForm form, StaffIdentityProviders.@Nullable Provider provider) {
    model.addAttribute("form", form);
    model.addAttribute("provider", provider);
    model.addAttribute("fieldOrder", PROVIDER_FIELDS);
    model.addAttribute("tenants", tenants());
    model.addAttribute("tenantOptions", tenantOptions());
    model.addAttribute("roles", StaffRole.values());
    if (provider != null) {
      model.addAttribute("mappings", providers.mappings(provider.id()));
      model.addAttribute(
          "redirectUri",
          platform.publicUrl().toString().replaceAll("/$", "")
              + "/login/oauth2/code/"
              + provider.registrationId());
      if (!model.containsAttribute("mapping")) {
        model.addAttribute("mapping", new MappingForm());
      }
      model.addAttribute("mappingFields", MAPPING_FIELDS);
    }
    return "platform/staff-idp/provider";
  }

  /** A choice of a select field. */
  record Option(String value, String label) {}

  private List<Option> tenantOptions() {
    return tenants().entrySet().stream()
        .map(e -> new Option(e.getKey(), e.getValue() + " (" + e.getKey() + ")"))
        .toList();
  }

  private Map<String, String> tenants() {
    TenantNames names = tenantNames.getIfAvailable();
    return names == null ? Map.of() : names.all();
  }

  private StaffIdentityProviders.Provider provider(String key) {
    return providers
        .byKey(key)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
