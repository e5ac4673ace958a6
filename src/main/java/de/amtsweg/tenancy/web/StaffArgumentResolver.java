package de.amtsweg.tenancy.web;

import de.amtsweg.platform.Roles;
import de.amtsweg.tenancy.CurrentStaff;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantStaff;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

/**
 * Fills controller parameters of type {@link CurrentStaff} and {@link TenantStaff} from the login:
 * the roles from its authorities, the tenant from its {@code TENANT_<slug>} authority, the display
 * name from the staff account. What the controllers did one by one before: staff without a tenant
 * asking for a tenant's page get 403 ({@code ResponseStatusException}); callers who are not staff
 * get Spring Security's answer to an {@link AccessDeniedException} (403, or the login page without
 * login).
 */
final class StaffArgumentResolver implements HandlerMethodArgumentResolver {

  /** The roles of staff accounts ({@code platform.security.StaffRole}). */
  private static final Set<String> STAFF_ROLES =
      Set.of(Roles.PLATFORM_OPERATOR, Roles.TENANT_ADMIN, Roles.CASEWORKER, Roles.APP_EDITOR);

  private final Function<String, Optional<Tenant>> tenantBySlug;
  private final Function<String, Optional<String>> displayName;

  /**
   * @param tenantBySlug the tenant of a slug ({@code TenantManagement.bySlug})
   * @param displayName the display name of a staff account ({@code StaffDirectory.byUsername})
   */
  StaffArgumentResolver(
      Function<String, Optional<Tenant>> tenantBySlug,
      Function<String, Optional<String>> displayName) {
    this.tenantBySlug = tenantBySlug;
    this.displayName = displayName;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    Class<?> type = parameter.getParameterType();
    return type == CurrentStaff.class || type == TenantStaff.class;
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      @Nullable WebDataBinderFactory binderFactory) {
    CurrentStaff current = current(SecurityContextHolder.getContext().getAuthentication());
    if (parameter.getParameterType() == CurrentStaff.class) {
      return current;
    }
    Tenant tenant = current.tenant();
    if (tenant == null) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
    return new TenantStaff(current.username(), current.displayName(), current.roles(), tenant);
  }

  private CurrentStaff current(@Nullable Authentication authentication) {
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      throw new AccessDeniedException("not logged in");
    }
    Set<String> roles =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a != null && a.startsWith("ROLE_"))
            .map(a -> a.substring("ROLE_".length()))
            .filter(STAFF_ROLES::contains)
            .collect(Collectors.toUnmodifiableSet());
    if (roles.isEmpty()) {
      throw new AccessDeniedException("not staff");
    }
    String username = authentication.getName();
    @Nullable Tenant tenant = Roles.tenantOf(authentication).flatMap(tenantBySlug).orElse(null);
    return new CurrentStaff(username, displayName.apply(username).orElse(username), roles, tenant);
  }
}
