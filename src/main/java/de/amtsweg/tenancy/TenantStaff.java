package de.amtsweg.tenancy;

import de.amtsweg.platform.Roles;
import java.util.Set;

/**
 * The signed-in staff member of a tenant (caseworker, tenant admin, app editor), with that tenant.
 * Declare it as a parameter of a controller method and it is filled from the login, never from the
 * request, so every query the handler makes can be scoped to {@link #tenant()} (ADR 0010). Staff
 * without a tenant (platform operators), or whose tenant does not exist, are refused with 403, as
 * are callers who are not staff (without login: the login page).
 *
 * @param username the staff account, as logs and audit entries name it
 * @param displayName the name to show
 * @param roles the staff roles, e.g. {@link Roles#TENANT_ADMIN} (without {@code ROLE_})
 * @param tenant the tenant they work for
 */
public record TenantStaff(String username, String displayName, Set<String> roles, Tenant tenant) {

  public TenantStaff {
    roles = Set.copyOf(roles);
  }

  /** Whether they have the role (e.g. {@link Roles#CASEWORKER}). */
  public boolean has(String role) {
    return roles.contains(role);
  }

  /** Whether they administer the tenant ({@link Roles#TENANT_ADMIN}). */
  public boolean isTenantAdmin() {
    return has(Roles.TENANT_ADMIN);
  }
}
