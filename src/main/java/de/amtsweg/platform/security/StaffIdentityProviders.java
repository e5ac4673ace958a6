package de.amtsweg.platform.security;

import de.amtsweg.platform.SealedColumn;
import de.amtsweg.platform.SecretBox;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administration's OpenID Connect providers for staff sign-in, as operators configure them (ADR
 * 0025): endpoints from the issuer's discovery document, the client and its sealed secret, the
 * claim with groups or roles and the mapping of its values to a role and tenant; and per tenant
 * whether its staff may still sign in with a password.
 */
@Service
class StaffIdentityProviders {

  /** Registration ids of staff providers start with this; citizens' providers never do. */
  static final String REGISTRATION_PREFIX = "staff-";

  /**
   * A configured provider.
   *
   * @param key the operator's short name, part of the registration id and the redirect URI
   * @param tenantSlug the tenant it serves; null for the whole Land
   * @param claim the claim with groups or roles, a dotted path for nested claims ({@code
   *     realm_access.roles})
   * @param requireMfa whether the ID token's {@code amr} must name a second factor
   */
  record Provider(
      UUID id,
      String key,
      String displayName,
      @Nullable String tenantSlug,
      String issuer,
      String authorizationUri,
      String tokenUri,
      String jwkSetUri,
      @Nullable String userInfoUri,
      String clientId,
      String scopes,
      String claim,
      boolean requireMfa,
      boolean enabled) {

    String registrationId() {
      return REGISTRATION_PREFIX + key;
    }

    List<String> scopeList() {
      return List.of(scopes.strip().split("\\s+"));
    }
  }

  /** One row of a provider's mapping: a claim value gives a role in a tenant. */
  record Mapping(UUID id, String claimValue, StaffRole role, @Nullable String tenantSlug) {}

  /** The endpoints read from the issuer's discovery document. */
  record Endpoints(
      String issuer,
      String authorizationUri,
      String tokenUri,
      String jwkSetUri,
      @Nullable String userInfoUri) {}

  /** What the operator sets, without the secret. */
  record Settings(
      String key,
      String displayName,
      @Nullable String tenantSlug,
      String clientId,
      String scopes,
      String claim,
      boolean requireMfa,
      boolean enabled) {}

  private static final String COLUMNS =
      "id, key, display_name, tenant_slug, issuer, authorization_uri, token_uri, jwk_set_uri,"
          + " user_info_uri, client_id, scopes, claim, require_mfa, enabled";

  private final JdbcClient jdbc;
  private final SecretBox secrets;

  StaffIdentityProviders(JdbcClient jdbc, SecretBox secrets) {
    this.jdbc = jdbc;
    this.secrets = secrets;
  }

  /** Client secrets, sealed for their provider, for their re-sealing after a key rotation. */
  @Bean
  static SealedColumn staffIdentityProviderSecrets() {
    return new SealedColumn("staff_identity_provider", "client_secret", "'staff-idp:' || id::text");
  }

  List<Provider> all() {
    return jdbc.sql("select " + COLUMNS + " from staff_identity_provider order by display_name")
        .query(StaffIdentityProviders::map)
        .list();
  }

  /** The enabled providers, for the login page. */
  List<Provider> enabled() {
    return all().stream().filter(Provider::enabled).toList();
  }

  Optional<Provider> byKey(String key) {
    return jdbc.sql("select " + COLUMNS + " from staff_identity_provider where key = ?")
        .param(key)
        .query(StaffIdentityProviders::map)
        .optional();
  }

  /** The provider of a registration id ({@code staff-<key>}); empty for citizens' providers. */
  Optional<Provider> byRegistrationId(String registrationId) {
    return registrationId.startsWith(REGISTRATION_PREFIX)
        ? byKey(registrationId.substring(REGISTRATION_PREFIX.length()))
        : Optional.empty();
  }

  String clientSecret(Provider provider) {
    String sealed =
        jdbc.sql("select client_secret from staff_identity_provider where id = ?")
            .param(provider.id())
            .query(String.class)
            .single();
    return secrets.open(sealed, owner(provider.id()));
  }

