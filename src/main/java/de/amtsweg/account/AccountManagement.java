package de.amtsweg.account;

import de.amtsweg.account.AccountTokens.Purpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers accounts and changes their credentials: confirmation of the e-mail address, password
 * reset, change of password and of e-mail address. Every step that proves control of a mailbox goes
 * through a single-use, expiring link ({@link AccountTokens}).
 */
@Service
public class AccountManagement {

  /** Unconfirmed registrations are deleted after this time. */
  static final Duration UNCONFIRMED_KEPT = Duration.ofDays(7);

  /** At most one password reset mail per account in this time. */
  static final Duration RESET_MAIL_INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);
  private static final String COLUMNS =
      "id, email, email_confirmed_at, password_changed_at, created_at";

  /** What a confirmation link confirmed. */
  public enum Confirmed {
    /** A new account's address: it can log in now. */
    ACCOUNT,
    /** A changed address: the account logs in with it from now on. */
    NEW_EMAIL
  }

  private final JdbcClient jdbc;
  private final PasswordEncoder passwordEncoder;
  private final PasswordPolicy passwordPolicy;
  private final AccountTokens tokens;
  private final AccountMails mails;
  private final AccountSessions sessions;
  private final LoginThrottle throttle;
  private final AccountProperties properties;
  private final de.amtsweg.platform.Mailer mailer;
  private final org.springframework.context.ApplicationEventPublisher events;

  AccountManagement(
      JdbcClient jdbc,
      PasswordEncoder passwordEncoder,
      PasswordPolicy passwordPolicy,
      AccountTokens tokens,
      AccountMails mails,
      AccountSessions sessions,
      LoginThrottle throttle,
      AccountProperties properties,
      de.amtsweg.platform.Mailer mailer,
      org.springframework.context.ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.passwordEncoder = passwordEncoder;
    this.passwordPolicy = passwordPolicy;
    this.tokens = tokens;
    this.mails = mails;
    this.sessions = sessions;
    this.throttle = throttle;
    this.properties = properties;
    this.mailer = mailer;
    this.events = events;
  }

  /** E-mail addresses are compared without case and surrounding blanks. */
  public static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  /** The account with this e-mail address (any spelling of its case), if there is one. */
  public Optional<Account> byEmail(String email) {
    return findByEmail(normalize(email));
  }

  public Optional<Account> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from account where id = ?")
        .param(id)
        .query(AccountManagement::map)
        .optional();
  }

  /**
   * @throws AccountException {@code not-found} if the account was deleted meanwhile
   */
  public Account get(UUID id) {
    return find(id).orElseThrow(() -> new AccountException(HttpStatus.NOT_FOUND, "not-found"));
  }

  /**
   * Registers an account and mails a confirmation link. If the address already has a confirmed
   * account, that account's owner gets a notice instead, and the caller sees no difference (no
   * enumeration of addresses). A second registration of an unconfirmed address replaces its
   * password and sends a new link: whoever controls the mailbox decides.
   *
   * @throws AccountException {@link AccountException#WEAK_PASSWORD}
   */
  @Transactional
  public void register(String email, String password, Locale locale) {
    String normalized = normalize(email);
    requireStrong(password, normalized);
    String hash = passwordEncoder.encode(password);
    Optional<Account> existing = findByEmail(normalized);
    if (existing.isPresent() && existing.get().emailConfirmed()) {
      mails.alreadyRegistered(normalized, locale);
      return;
    }
    UUID id;
    if (existing.isPresent()) {
      id = existing.get().id();
      jdbc.sql("update account set password_hash = ?, password_changed_at = now() where id = ?")
          .params(hash, id)
          .update();
    } else {
      id = UUID.randomUUID();
      try {
        jdbc.sql(
                "insert into account (id, email, password_hash, password_changed_at) values (?, ?, ?, now())")
            .params(id, normalized, hash)
            .update();
      } catch (DuplicateKeyException registeredAtTheSameMoment) {
        return;
      }
      log.info("Registered account {}", id);
    }
    mails.confirmAddress(
        normalized,
        tokens.issue(id, Purpose.CONFIRM_EMAIL, properties.links().confirmation(), null),
        locale);
  }

  /**
   * Sends a new confirmation link if the address has an unconfirmed account; says nothing either
   * way.
   */
  @Transactional
  public void resendConfirmation(String email, Locale locale) {
    findByEmail(normalize(email))
        .filter(account -> !account.emailConfirmed())
        .ifPresent(
            account ->
                mails.confirmAddress(
                    account.email(),
                    tokens.issue(
                        account.id(),
                        Purpose.CONFIRM_EMAIL,
                        properties.links().confirmation(),
                        null),
                    locale));
  }

  /** What a confirmation link would confirm, if it is valid; does not use it. */
  public Optional<Confirmed> checkConfirmationLink(@Nullable String token) {
    return tokens
        .peek(token)
        .map(
            use ->
                switch (use.purpose()) {
                  case CONFIRM_EMAIL -> Confirmed.ACCOUNT;
                  case CHANGE_EMAIL -> Confirmed.NEW_EMAIL;
                  case RESET_PASSWORD -> null;
                });
  }

  /**
   * Uses a confirmation link: confirms a new account's address or switches the account to its new
   * address.
   *
   * @throws AccountException {@link AccountException#INVALID_LINK} or {@link
   *     AccountException#EMAIL_TAKEN}
   */
  @Transactional
  public Confirmed confirm(@Nullable String token) {
    Optional<AccountTokens.Use> account = tokens.consume(token, Purpose.CONFIRM_EMAIL);
    if (account.isPresent()) {
      jdbc.sql(
              "update account set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = ?")
          .param(account.get().accountId())
          .update();
      return Confirmed.ACCOUNT;
    }
    AccountTokens.Use change =
        tokens.consume(token, Purpose.CHANGE_EMAIL).orElseThrow(AccountManagement::invalidLink);
    try {
      jdbc.sql("update account set email = ?, email_confirmed_at = now() where id = ?")
          .params(change.newEmail(), change.accountId())
          .update();
    } catch (DuplicateKeyException e) {
      throw new AccountException(HttpStatus.CONFLICT, AccountException.EMAIL_TAKEN);
    }
    log.info("Account {} changed its e-mail address", change.accountId());
    return Confirmed.NEW_EMAIL;
  }

  /** Mails a reset link if the address has an account; says nothing either way. */
  @Transactional
  public void requestPasswordReset(String email, Locale locale) {
    findByEmail(normalize(email))
        .filter(
            account ->
                !tokens.issuedWithin(account.id(), Purpose.RESET_PASSWORD, RESET_MAIL_INTERVAL))
        .ifPresent(
            account ->
                mails.resetPassword(
                    account.email(),
                    tokens.issue(
                        account.id(),
                        Purpose.RESET_PASSWORD,
                        properties.links().passwordReset(),
                        null),
                    locale));
  }

  /** The address of the account a reset link is for, if the link is valid; does not use it. */
  public Optional<String> checkResetLink(@Nullable String token) {
    return tokens
        .peek(token)
        .filter(use -> use.purpose() == Purpose.RESET_PASSWORD)
        .flatMap(use -> find(use.accountId()))
        .map(Account::email);
  }

  /**
   * Sets a new password through a reset link, which is used up. The mailbox is proven, so the
   * address counts as confirmed; the account's locks and slow-down are lifted; every session is
   * ended.
   *
   * @throws AccountException {@link AccountException#INVALID_LINK} or {@link
   *     AccountException#WEAK_PASSWORD}
   */
  @Transactional
  public void resetPassword(@Nullable String token, String newPassword, Locale locale) {
    String email = checkResetLink(token).orElseThrow(AccountManagement::invalidLink);
    requireStrong(newPassword, email);
    UUID id =
        tokens
            .consume(token, Purpose.RESET_PASSWORD)
            .orElseThrow(AccountManagement::invalidLink)
            .accountId();
    jdbc.sql(
            """
            update account set password_hash = ?, password_changed_at = now(),
              email_confirmed_at = coalesce(email_confirmed_at, now())
            where id = ?
            """)
        .params(passwordEncoder.encode(newPassword), id)
        .update();
    throttle.clear(throttle.accountKey(email));
    sessions.endAll(id);
    mails.passwordChanged(email, locale);
    log.info("Account {} reset its password", id);
  }

  /**
   * Changes the password of a logged-in account and ends its other sessions.
   *
   * @param currentSession the session making the change, which stays logged in
   * @throws AccountException {@link AccountException#WRONG_PASSWORD}, {@link
   *     AccountException#LOCKED} or {@link AccountException#WEAK_PASSWORD}
   */
  @Transactional
  public void changePassword(
      UUID id, String currentPassword, String newPassword, String currentSession, Locale locale) {
    Account account = verifyPassword(id, currentPassword);
    requireStrong(newPassword, account.email());
    jdbc.sql("update account set password_hash = ?, password_changed_at = now() where id = ?")
        .params(passwordEncoder.encode(newPassword), id)
        .update();
    sessions.endAllExcept(id, currentSession);
    mails.passwordChanged(account.email(), locale);
    log.info("Account {} changed its password", id);
  }

  /**
   * Starts a change of the e-mail address: the new address gets a confirmation link, the old one a
   * notice. If the new address belongs to another account, its owner gets a notice instead and
   * nothing changes, without telling the caller.
   *
   * @throws AccountException {@link AccountException#WRONG_PASSWORD} or {@link
   *     AccountException#LOCKED}
   */
  @Transactional
  public void requestEmailChange(UUID id, String currentPassword, String newEmail, Locale locale) {
    Account account = verifyPassword(id, currentPassword);
    String normalized = normalize(newEmail);
    if (normalized.equals(account.email())) {
      return;
    }
    if (findByEmail(normalized).isPresent()) {
      mails.alreadyRegistered(normalized, locale);
    } else {
      mails.confirmNewAddress(
          normalized,
          tokens.issue(id, Purpose.CHANGE_EMAIL, properties.links().confirmation(), normalized),
          locale);
    }
    mails.addressChangeRequested(account.email(), locale);
  }

  /**
   * Deletes the account with its profile, Postfach, attachments, data-sharing records, links and
   * sessions, and the mails to its address. Publishes {@link AccountDeleted}.
   *
   * @throws AccountException {@link AccountException#WRONG_PASSWORD} or {@link
   *     AccountException#LOCKED}
   */
  @Transactional
  public void delete(UUID id, String currentPassword) {
    Account account = verifyPassword(id, currentPassword);
    sessions.endAll(id);
    jdbc.sql("delete from account where id = ?").param(id).update();
    throttle.forget(throttle.accountKey(account.email()));
    mailer.forget(account.email());
    events.publishEvent(new AccountDeleted(id));
    log.info("Deleted account {}", id);
  }

  /**
   * Checks the current password before a sensitive change (counts as a failed login if wrong).
   *
   * @throws AccountException {@link AccountException#WRONG_PASSWORD} or {@link
   *     AccountException#LOCKED}
   */
  public void checkPassword(UUID id, String password) {
    verifyPassword(id, password);
  }

  /**
   * @return the reason a password is refused for this account, or empty
   */
  public Optional<String> passwordProblem(String password, String email) {
    return passwordPolicy.problem(password, normalize(email));
  }

  private Account verifyPassword(UUID id, String password) {
    Account account = get(id);
    // Counted apart from logins: only the session's holder can fail here, so this lock cannot be
    // used against the owner's login, and a password reset lifts it with the account's others.
    String accountKey = throttle.accountKey(account.email());
    String sessionKey = throttle.sessionKey(account.email());
    throttle
        .lockedFor(java.util.List.of(sessionKey))
        .ifPresent(
            wait -> {
              throw new AccountException(
                  HttpStatus.TOO_MANY_REQUESTS,
                  AccountException.LOCKED,
                  Math.max(1, (wait.toSeconds() + 59) / 60));
            });
    String hash =
        jdbc.sql("select password_hash from account where id = ?")
            .param(id)
            .query(String.class)
            .optional()
            .orElse(null);
    if (hash == null || !passwordEncoder.matches(password, hash)) {
      throttle.recordFailure(sessionKey, accountKey);
      throw new AccountException(HttpStatus.BAD_REQUEST, AccountException.WRONG_PASSWORD);
    }
    return account;
  }

  private void requireStrong(String password, String email) {
    if (passwordPolicy.problem(password, email).isPresent()) {
      throw new AccountException(HttpStatus.BAD_REQUEST, AccountException.WEAK_PASSWORD);
    }
  }

  private Optional<Account> findByEmail(String normalized) {
    return jdbc.sql("select " + COLUMNS + " from account where email = ?")
        .param(normalized)
        .query(AccountManagement::map)
        .optional();
  }

  private static AccountException invalidLink() {
    return new AccountException(HttpStatus.BAD_REQUEST, AccountException.INVALID_LINK);
  }

  /** Registrations never confirmed are removed after a week, and free their address again. */
  void deleteUnconfirmed() {
    jdbc.sql(
            "delete from account where email_confirmed_at is null and created_at < now() - make_interval(secs => ?)")
        .param(UNCONFIRMED_KEPT.toSeconds())
        .update();
  }

  static Account map(ResultSet rs, int row) throws SQLException {
    return new Account(
        rs.getObject("id", UUID.class),
        rs.getString("email"),
        rs.getObject("email_confirmed_at", OffsetDateTime.class),
        rs.getObject("password_changed_at", OffsetDateTime.class),
        rs.getObject("created_at", OffsetDateTime.class));
  }
}
