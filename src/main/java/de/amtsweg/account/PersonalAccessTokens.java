package de.amtsweg.account;

import de.amtsweg.platform.ApiTokenAuthenticator;
import de.amtsweg.platform.Roles;
import de.amtsweg.platform.Sha256;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: a person lets a program call the API ({@code /api/v1/me…}) in their name
 * with {@code Authorization: Bearer aw_pat_…}, without a session. The token is shown once; only its
 * SHA-256 is stored. Each token has a name and an expiry and can be revoked.
 */
@Service
public class PersonalAccessTokens implements ApiTokenAuthenticator {

  static final String PREFIX = "aw_pat_";

  /** Lifetimes offered, in days. */
  public static final List<Integer> LIFETIMES = List.of(30, 90, 365);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(PersonalAccessTokens.class);

  /** A token as listed (never its value). */
  public record Token(
      UUID id,
      String name,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      @Nullable OffsetDateTime lastUsedAt) {}

  private final JdbcClient jdbc;

  PersonalAccessTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Creates a token.
   *
   * @return the token's value, to be shown once
   */
  @Transactional
  public String create(UUID accountId, String name, int days) {
    if (!LIFETIMES.contains(days) || name.isBlank() || name.length() > 100) {
      throw new AccountException(HttpStatus.BAD_REQUEST, "bad-request");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into personal_access_token (id, account_id, name, token_hash, expires_at)
            values (?, ?, ?, ?, now() + make_interval(days => ?))
            """)
        .params(id, accountId, name.strip(), Sha256.hex(token), days)
        .update();
    log.info("Account {} created personal access token {}", accountId, id);
    return token;
  }

  /** The account's valid tokens, newest first. */
  public List<Token> list(UUID accountId) {
    return jdbc.sql(
            """
            select id, name, created_at, expires_at, last_used_at from personal_access_token
            where account_id = ? and revoked_at is null and expires_at > now() order by created_at desc
            """)
        .param(accountId)
        .query(
            (rs, row) ->
                new Token(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("expires_at", OffsetDateTime.class),
                    rs.getObject("last_used_at", OffsetDateTime.class)))
        .list();
  }

  /** Revokes one of the account's tokens at once. */
  @Transactional
  public void revoke(UUID accountId, UUID tokenId) {
    jdbc.sql(
            "update personal_access_token set revoked_at = now() where id = ? and account_id = ? and revoked_at is null")
        .params(tokenId, accountId)
        .update();
  }

  /** A valid token authenticates as its account (role CITIZEN), for one request. */
  @Override
  @Transactional
  public Optional<Authentication> authenticate(String token) {
    if (!token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            update personal_access_token set last_used_at = now()
            where token_hash = ? and revoked_at is null and expires_at > now()
            returning account_id
            """)
        .param(Sha256.hex(token))
        .query(UUID.class)
        .optional()
        .map(
            account ->
                UsernamePasswordAuthenticationToken.authenticated(
                    account.toString(),
                    null,
                    AuthorityUtils.createAuthorityList(Roles.CITIZEN_AUTHORITY)));
  }
}
