package de.amtsweg.tenancy;

import de.amtsweg.platform.Roles;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in staff member, whoever they are: a platform operator (no tenant) or staff of a
 * tenant. Declare it as a parameter of a controller method and it is filled from the login, never
 * from the request; a caller who is not staff is refused with 403 (without login: the login page).
 * Handlers that only serve a tenant's staff take {@link TenantStaff} instead.
 *
 * @param username the staff account, as logs and audit entries name it
 * @param displayName the name to show
 * @param roles the staff roles, e.g. {@link Roles#TENANT_ADMIN} (without {@code ROLE_})
 * @param tenant the tenant they work for; null for platform operators
 */
public record CurrentStaff(
    String username, String displayName, Set<String> roles, @Nullable Tenant tenant) {

  public CurrentStaff {
    roles = Set.copyOf(roles);
  }

  /** The tenant they work for; empty for platform operators. */
  public Optional<Tenant> ownTenant() {
    return Optional.ofNullable(tenant);
  }

  /** Whether they have the role (e.g. {@link Roles#CASEWORKER}). */
  public boolean has(String role) {
    return roles.contains(role);
  }

  /** Whether they run the platform ({@link Roles#PLATFORM_OPERATOR}). */
  public boolean isOperator() {
    return has(Roles.PLATFORM_OPERATOR);
  }
}
