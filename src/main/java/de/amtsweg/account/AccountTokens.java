package de.amtsweg.account;

import de.amtsweg.platform.Sha256;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Component;

/**
 * The secrets in the links sent by e-mail. A token is 256 random bits; only its SHA-256 is stored,
 * so a copy of the database opens no account. Each token works once and expires; issuing a new one
 * for the same purpose voids the older ones.
 */
@Component
class AccountTokens {

  enum Purpose {
    CONFIRM_EMAIL,
    CHANGE_EMAIL,
    RESET_PASSWORD
  }

  /** What a valid token stands for. */
  record Use(UUID accountId, Purpose purpose, @Nullable String newEmail) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcClient jdbc;

  AccountTokens(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates a token and returns it; only its hash is kept. */
  String issue(UUID accountId, Purpose purpose, Duration lifetime, @Nullable String newEmail) {
    jdbc.sql("delete from account_token where account_id = ? and purpose = ? and used_at is null")
        .params(accountId, purpose.name())
        .update();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    jdbc.sql(
            """
            insert into account_token (token_hash, account_id, purpose, new_email, expires_at)
            values (?, ?, ?, ?, now() + make_interval(secs => ?))
            """)
        .params(Sha256.hex(token), accountId, purpose.name(), newEmail, lifetime.toSeconds())
        .update();
    return token;
  }

  /** What the token stands for, if it is valid now; does not use it up. */
  Optional<Use> peek(@Nullable String token) {
    if (!wellFormed(token)) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            select account_id, purpose, new_email from account_token
            where token_hash = ? and used_at is null and expires_at > now()
            """)
        .param(Sha256.hex(token))
        .query(
            (rs, row) ->
                new Use(
                    rs.getObject("account_id", UUID.class),
                    Purpose.valueOf(rs.getString("purpose")),
                    rs.getString("new_email")))
        .optional();
  }

  /**
   * Uses the token up, atomically: of two requests with the same token only one gets it.
   *
   * @return what it stood for, or empty if it is unknown, used, expired or for another purpose
   */
  Optional<Use> consume(@Nullable String token, Purpose purpose) {
    if (!wellFormed(token)) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            update account_token set used_at = now()
            where token_hash = ? and purpose = ? and used_at is null and expires_at > now()
            returning account_id, new_email
            """)
        .params(Sha256.hex(token), purpose.name())
        .query(
            (rs, row) ->
                new Use(rs.getObject("account_id", UUID.class), purpose, rs.getString("new_email")))
        .optional();
  }

  /** Whether a token for this purpose was issued within the last {@code period}. */
  boolean issuedWithin(UUID accountId, Purpose purpose, Duration period) {
    return jdbc.sql(
            """
            select exists(select 1 from account_token where account_id = ? and purpose = ?
              and created_at > now() - make_interval(secs => ?))
            """)
        .params(accountId, purpose.name(), period.toSeconds())
        .query(Boolean.class)
        .single();
  }

  void deleteSpent() {
    jdbc.sql(
            "delete from account_token where expires_at < now() - interval '1 day'"
                + " or used_at < now() - interval '1 day'")
        .update();
  }

  @Contract("null -> false")
  private static boolean wellFormed(@Nullable String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }
}
