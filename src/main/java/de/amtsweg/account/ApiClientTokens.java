package de.amtsweg.account;

import de.amtsweg.platform.ApiTokenAuthenticator;
import de.amtsweg.platform.Roles;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The access tokens of API clients on API requests ({@code Authorization: Bearer}): a token from
 * {@code /oauth2/token}, signed with the {@link ApiSigningKey} and not expired, authenticates as
 * its client with role {@code API_CLIENT}, its scopes ({@code SCOPE_<scope>}) and its owner ({@code
 * TENANT_<slug>} or {@code ORGANISATION_<id>}), as long as the client is still registered and on.
 */
@Component
class ApiClientTokens implements ApiTokenAuthenticator {

  private final JdbcClient jdbc;
  private final ApiSigningKey signingKey;

  ApiClientTokens(JdbcClient jdbc, ApiSigningKey signingKey) {
    this.jdbc = jdbc;
    this.signingKey = signingKey;
  }

  /** An access token from {@code /oauth2/token} authenticates as its client, for one request. */
  @Override
  public Optional<Authentication> authenticate(String token) {
    if (token.startsWith(PersonalAccessTokens.PREFIX)) {
      return Optional.empty();
    }
    Jwt jwt;
    try {
      jwt = signingKey.decoder().decode(token);
    } catch (JwtException notOurs) {
      return Optional.empty();
    }
    if (!stillAllowed(jwt)) {
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
      authorities.add(
          new SimpleGrantedAuthority(Roles.ORGANISATION_AUTHORITY_PREFIX + organisation));
    }
    return Optional.of(
        UsernamePasswordAuthenticationToken.authenticated(jwt.getSubject(), null, authorities));
  }

  /**
   * A token counts only while its client exists and is switched on, and only if the client was
   * registered before the token was issued (not an older, deleted client of the same id).
   */
  private boolean stillAllowed(Jwt jwt) {
    if (jwt.getSubject() == null || jwt.getIssuedAt() == null) {
      return false;
    }
    return jdbc.sql(
            """
            select exists(select 1 from api_client where client_id = ? and disabled_at is null
              and created_at < ?)
            """)
        .params(
            jwt.getSubject(),
            OffsetDateTime.ofInstant(jwt.getIssuedAt().plusSeconds(1), ZoneOffset.UTC))
        .query(Boolean.class)
        .single();
  }
}
