package de.amtsweg.platform.staff;

import de.amtsweg.platform.Roles;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Whose staff someone manages: an operator all staff ({@code tenant} null), a tenant admin the
 * caseworkers and admins of their own tenant. Taken from the login, never from the request.
 *
 * @param actor the user name of the one who manages, for the audit log
 * @param tenant the tenant of a tenant admin; null for operators
 */
record Scope(String actor, @Nullable String tenant) {

  /** The roles a tenant admin manages; operators manage every role. */
  static final List<String> TENANT_ROLES = List.of(Roles.CASEWORKER, Roles.TENANT_ADMIN);

  static final List<String> ALL_ROLES =
      List.of(Roles.CASEWORKER, Roles.TENANT_ADMIN, Roles.APP_EDITOR, Roles.PLATFORM_OPERATOR);

  boolean operator() {
    return tenant == null;
  }

  List<String> roles() {
    return operator() ? ALL_ROLES : TENANT_ROLES;
  }

  /**
   * @throws StaffException {@code staff-not-allowed} for anyone but operators and tenant admins
   */
  static Scope of(Authentication authentication) {
    Set<String> authorities =
        authentication.getAuthorities().stream()
            .map(a -> String.valueOf(a.getAuthority()))
            .collect(java.util.stream.Collectors.toSet());
    if (authorities.contains("ROLE_" + Roles.PLATFORM_OPERATOR)) {
      return new Scope(authentication.getName(), null);
    }
    if (authorities.contains("ROLE_" + Roles.TENANT_ADMIN)) {
      return new Scope(
          authentication.getName(),
          Roles.tenantOf(authentication).orElseThrow(StaffException::notAllowed));
    }
    throw StaffException.notAllowed();
  }
}
