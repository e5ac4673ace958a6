package de.amtsweg.account;

import de.amtsweg.platform.SecretBox;
import de.amtsweg.platform.Totp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional second factor: a TOTP app, plus ten single-use recovery codes for when the phone is
 * lost. A code is accepted once (the step is remembered). The TOTP secret is stored encrypted
 * ({@link SecretBox}); secrets stored in clear by earlier versions are encrypted at start.
 */
@Service
public class SecondFactor {

  private static final String ISSUER = "Amtsweg Thüringen";
  private static final Logger log = LoggerFactory.getLogger(SecondFactor.class);

  /** What an authenticator app needs: the secret and the otpauth URI (for the QR code). */
  public record Setup(String secret, String uri) {

    /** The secret in groups of four, for typing. */
    public String grouped() {
      return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
  }

  private final JdbcClient jdbc;
  private final AccountManagement accounts;
  private final SecretBox box;

  SecondFactor(JdbcClient jdbc, AccountManagement accounts, SecretBox box) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.box = box;
    sealPlainSecrets();
  }

  /**
   * Encrypts the secrets that earlier versions stored in clear. Runs at every start, before the app
   * takes requests; a secret is sealed once, also when several nodes start at the same time.
   *
   * @return how many were sealed
   */
  public int sealPlainSecrets() {
    List<Stored> plain =
        jdbc.sql("select account_id, secret from account_totp where secret not like ?")
            .param(SecretBox.SEALED_LIKE)
            .query(
                (rs, row) ->
                    new Stored(rs.getObject("account_id", UUID.class), rs.getString("secret")))
            .list();
    int sealed = 0;
    for (Stored stored : plain) {
      sealed +=
          jdbc.sql("update account_totp set secret = ? where account_id = ? and secret = ?")
              .params(
                  box.seal(stored.secret(), stored.accountId().toString()),
                  stored.accountId(),
                  stored.secret())
              .update();
    }
    if (sealed > 0) {
      log.info("Encrypted {} second-factor secrets stored in clear", sealed);
    }
    return sealed;
  }

  private record Stored(UUID accountId, String secret) {}

  /** The secret in clear; one stored in clear by an earlier version is taken as it is. */
  private String reveal(String stored, UUID accountId) {
    return SecretBox.isSealed(stored) ? box.open(stored, accountId.toString()) : stored;
  }

  /** Whether the account logs in with a second factor. */
  public boolean enabled(UUID accountId) {
    return jdbc.sql(
            "select exists(select 1 from account_totp where account_id = ? and confirmed_at is not null)")
        .param(accountId)
        .query(Boolean.class)
        .single();
  }

  /**
   * Starts (or restarts) the setup with a new secret; the factor counts once {@link #confirm}ed.
   */
  @Transactional
  public Totp.Setup start(UUID accountId) {
    if (enabled(accountId)) {
      throw new AccountException(HttpStatus.CONFLICT, AccountException.SECOND_FACTOR_ACTIVE);
    }
    String secret = Totp.newSecret();
    jdbc.sql(
            """
            insert into account_totp (account_id, secret) values (?, ?)
            on conflict (account_id) do update set secret = excluded.secret, confirmed_at = null, last_step = 0
            """)
        .params(accountId, box.seal(secret, accountId.toString()))
        .update();
    return setup(accountId, secret);
  }

  /** The setup in progress, if there is one. */
  public Optional<Totp.Setup> pending(UUID accountId) {
    return jdbc.sql("select secret from account_totp where account_id = ? and confirmed_at is null")
        .param(accountId)
        .query(String.class)
        .optional()
        .map(secret -> setup(accountId, reveal(secret, accountId)));
  }

  /**
   * Confirms the setup with a code from the app.
   *
   * @return the recovery codes, shown to the person once and stored only as hashes
   * @throws AccountException {@link AccountException#WRONG_CODE}
   */
  @Transactional
  public List<String> confirm(UUID accountId, String code) {
    Totp.Setup setup = pending(accountId).orElseThrow(SecondFactor::wrongCode);
    long step = Totp.match(setup.secret(), code, Totp.step(Instant.now().getEpochSecond()));
    if (step < 0) {
      throw wrongCode();
    }
    jdbc.sql("update account_totp set confirmed_at = now(), last_step = ? where account_id = ?")
        .params(step, accountId)
        .update();
    jdbc.sql("delete from account_recovery_code where account_id = ?").param(accountId).update();
    List<String> codes = Totp.newRecoveryCodes();
    for (String recovery : codes) {
      jdbc.sql("insert into account_recovery_code (account_id, code_hash) values (?, ?)")
          .params(accountId, Totp.recoveryHash(recovery))
          .update();
    }
    log.info("Account {} turned on its second factor", accountId);
    return codes;
  }

  /** Checks a code from the app (each accepted once) or an unused recovery code (used up). */
  @Transactional
  public boolean verify(UUID accountId, String code) {
    Optional<String> secret =
        jdbc.sql(
                "select secret from account_totp where account_id = ? and confirmed_at is not null")
            .param(accountId)
            .query(String.class)
            .optional();
    if (secret.isEmpty()) {
      return false;
    }
    long step =
        Totp.match(
            reveal(secret.get(), accountId), code, Totp.step(Instant.now().getEpochSecond()));
    if (step >= 0) {
      return jdbc.sql(
                  "update account_totp set last_step = ? where account_id = ? and last_step < ?")
              .params(step, accountId, step)
              .update()
          == 1;
    }
    boolean recovered =
        jdbc.sql(
                    "update account_recovery_code set used_at = now() where account_id = ? and code_hash = ? and used_at is null")
                .params(accountId, Totp.recoveryHash(code))
                .update()
            == 1;
    if (recovered) {
      log.info("Account {} logged in with a recovery code", accountId);
    }
    return recovered;
  }

  /** Unused recovery codes left. */
  public int recoveryCodesLeft(UUID accountId) {
    return jdbc.sql(
            "select count(*) from account_recovery_code where account_id = ? and used_at is null")
        .param(accountId)
        .query(Integer.class)
        .single();
  }

  /**
   * Turns the second factor off after checking the password.
   *
   * @throws AccountException {@link AccountException#WRONG_PASSWORD} or {@link
   *     AccountException#LOCKED}
   */
  @Transactional
  public void disable(UUID accountId, String password) {
    accounts.checkPassword(accountId, password);
    jdbc.sql("delete from account_totp where account_id = ?").param(accountId).update();
    jdbc.sql("delete from account_recovery_code where account_id = ?").param(accountId).update();
    log.info("Account {} turned off its second factor", accountId);
  }

  private Totp.Setup setup(UUID accountId, String secret) {
    return Totp.Setup.of(ISSUER, accounts.get(accountId).email(), secret);
  }

  private static AccountException wrongCode() {
    return new AccountException(HttpStatus.BAD_REQUEST, AccountException.WRONG_CODE);
  }
}
