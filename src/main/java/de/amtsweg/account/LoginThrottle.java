package de.amtsweg.account;

import de.amtsweg.platform.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins in PostgreSQL, so that all nodes share the count, and decides who must wait.
 * Keys are HMAC-SHA256 under a key derived from the installation's key ring ({@link
 * SecretBox#derivedKey}): the tables hold neither addresses nor e-mail addresses, and a copy of the
 * database does not confirm a guessed one. A new current key starts the counts afresh.
 *
 * <p>A login names a subject (an account, a staff user name, an API client) and comes from a client
 * address. Three counters, so that guessing does not pay and nobody can lock the owner out:
 *
 * <ul>
 *   <li><b>Subject and address</b> ({@code pair:}): too many failures lock this subject from this
 *       address. The attacker's own address is locked, nobody else.
 *   <li><b>Address</b> ({@code address:}, {@code client-address:}): too many failures from one
 *       address, for any subjects, lock the address.
 *   <li><b>Subject</b>, from all addresses: past a threshold the subject is under attack. Addresses
 *       it never logged in from must then wait between attempts, twice as long after each further
 *       failure (up to a maximum); addresses it logged in from before ({@code login_known_address})
 *       pass, so the owner's usual devices keep working. The owner is told once ({@link
 *       Failure#alert()}). The count restarts only after a window without failures, so a slow
 *       attacker does not start afresh every window.
 * </ul>
 */
@Component
class LoginThrottle {

  /** The owner of an attacked subject is told at most this often. */
  static final Duration ALERT_INTERVAL = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final AccountProperties.Login settings;
  private final SecretKeySpec pepper;

  LoginThrottle(JdbcClient jdbc, AccountProperties properties, SecretBox secrets) {
    this.jdbc = jdbc;
    this.settings = properties.login();
    this.pepper = new SecretKeySpec(secrets.derivedKey("login-throttle"), "HmacSHA256");
  }

  /**
   * One login attempt as keys: who is named, from where, and the pair of both.
   *
   * @param subjectKey the account, staff user or API client ({@code account:…}, {@code staff:…},
   *     {@code client:…})
   * @param addressKey the client address in its door's namespace
   * @param pairHash keyed hash of subject key and address: the pair's lock and the known address
   */
  record Attempt(String subjectKey, String addressKey, String pairHash) {

    String pairKey() {
      return "pair:" + pairHash;
    }
  }

  /**
   * What a failure did.
   *
   * @param lock how long this subject must now wait at this address, if it must
   * @param alert this failure put the subject under attack and its owner was not told within {@link
   *     #ALERT_INTERVAL}: tell them now
   */
  record Failure(Optional<Duration> lock, boolean alert) {}

  /** A login at one of the person-facing doors (citizen, staff), which share address counts. */
  Attempt login(String subjectKey, String clientAddress) {
    return attempt(subjectKey, "address:", clientAddress);
  }

  /**
   * Client authentication at the token endpoint: its address counts are its own, so that a
   * misconfigured machine behind a town hall's address does not lock its staff out.
   */
  Attempt client(String clientId, String clientAddress) {
    return attempt("client:" + keyed(clientId), "client-address:", clientAddress);
  }

  private Attempt attempt(String subjectKey, String addressPrefix, String clientAddress) {
    return new Attempt(
        subjectKey, addressPrefix + keyed(clientAddress), keyed(subjectKey + "\n" + clientAddress));
  }

  String accountKey(String normalizedEmail) {
    return "account:" + keyed(normalizedEmail);
  }

  String staffKey(String normalizedLoginName) {
    return "staff:" + keyed(normalizedLoginName);
  }

  /** Attempts to confirm the password of a signed-in account (counted apart from logins). */
  String sessionKey(String normalizedEmail) {
    return "session:" + keyed(normalizedEmail);
  }

  String mailKey(String normalizedEmail) {
    return "mail:" + keyed(normalizedEmail);
  }

