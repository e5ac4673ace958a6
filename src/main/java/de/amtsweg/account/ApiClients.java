package de.amtsweg.account;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import de.amtsweg.platform.ApiTokenAuthenticator;
import de.amtsweg.platform.Roles;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import java.util.UUID;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machines that call Amtsweg's API: OAuth 2.0 clients with the client credentials grant at
 * {@code POST /oauth2/token} (Spring Authorization Server). Each client belongs to one tenant or
 * one organisation, has scopes, and a secret kept only as an Argon2id hash that its tenant's admin
 * rotates. Access tokens are JWTs (10 minutes) signed with a key stored in PostgreSQL, so that
 * every node issues and accepts the same tokens; they carry the owner as claim {@code tenant} or
 * {@code organisation}.
 */
@Service
public class ApiClients implements RegisteredClientRepository, ApiTokenAuthenticator {

  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
  static final String OWNER_SETTING = "amtsweg.owner";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

  /** A client as its admin sees it (never its secret). */
  public record Client(UUID id, String clientId, String name, @Nullable String tenantSlug,
      @Nullable UUID organisationId, List<String> scopes, OffsetDateTime secretRotatedAt) {}

  private final JdbcClient jdbc;
  private final PasswordEncoder passwordEncoder;
  private final RSAKey signingKey;
  private final NimbusJwtDecoder decoder;

