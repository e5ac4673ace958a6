package de.amtsweg.platform;

import java.util.List;
import java.util.Optional;

/**
 * Who works for a tenant: the staff accounts other modules may name (e.g. as the assignee of a
 * case). Names and roles only, never credentials.
 */
public interface StaffDirectory {

  /** An enabled staff account of a tenant. */
  record StaffMember(String username, String displayName) {}

  /** The tenant's enabled caseworkers and admins, by display name. */
  List<StaffMember> ofTenant(String tenantSlug);

  /**
   * The staff account with this user name (any role, also a platform operator), if there is one.
   */
  Optional<StaffMember> byUsername(String username);

  /**
   * The tenant of the staff account with this user name; empty for platform operators and unknown
   * names.
   */
  Optional<String> tenantOf(String username);

  /** The enabled caseworker or admin of this tenant with this user name, if there is one. */
  default Optional<StaffMember> member(String tenantSlug, String username) {
    return ofTenant(tenantSlug).stream()
        .filter(m -> m.username().equalsIgnoreCase(username.strip()))
        .findFirst();
  }
}
