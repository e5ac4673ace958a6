package de.amtsweg.tenancy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.tenancy.CurrentStaff;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantProfile;
import de.amtsweg.tenancy.TenantStaff;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.server.ResponseStatusException;

/** Controller parameters for the signed-in staff member, filled from the login only. */
class StaffArgumentResolverTest {

  private static final Tenant ERFURT =
      new Tenant(
          UUID.randomUUID(),
          "erfurt",
          "160510000000",
          new TenantProfile(
              "Stadt Erfurt",
              "#004b87",
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null),
          false,
          0);

  private final StaffArgumentResolver resolver =
      new StaffArgumentResolver(
          slug -> Optional.ofNullable(Map.of("erfurt", ERFURT).get(slug)),
          username ->
              Optional.ofNullable(Map.of("verwaltung-erfurt", "Verwaltung Erfurt").get(username)));

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void tenantStaffGetTheirTenantRolesAndName() throws Exception {
    logIn("verwaltung-erfurt", "ROLE_TENANT_ADMIN", "TENANT_erfurt");

    TenantStaff staff = (TenantStaff) resolve(TenantStaff.class);
    assertThat(staff.tenant()).isEqualTo(ERFURT);
    assertThat(staff.username()).isEqualTo("verwaltung-erfurt");
    assertThat(staff.displayName()).isEqualTo("Verwaltung Erfurt");
    assertThat(staff.roles()).containsExactly("TENANT_ADMIN");
    assertThat(staff.isTenantAdmin()).isTrue();
    CurrentStaff current = (CurrentStaff) resolve(CurrentStaff.class);
    assertThat(current.ownTenant()).contains(ERFURT);
    assertThat(current.isOperator()).isFalse();
  }

  @Test
  void anOperatorIsStaffWithoutTenantAndIsRefusedATenantsStaffParameter() throws Exception {
    logIn("betrieb", "ROLE_PLATFORM_OPERATOR");

    CurrentStaff operator = (CurrentStaff) resolve(CurrentStaff.class);
    assertThat(operator.isOperator()).isTrue();
    assertThat(operator.ownTenant()).isEmpty();
    assertThat(operator.displayName()).as("no account row: the user name").isEqualTo("betrieb");
    assertThatThrownBy(() -> resolve(TenantStaff.class))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
  }

  @Test
  void staffWhoseTenantDoesNotExistAreRefusedATenantsStaffParameter() throws Exception {
    logIn("verwaltung-alt", "ROLE_CASEWORKER", "TENANT_aufgeloest");

    assertThat(((CurrentStaff) resolve(CurrentStaff.class)).ownTenant()).isEmpty();
    assertThatThrownBy(() -> resolve(TenantStaff.class))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
  }

  @Test
  void citizensApiClientsAndAnonymousVisitorsAreNotStaff() {
    logIn("0b7c1f7e-2d7a-4d35-9a2f-7c1d2e3f4a5b", "ROLE_CITIZEN");
    assertThatThrownBy(() -> resolve(CurrentStaff.class)).isInstanceOf(AccessDeniedException.class);

    logIn("fachverfahren-erfurt", "ROLE_API_CLIENT", "TENANT_erfurt", "SCOPE_antraege.lesen");
    assertThatThrownBy(() -> resolve(TenantStaff.class))
        .as("an API client of the tenant is no staff member of it")
        .isInstanceOf(AccessDeniedException.class);

    SecurityContextHolder.getContext()
        .setAuthentication(
            new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    assertThatThrownBy(() -> resolve(CurrentStaff.class)).isInstanceOf(AccessDeniedException.class);

    SecurityContextHolder.clearContext();
    assertThatThrownBy(() -> resolve(CurrentStaff.class)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void onlyItsTwoTypesAreResolved() throws Exception {
    assertThat(resolver.supportsParameter(parameter(CurrentStaff.class))).isTrue();
    assertThat(resolver.supportsParameter(parameter(TenantStaff.class))).isTrue();
    assertThat(resolver.supportsParameter(parameter(Tenant.class))).isFalse();
    assertThat(resolver.supportsParameter(parameter(String.class))).isFalse();
  }

  private Object resolve(Class<?> type) throws Exception {
    return resolver.resolveArgument(parameter(type), null, null, null);
  }

  private static void logIn(String name, String... authorities) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                name, null, AuthorityUtils.createAuthorityList(authorities)));
  }

  private static MethodParameter parameter(Class<?> type) throws NoSuchMethodException {
    Method method = Handlers.class.getDeclaredMethod("handle", type);
    return new MethodParameter(method, 0);
  }

  /** Stand-ins for controller methods. */
  @SuppressWarnings("unused")
  private static final class Handlers {
    void handle(CurrentStaff staff) {}

    void handle(TenantStaff staff) {}

    void handle(Tenant tenant) {}

    void handle(String text) {}
  }
}
