package de.amtsweg.account;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The API clients as Spring Authorization Server sees them at {@code POST /oauth2/token}: read from
 * the registry's table ({@link ApiClients} registers and changes them), with the client credentials
 * grant, access tokens of ten minutes, and the owner put into each token as claim {@code tenant} or
 * {@code organisation}. Spring Authorization Server records the tokens it issues in {@code
 * oauth2_authorization}; those records go a day after the token expired.
 */
@Component
class AuthorizationServerClients implements RegisteredClientRepository {

  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
  private static final String OWNER_SETTING = "amtsweg.owner";

  private final JdbcClient jdbc;

  AuthorizationServerClients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Puts the client's owner into its access tokens. */
  static OAuth2TokenCustomizer<JwtEncodingContext> ownerClaims() {
    return context -> {
      String owner = context.getRegisteredClient().getClientSettings().getSetting(OWNER_SETTING);
      if (owner != null) {
        String[] kindAndId = owner.split(":", 2);
        context.getClaims().claim(kindAndId[0], kindAndId[1]);
      }
    };
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("API clients are registered through ApiClients");
  }

  @Override
  public @Nullable RegisteredClient findById(String id) {
    return find("id = cast(? as uuid)", id);
  }

  /** A switched-off client is unknown to the token endpoint. */
  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    return find("client_id = ? and disabled_at is null", clientId);
  }

  private @Nullable RegisteredClient find(String condition, String value) {
    return jdbc.sql("select * from api_client where " + condition)
        .param(value)
        .query(
            (rs, row) -> {
              String tenant = rs.getString("tenant_slug");
              String owner =
                  tenant != null
                      ? "tenant:" + tenant
                      : "organisation:" + rs.getObject("organisation_id", UUID.class);
              List<String> allowed = Arrays.asList((String[]) rs.getArray("scopes").getArray());
              return RegisteredClient.withId(rs.getObject("id", UUID.class).toString())
                  .clientId(rs.getString("client_id"))
                  .clientName(rs.getString("name"))
                  .clientSecret(rs.getString("secret_hash"))
                  .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                  .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                  .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                  .scopes(scopes -> scopes.addAll(allowed))
                  .tokenSettings(
                      TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                  .clientSettings(ClientSettings.builder().setting(OWNER_SETTING, owner).build())
                  .build();
            })
        .optional()
        .orElse(null);
  }

  /** Spring Authorization Server's records of expired tokens go after a day. */
  /** The job {@code account.expired-api-tokens} ({@link AccountJobs}). */
  void forgetExpiredTokens() {
    jdbc.sql(
            "delete from oauth2_authorization where access_token_expires_at < now() - interval '1 day'")
        .update();
  }
}