  @Transactional
  UUID create(Settings settings, Endpoints endpoints, String clientSecret) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into staff_identity_provider (id, key, display_name, tenant_slug, issuer,
              authorization_uri, token_uri, jwk_set_uri, user_info_uri, client_id, client_secret,
              scopes, claim, require_mfa, enabled)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            settings.key(),
            settings.displayName(),
            settings.tenantSlug(),
            endpoints.issuer(),
            endpoints.authorizationUri(),
            endpoints.tokenUri(),
            endpoints.jwkSetUri(),
            endpoints.userInfoUri(),
            settings.clientId(),
            secrets.seal(clientSecret, owner(id)),
            settings.scopes(),
            settings.claim(),
            settings.requireMfa(),
            settings.enabled())
        .update();
    return id;
  }

  /**
   * Changes a provider; the key stays.
   *
   * @param clientSecret the new secret, or null to keep the stored one
   */
  @Transactional
  void update(
      Provider provider, Settings settings, Endpoints endpoints, @Nullable String clientSecret) {
    jdbc.sql(
            """
            update staff_identity_provider set display_name = ?, tenant_slug = ?, issuer = ?,
              authorization_uri = ?, token_uri = ?, jwk_set_uri = ?, user_info_uri = ?,
              client_id = ?, scopes = ?, claim = ?, require_mfa = ?, enabled = ?,
              updated_at = now()
            where id = ?
            """)
        .params(
            settings.displayName(),
            settings.tenantSlug(),
            endpoints.issuer(),
            endpoints.authorizationUri(),
            endpoints.tokenUri(),
            endpoints.jwkSetUri(),
            endpoints.userInfoUri(),
            settings.clientId(),
            settings.scopes(),
            settings.claim(),
            settings.requireMfa(),
            settings.enabled(),
            provider.id())
        .update();
    if (clientSecret != null) {
      jdbc.sql("update staff_identity_provider set client_secret = ? where id = ?")
          .params(secrets.seal(clientSecret, owner(provider.id())), provider.id())
          .update();
    }
  }

  /** The mapping rows in the order they are tried: the first that matches wins. */
  List<Mapping> mappings(UUID providerId) {
    return jdbc.sql(
            """
            select id, claim_value, role, tenant_slug from staff_identity_provider_mapping
            where provider_id = ? order by created_at, id
            """)
        .param(providerId)
        .query(
            (rs, row) ->
                new Mapping(
                    rs.getObject("id", UUID.class),
                    rs.getString("claim_value"),
                    StaffRole.valueOf(rs.getString("role")),
                    rs.getString("tenant_slug")))
        .list();
  }

  @Transactional
  void addMapping(UUID providerId, String claimValue, StaffRole role, @Nullable String tenant) {
    jdbc.sql(
            """
            insert into staff_identity_provider_mapping (id, provider_id, claim_value, role,
              tenant_slug, created_at)
            values (?, ?, ?, ?, ?, clock_timestamp())
            """)
        .params(UUID.randomUUID(), providerId, claimValue, role.name(), tenant)
        .update();
  }

  @Transactional
  void removeMapping(UUID providerId, UUID mappingId) {
    jdbc.sql("delete from staff_identity_provider_mapping where provider_id = ? and id = ?")
        .params(providerId, mappingId)
        .update();
  }

  /** Whether staff of the tenant may sign in with a password (the default). */
  boolean localPasswords(String tenantSlug) {
    return jdbc.sql("select local_passwords from staff_tenant_sign_in where tenant_slug = ?")
        .param(tenantSlug)
        .query(Boolean.class)
        .optional()
        .orElse(true);
  }

  /** The tenants whose staff sign in only through their provider. */
  Set<String> tenantsWithoutPasswords() {
    return Set.copyOf(
        jdbc.sql("select tenant_slug from staff_tenant_sign_in where not local_passwords")
            .query(String.class)
            .list());
  }

  @Transactional
  void setLocalPasswords(String tenantSlug, boolean allowed) {
    jdbc.sql(
            """
            insert into staff_tenant_sign_in (tenant_slug, local_passwords) values (?, ?)
            on conflict (tenant_slug) do update set local_passwords = excluded.local_passwords,
              updated_at = now()
            """)
        .params(tenantSlug, allowed)
        .update();
  }

  private static String owner(UUID providerId) {
    return "staff-idp:" + providerId;
  }

  private static Provider map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Provider(
        rs.getObject("id", UUID.class),
        rs.getString("key"),
        rs.getString("display_name"),
        rs.getString("tenant_slug"),
        rs.getString("issuer"),
        rs.getString("authorization_uri"),
        rs.getString("token_uri"),
        rs.getString("jwk_set_uri"),
        rs.getString("user_info_uri"),
        rs.getString("client_id"),
        rs.getString("scopes"),
        rs.getString("claim"),
        rs.getBoolean("require_mfa"),
        rs.getBoolean("enabled"));
  }
}