  /** HMAC-SHA256 of the value in hex: the same 64 characters as the SHA-256 keys before. */
  private String keyed(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(pepper);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * How long this attempt must still wait, if it must: a lock of its pair or address, or the
   * subject's slow-down unless the subject logged in from this address before. The password is not
   * checked while it waits, so waiting attempts cost no guesses.
   */
  Optional<Duration> refusedFor(Attempt attempt) {
    Double seconds =
        jdbc.sql(
                """
                select extract(epoch from greatest(
                  (select max(locked_until) from login_throttle
                   where throttle_key in (:pair, :address) and locked_until > now()),
                  (select locked_until from login_throttle
                   where throttle_key = :subject and locked_until > now()
                     and not exists (select 1 from login_known_address
                                     where known_key = :known
                                       and last_success_at > now() - make_interval(secs => :retention)))
                ) - now())
                """)
            .param("pair", attempt.pairKey())
            .param("address", attempt.addressKey())
            .param("subject", attempt.subjectKey())
            .param("known", attempt.pairHash())
            .param("retention", settings.knownAddressRetention().toSeconds())
            .query(Double.class)
            .optional()
            .orElse(null);
    return seconds == null || seconds <= 0
        ? Optional.empty()
        : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
  }

  /**
   * Counts a failure for the pair, the address and the subject. Runs in its own transaction: the
   * count must stay even if the caller's work is rolled back.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  Failure recordFailure(Attempt attempt) {
    count(attempt.pairKey(), attempt.subjectKey(), settings.maxFailuresPerAccountAndAddress());
    count(attempt.addressKey(), null, settings.maxFailuresPerAddress());
    boolean alert = countForSubject(attempt.subjectKey());
    return new Failure(refusedFor(attempt), alert);
  }

  /**
   * A successful login: lifts the pair's lock and remembers the address as one the subject logs in
   * from. The subject's count stays: the owner logging in must not give an attacker a fresh start.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void succeeded(Attempt attempt) {
    jdbc.sql("delete from login_throttle where throttle_key = ?").param(attempt.pairKey()).update();
    jdbc.sql(
            """
            insert into login_known_address (known_key, subject_key, last_success_at)
            values (?, ?, now())
            on conflict (known_key) do update set last_success_at = now()
            """)
        .params(attempt.pairHash(), attempt.subjectKey())
        .update();
  }

  /** How long the longest lock on any of these single keys still lasts, if one is locked. */
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
   * Counts a failure for one key of a subject alone (a wrong current password in a session), which
   * locks that key like a pair.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  Optional<Duration> recordFailure(String key, String subjectKey) {
    return count(key, subjectKey, settings.maxFailuresPerAccountAndAddress())
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
    count(key, null, limit);
    return true;
  }

  /**
   * A password reset: lifts the subject's slow-down and the locks of all its pairs (the owner
   * proved control of the mailbox). Known addresses stay.
   */
  void clear(String subjectKey) {
    jdbc.sql("delete from login_throttle where throttle_key = :key or subject_key = :key")
        .param("key", subjectKey)
        .update();
  }

  /** The subject is gone (account deleted): everything about it, known addresses too. */
  void forget(String subjectKey) {
    clear(subjectKey);
    jdbc.sql("delete from login_known_address where subject_key = ?").param(subjectKey).update();
  }

  void forgetOldFailures() {
    jdbc.sql(
            """
            delete from login_throttle
            where greatest(window_started_at, last_failure_at) < now() - make_interval(secs => :window)
              and (locked_until is null or locked_until < now())
              and (alerted_at is null or alerted_at < now() - make_interval(secs => :alert))
            """)
        .param("window", settings.window().toSeconds())
        .param("alert", ALERT_INTERVAL.toSeconds())
        .update();
    jdbc.sql(
            "delete from login_known_address where last_success_at < now() - make_interval(secs => ?)")
        .param(settings.knownAddressRetention().toSeconds())
        .update();
  }

  /**
   * Counts within a fixed window and locks the key for the lockout when it reaches {@code limit}.
   *
   * @return whether this count locked the key
   */
  private boolean count(String key, @Nullable String subjectKey, int limit) {
    Integer failures =
        jdbc.sql(
                """
                insert into login_throttle (throttle_key, subject_key, failures, window_started_at)
                values (:key, :subject, 1, now())
                on conflict (throttle_key) do update set
                  failures = case when login_throttle.window_started_at < now() - make_interval(secs => :window)
                             then 1 else login_throttle.failures + 1 end,
                  window_started_at = case when login_throttle.window_started_at < now() - make_interval(secs => :window)
                             then now() else login_throttle.window_started_at end
                returning failures
                """)
            .param("key", key)
            .param("subject", subjectKey)
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

  /**
   * Counts a failure of the subject from any address. From {@code slowDownAfter} failures on, the
   * subject's {@code locked_until} is the slow-down for unknown addresses: 1 second, doubled with
   * each further failure, at most {@code maxDelay}. Attempts refused while it runs are not counted,
   * so an attacker gets one guess per delay however fast they knock.
   *
   * @return whether the owner should be told now
   */
  private boolean countForSubject(String subjectKey) {
    Integer failures =
        jdbc.sql(
                """
                insert into login_throttle (throttle_key, failures, window_started_at, last_failure_at)
                values (:key, 1, now(), now())
                on conflict (throttle_key) do update set
                  failures = case
                    when coalesce(login_throttle.last_failure_at, login_throttle.window_started_at)
                         < now() - make_interval(secs => :window)
                    then 1 else login_throttle.failures + 1 end,
                  window_started_at = case
                    when coalesce(login_throttle.last_failure_at, login_throttle.window_started_at)
                         < now() - make_interval(secs => :window)
                    then now() else login_throttle.window_started_at end,
                  last_failure_at = now()
                returning failures
                """)
            .param("key", subjectKey)
            .param("window", settings.window().toSeconds())
            .query(Integer.class)
            .single();
    if (failures < settings.slowDownAfter()) {
      return false;
    }
    return jdbc.sql(
            """
            update login_throttle set
              locked_until = now() + make_interval(secs => :delay),
              alerted_at = case when alerted_at is null or alerted_at < now() - make_interval(secs => :alert)
                           then now() else alerted_at end
            where throttle_key = :key
            returning alerted_at = now()
            """)
        .param("key", subjectKey)
        .param("delay", delay(failures - settings.slowDownAfter()).toMillis() / 1000.0)
        .param("alert", ALERT_INTERVAL.toSeconds())
        .query(Boolean.class)
        .single();
  }

  /** 1 s after the failure that reached the threshold, doubled after each further one. */
  private Duration delay(int failuresBeyondThreshold) {
    Duration max = settings.maxDelay();
    if (failuresBeyondThreshold >= 40) {
      return max;
    }
    Duration delay = Duration.ofSeconds(1L << failuresBeyondThreshold);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
