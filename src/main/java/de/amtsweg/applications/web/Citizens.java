package de.amtsweg.applications.web;

import de.amtsweg.platform.Roles;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/** Who is applying: a logged-in Servicekonto (its id is the principal's name), or nobody. */
final class Citizens {

  private Citizens() {}

  static @Nullable UUID id(@Nullable Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication.getAuthorities().stream()
            .noneMatch(a -> Roles.CITIZEN_AUTHORITY.equals(a.getAuthority()))) {
      return null;
    }
    try {
      return UUID.fromString(authentication.getName());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