  ApiClients(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
    this.jdbc = jdbc;
    this.passwordEncoder = passwordEncoder;
    this.signingKey = loadOrCreateKey();
    try {
      this.decoder = NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signing key for Spring Authorization Server (and its JWK set endpoint). */
  public JWKSource<SecurityContext> jwkSource() {
    return new ImmutableJWKSet<>(new JWKSet(signingKey));
  }

  /** Puts the client's owner into its access tokens. */
  public OAuth2TokenCustomizer<JwtEncodingContext> ownerClaims() {
    return context -> {
      String owner = context.getRegisteredClient().getClientSettings().getSetting(OWNER_SETTING);
      if (owner != null) {
        String[] kindAndId = owner.split(":", 2);
        context.getClaims().claim(kindAndId[0], kindAndId[1]);
      }
    };
  }

  /**
   * Registers a client, or sets its secret, name, owner and scopes if it exists (demo data).
   *
   * @param tenantSlug its tenant, or null for an organisation's client
   */
  @Transactional
  public void createOrUpdate(String clientId, String name, String secret, @Nullable String tenantSlug,
      @Nullable UUID organisationId, List<String> scopes) {
    jdbc.sql(
            """
            insert into api_client (id, client_id, name, secret_hash, tenant_slug, organisation_id, scopes)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (client_id) do update set name = excluded.name, secret_hash = excluded.secret_hash,
              tenant_slug = excluded.tenant_slug, organisation_id = excluded.organisation_id,
              scopes = excluded.scopes, secret_rotated_at = now()
            """)
        .params(UUID.randomUUID(), clientId, name, passwordEncoder.encode(secret), tenantSlug, organisationId,
            scopes.toArray(String[]::new))
        .update();
  }

  /** The clients of a tenant, by client id. */
  public List<Client> ofTenant(String tenantSlug) {
    return jdbc.sql("select * from api_client where tenant_slug = ? order by client_id")
        .param(tenantSlug)
        .query((rs, row) -> new Client(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("name"),
            rs.getString("tenant_slug"), rs.getObject("organisation_id", UUID.class),
            Arrays.asList((String[]) rs.getArray("scopes").getArray()),
            rs.getObject("secret_rotated_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * Gives a tenant's client a new random secret; the old one stops working at once.
   *
   * @return the new secret, to be shown once
   * @throws AccountException {@code not-found} if the client is not this tenant's
   */
  @Transactional
  public String rotateSecret(String tenantSlug, UUID clientId) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    int updated = jdbc.sql("update api_client set secret_hash = ?, secret_rotated_at = now() where id = ? and tenant_slug = ?")
        .params(passwordEncoder.encode(secret), clientId, tenantSlug)
        .update();
    if (updated == 0) {
      throw new AccountException(HttpStatus.NOT_FOUND, "not-found");
    }
    log.info("Rotated the secret of API client {}", clientId);
    return secret;
  }

  @Override
  public void save(RegisteredClient registeredClient) {
    throw new UnsupportedOperationException("API clients are registered through ApiClients");
  }

  @Override
  public @Nullable RegisteredClient findById(String id) {
    return find("id = cast(? as uuid)", id);
  }

  @Override
  public @Nullable RegisteredClient findByClientId(String clientId) {
    return find("client_id = ?", clientId);
  }

  private @Nullable RegisteredClient find(String condition, String value) {
    return jdbc.sql("select * from api_client where " + condition)
        .param(value)
        .query((rs, row) -> {
          String tenant = rs.getString("tenant_slug");
          String owner = tenant != null ? "tenant:" + tenant : "organisation:" + rs.getObject("organisation_id", UUID.class);
          List<String> allowed = Arrays.asList((String[]) rs.getArray("scopes").getArray());
          return RegisteredClient.withId(rs.getObject("id", UUID.class).toString())
              .clientId(rs.getString("client_id"))
              .clientName(rs.getString("name"))
              .clientSecret(rs.getString("secret_hash"))
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .scopes(scopes -> scopes.addAll(allowed))
              .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
              .clientSettings(ClientSettings.builder().setting(OWNER_SETTING, owner).build())
              .build();
        })
        .optional()
        .orElse(null);
  }

  /** An access token from {@code /oauth2/token} authenticates as its client, for one request. */
  @Override
  public Optional<Authentication> authenticate(String token) {
    if (token.startsWith(PersonalAccessTokens.PREFIX)) {
      return Optional.empty();
    }
    Jwt jwt;
    try {
      jwt = decoder.decode(token);
    } catch (JwtException notOurs) {
      return Optional.empty();
    }
    List<SimpleGrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.API_CLIENT));
    List<String> scopes = jwt.getClaimAsStringList("scope");
    if (scopes != null) {
      scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
    }
    String tenant = jwt.getClaimAsString("tenant");
    if (tenant != null) {
      authorities.add(new SimpleGrantedAuthority(Roles.TENANT_AUTHORITY_PREFIX + tenant));
    }
    String organisation = jwt.getClaimAsString("organisation");
    if (organisation != null) {
      authorities.add(new SimpleGrantedAuthority(Roles.ORGANISATION_AUTHORITY_PREFIX + organisation));
    }
    return Optional.of(UsernamePasswordAuthenticationToken.authenticated(jwt.getSubject(), null, authorities));
  }

  /** Spring Authorization Server's records of expired tokens go after a day. */
  @Scheduled(cron = "0 47 * * * *")
  void forgetExpiredTokens() {
    jdbc.sql("delete from oauth2_authorization where access_token_expires_at < now() - interval '1 day'").update();
  }

  /** One RSA key for all nodes: the first node creates it, the others read it. */
  private RSAKey loadOrCreateKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair candidate = generator.generateKeyPair();
      jdbc.sql("insert into api_signing_key (id, private_key, public_key) values (?, ?, ?) on conflict (id) do nothing")
          .params("amtsweg-1", candidate.getPrivate().getEncoded(), candidate.getPublic().getEncoded())
          .update();
      return jdbc.sql("select id, private_key, public_key from api_signing_key where id = 'amtsweg-1'")
          .query((rs, row) -> {
            try {
              KeyFactory factory = KeyFactory.getInstance("RSA");
              RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(rs.getBytes("public_key")));
              RSAPrivateKey privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes("private_key")));
              return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(rs.getString("id")).build();
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(e);
            }
          })
          .single();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

}
