package de.amtsweg.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StaffIdentityProviderLoginTest {

  static StaffIdentityProviders.Provider provider(@Nullable String tenant, String claim) {
    return new StaffIdentityProviders.Provider(
        UUID.randomUUID(),
        "land",
        "Landesnetz",
        tenant,
        "https://login.example",
        "https://login.example/auth",
        "https://login.example/token",
        "https://login.example/jwks",
        null,
        "amtsweg",
        "openid",
        claim,
        false,
        true);
  }

  static StaffIdentityProviders.Mapping row(String value, StaffRole role, @Nullable String tenant) {
    return new StaffIdentityProviders.Mapping(UUID.randomUUID(), value, role, tenant);
  }

  @Test
  void theFirstMatchingRowGivesRoleAndTenant() {
    List<StaffIdentityProviders.Mapping> rows =
        List.of(
            row("erfurt-admins", StaffRole.TENANT_ADMIN, "erfurt"),
            row("erfurt-sb", StaffRole.CASEWORKER, "erfurt"),
            row("betrieb", StaffRole.PLATFORM_OPERATOR, null));

    assertThat(
            StaffIdentityProviderLogin.grant(
                provider(null, "groups"), rows, Map.of("groups", List.of("x", "erfurt-sb"))))
        .contains(new StaffIdentityProviderLogin.Grant(StaffRole.CASEWORKER, "erfurt"));
    assertThat(
            StaffIdentityProviderLogin.grant(
                provider(null, "groups"),
                rows,
                Map.of("groups", List.of("erfurt-sb", "erfurt-admins"))))
        .as("rows in their order, not the claim's")
        .contains(new StaffIdentityProviderLogin.Grant(StaffRole.TENANT_ADMIN, "erfurt"));
    assertThat(
            StaffIdentityProviderLogin.grant(
                provider(null, "groups"), rows, Map.of("groups", "betrieb")))
        .contains(new StaffIdentityProviderLogin.Grant(StaffRole.PLATFORM_OPERATOR, null));
    assertThat(
            StaffIdentityProviderLogin.grant(
                provider(null, "groups"), rows, Map.of("groups", List.of("Erfurt-SB"))))
        .as("values match exactly")
        .isEmpty();
    assertThat(StaffIdentityProviderLogin.grant(provider(null, "groups"), rows, Map.of()))
        .isEmpty();
  }

  @Test
  void aTenantBoundProviderAlwaysGivesItsOwnTenant() {
    assertThat(
            StaffIdentityProviderLogin.grant(
                provider("gotha", "roles"),
                List.of(row("sb", StaffRole.CASEWORKER, "erfurt")),
                Map.of("roles", List.of("sb"))))
        .contains(new StaffIdentityProviderLogin.Grant(StaffRole.CASEWORKER, "gotha"));
  }

  @Test
  void nestedClaimsAreReadByADottedPath() {
    Map<String, Object> claims =
        Map.of("realm_access", Map.of("roles", List.of("a", "b", 3)), "amr", List.of("pwd", "OTP"));

    assertThat(StaffIdentityProviderLogin.claimValues(claims, "realm_access.roles"))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(StaffIdentityProviderLogin.claimValues(claims, "realm_access.missing")).isEmpty();
    assertThat(StaffIdentityProviderLogin.claimValues(claims, "amr.roles")).isEmpty();
    assertThat(StaffIdentityProviderLogin.hadSecondFactor(claims)).isTrue();
    assertThat(StaffIdentityProviderLogin.hadSecondFactor(Map.of("amr", List.of("pwd")))).isFalse();
    assertThat(StaffIdentityProviderLogin.hadSecondFactor(Map.of())).isFalse();
  }

  @Test
  void accountsOfAProviderGetAUserNameNoPersonCanChoose() {
    String name =
        StaffIdentityProviderLogin.username(
            provider(null, "groups"), "https://login.example", "42");

    assertThat(name).matches("land:[0-9a-f]{20}").hasSizeLessThanOrEqualTo(64);
    assertThat(
            StaffIdentityProviderLogin.username(
                provider(null, "groups"), "https://other.example", "42"))
        .isNotEqualTo(name);
  }
}
