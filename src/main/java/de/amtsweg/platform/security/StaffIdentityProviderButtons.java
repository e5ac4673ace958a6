package de.amtsweg.platform.security;

import de.amtsweg.platform.TenantNames;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the staff login page shows of the identity providers (template {@code
 * platform/staff-idp/login :: providers}, which reads this bean by name): one button per enabled
 * provider, and for a tenant whose local passwords are off, that its staff sign in only there.
 */
@Component("staffIdentityProviderButtons")
class StaffIdentityProviderButtons {

  /**
   * A button.
   *
   * @param tenantName the provider's tenant, null for a Land-wide provider
   * @param passwordsOff whether that tenant's staff can sign in only through the provider
   */
  record Button(
      String registrationId, String name, @Nullable String tenantName, boolean passwordsOff) {}

  private final StaffIdentityProviders providers;
  private final ObjectProvider<TenantNames> tenantNames;

  StaffIdentityProviderButtons(
      StaffIdentityProviders providers, ObjectProvider<TenantNames> tenantNames) {
    this.providers = providers;
    this.tenantNames = tenantNames;
  }

  /** The enabled providers, by name. */
  public List<Button> all() {
    List<StaffIdentityProviders.Provider> enabled = providers.enabled();
    if (enabled.isEmpty()) {
      return List.of();
    }
    Set<String> off = providers.tenantsWithoutPasswords();
    TenantNames names = tenantNames.getIfAvailable();
    Map<String, String> tenants = names == null ? Map.of() : names.all();
    return enabled.stream()
        .map(
            p ->
                new Button(
                    p.registrationId(),
                    p.displayName(),
                    p.tenantSlug() == null
                        ? null
                        : tenants.getOrDefault(p.tenantSlug(), p.tenantSlug()),
                    p.tenantSlug() != null && off.contains(p.tenantSlug())))
        .toList();
  }

  /** The message key of a refusal code from {@code ?anbieter=}; unknown codes read as failed. */
  public String refusalKey(@Nullable String code) {
    StaffIdentityProviderLogin.Refusal refusal =
        Arrays.stream(StaffIdentityProviderLogin.Refusal.values())
            .filter(r -> r.code.equals(code))
            .findFirst()
            .orElse(StaffIdentityProviderLogin.Refusal.FAILED);
    return "staffidp.login.refused." + refusal.code;
  }
}
