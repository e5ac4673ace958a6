package de.amtsweg.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account and per client address in PostgreSQL, so that all nodes share
 * the count. Too many failures within the window lock the key for a while. Keys are SHA-256 hashes:
 * the table holds neither addresses nor e-mail addresses.
 */
@Component
class LoginThrottle {

  private final JdbcClient jdbc;
  private final AccountProperties.Login settings;

  LoginThrottle(JdbcClient jdbc, AccountProperties properties) {
    this.jdbc = jdbc;
    this.settings = properties.login();
  }

  static String accountKey(String normalizedEmail) {
    return "account:" + sha256(normalizedEmail);
  }

  static String addressKey(String clientAddress) {
    return "address:" + sha256(clientAddress);
  }

  /** How long the longest lock on any of these keys still lasts, if one is locked. */
  Optional<Duration> lockedFor(Collection<String> keys) {
    Double seconds =
        jdbc.sql(
                """
                select extract(epoch from max(locked_until) - now()) from login_throttle
                where throttle_key in (:keys) and locked_until > now()
                """)
            .param("keys", keys)
            .query(Double.class)
            .optional()
            .orElse(null);
    return seconds == null
        ? Optional.empty()
        : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
  }

  /**
   * Counts a failure for the account and the address; locks either when it reaches its limit. Runs
   * in its own transaction: the count must stay even if the caller's work is rolled back.
   *
   * @return the lock that this failure caused, if it caused one
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  Optional<Duration> recordFailure(String accountKey, String addressKey) {
    boolean locked = count(accountKey, settings.maxFailuresPerAccount());
    locked |= count(addressKey, settings.maxFailuresPerAddress());
    return locked ? Optional.of(settings.lockout()) : Optional.empty();
  }

  /** Counts a failure for the account alone (a wrong current password when changing settings). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  Optional<Duration> recordFailure(String accountKey) {
    return count(accountKey, settings.maxFailuresPerAccount())
        ? Optional.of(settings.lockout())
        : Optional.empty();
  }

  /**
   * Counts one use of a rate-limited action (a mail to an address); false once the key was used
   * {@code limit} times within the window, until the lockout is over.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  boolean tryAcquire(String key, int limit) {
    if (lockedFor(List.of(key)).isPresent()) {
      return false;
    }
    count(key, limit);
    return true;
  }

  static String mailKey(String normalizedEmail) {
    return "mail:" + sha256(normalizedEmail);
  }

  /** A successful login or a password reset clears the account's count and lock. */
  void clear(String key) {
    jdbc.sql("delete from login_throttle where throttle_key = ?").param(key).update();
  }

  private boolean count(String key, int limit) {
    Integer failures =
        jdbc.sql(
                """
                insert into login_throttle (throttle_key, failures, window_started_at)
                values (:key, 1, now())
                on conflict (throttle_key) do update set
                  failures = case when login_throttle.window_started_at < now() - make_interval(secs => :window)
                             then 1 else login_throttle.failures + 1 end,
                  window_started_at = case when login_throttle.window_started_at < now() - make_interval(secs => :window)
                             then now() else login_throttle.window_started_at end
                returning failures
                """)
            .param("key", key)
            .param("window", settings.window().toSeconds())
            .query(Integer.class)
            .single();
    if (failures < limit) {
      return false;
    }
    jdbc.sql(
            """
            update login_throttle set locked_until = now() + make_interval(secs => :lockout),
              failures = 0, window_started_at = now()
            where throttle_key = :key
            """)
        .param("key", key)
        .param("lockout", settings.lockout().toSeconds())
        .update();
    return true;
  }

  void forgetOldFailures() {
    jdbc.sql(
            """
            delete from login_throttle
            where window_started_at < now() - make_interval(secs => ?)
              and (locked_until is null or locked_until < now())
            """)
        .param(settings.window().toSeconds())
        .update();
  }

  static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
