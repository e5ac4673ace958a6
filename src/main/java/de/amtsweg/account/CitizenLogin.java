package de.amtsweg.account;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a citizen's e-mail and password, throttled per account and client address, per client
 * address, and per account from all addresses ({@link LoginThrottle}): an attacker locks only their
 * own address, and an account under attack slows down unknown addresses and tells its owner.
 * Unknown e-mail addresses cost as much time as wrong passwords and give the same answer, so that
 * the login does not tell which addresses have an account.
 */
@Service
public class CitizenLogin {

  /** The outcome of a login attempt. */
  public sealed interface Result {}

  /** E-mail and password match a confirmed account. */
  public record Success(UUID accountId) implements Result {}

  /** E-mail or password wrong (which, is not said). */
  public record Failure() implements Result {}

  /**
   * Too many failures for this account from this client address, from this address in all, or for
   * this account from everywhere (then only at addresses it never logged in from); try again after
   * {@code remaining}.
   */
  public record Locked(Duration remaining) implements Result {

    /** Whole minutes to wait, rounded up, at least one. */
    public long minutes() {
      return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }
  }

  /** Password right, but the e-mail address is not confirmed yet. */
  public record Unconfirmed() implements Result {}

  /** Password right; the account asks for its second factor before the login counts. */
  public record SecondFactorRequired(UUID accountId) implements Result {}

  private final JdbcClient jdbc;
  private final PasswordEncoder passwordEncoder;
  private final LoginThrottle throttle;
  private final LoginAlerts alerts;
  private final SecondFactor secondFactor;

  /** Compared against when the address is unknown, so that it takes as long as a wrong password. */
  private final String dummyHash;

  CitizenLogin(
      JdbcClient jdbc,
      PasswordEncoder passwordEncoder,
      LoginThrottle throttle,
      LoginAlerts alerts,
      SecondFactor secondFactor) {
    this.jdbc = jdbc;
    this.passwordEncoder = passwordEncoder;
    this.throttle = throttle;
    this.alerts = alerts;
    this.secondFactor = secondFactor;
    this.dummyHash =
        Objects.requireNonNull(passwordEncoder.encode(UUID.randomUUID().toString()), "dummy hash");
  }

  /**
   * @param clientAddress the client's IP address (after the trusted reverse proxy)
   */
  public Result authenticate(String email, String password, String clientAddress) {
    String normalized = AccountManagement.normalize(email);
    LoginThrottle.Attempt attempt = throttle.login(throttle.accountKey(normalized), clientAddress);
    Optional<Duration> locked = throttle.refusedFor(attempt);
    if (locked.isPresent()) {
      return new Locked(locked.get());
    }
    Optional<Credentials> account =
        jdbc.sql(
                "select id, password_hash, email_confirmed_at is not null as confirmed from account where email = ?")
            .param(normalized)
            .query(
                (rs, row) ->
                    new Credentials(
                        rs.getObject("id", UUID.class),
                        rs.getString("password_hash"),
                        rs.getBoolean("confirmed")))
            .optional();
    String hash = account.map(Credentials::passwordHash).orElse(null);
    boolean matches =
        passwordEncoder.matches(password, hash == null ? dummyHash : hash) && hash != null;
    if (!matches) {
      return failed(attempt, account.map(Credentials::id), normalized);
    }
    Credentials credentials = account.orElseThrow();
    if (!credentials.confirmed()) {
      return new Unconfirmed();
    }
    if (passwordEncoder.upgradeEncoding(hash)) {
      jdbc.sql("update account set password_hash = ? where id = ?")
          .params(passwordEncoder.encode(password), credentials.id())
          .update();
    }
    if (secondFactor.enabled(credentials.id())) {
      // The address becomes known only with the second factor: a stolen password alone must not
      // pass the slow-down.
      return new SecondFactorRequired(credentials.id());
    }
    throttle.succeeded(attempt);
    return new Success(credentials.id());
  }

  /**
   * The second step of a login: a code from the authenticator app or a recovery code, throttled
   * like passwords.
   */
  public Result authenticateSecondFactor(UUID accountId, String code, String clientAddress) {
    String email =
        jdbc.sql("select email from account where id = ?")
            .param(accountId)
            .query(String.class)
            .optional()
            .orElse(null);
    if (email == null) {
      return new Failure();
    }
    LoginThrottle.Attempt attempt = throttle.login(throttle.accountKey(email), clientAddress);
    Optional<Duration> locked = throttle.refusedFor(attempt);
    if (locked.isPresent()) {
      return new Locked(locked.get());
    }
    if (!secondFactor.verify(accountId, code)) {
      return failed(attempt, Optional.of(accountId), email);
    }
    throttle.succeeded(attempt);
    return new Success(accountId);
  }

  private Result failed(
      LoginThrottle.Attempt attempt, Optional<UUID> accountId, String normalizedEmail) {
    LoginThrottle.Failure failure = throttle.recordFailure(attempt);
    if (failure.alert()) {
      accountId.ifPresent(id -> alerts.accountUnderAttack(id, normalizedEmail));
    }
    return failure.lock().<Result>map(Locked::new).orElse(new Failure());
  }

  private record Credentials(UUID id, String passwordHash, boolean confirmed) {}
}
