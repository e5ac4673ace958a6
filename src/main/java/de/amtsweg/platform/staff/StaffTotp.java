package de.amtsweg.platform.staff;

import de.amtsweg.platform.SealedColumn;
import de.amtsweg.platform.SecretBox;
import de.amtsweg.platform.Totp;
import de.amtsweg.platform.security.StaffFactor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's authenticator app (RFC 6238, {@link Totp}) with ten single-use recovery codes: a
 * {@link StaffFactor} of kind {@code totp}. The secret is sealed with {@link SecretBox} for the
 * owner {@code staff:<account id>}; a code (time step) is accepted once; recovery codes are stored
 * as SHA-256 only and shown once.
 */
@Component
public class StaffTotp implements StaffFactor {

  private static final String ISSUER = "Amtsweg";

  /** What an authenticator app needs: the secret and the otpauth URI (for the QR code). */
  public record Setup(String secret, String uri) {

    /** The secret in groups of four, for typing. */
    public String grouped() {
      return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
  }

  private final JdbcClient jdbc;
  private final SecretBox box;

  StaffTotp(JdbcClient jdbc, SecretBox box) {
    this.jdbc = jdbc;
    this.box = box;
  }

  @Override
  public String id() {
    return "totp";
  }

  @Override
  public String nameKey() {
    return "staff.factor.totp";
  }

  @Override
  public boolean registered(UUID staffAccountId) {
    return jdbc.sql(
            "select exists(select 1 from staff_totp where staff_account_id = ? and confirmed_at is not null)")
        .param(staffAccountId)
        .query(Boolean.class)
        .single();
  }

  @Override
  @Transactional
  public void reset(UUID staffAccountId) {
    jdbc.sql("delete from staff_totp where staff_account_id = ?").param(staffAccountId).update();
    jdbc.sql("delete from staff_recovery_code where staff_account_id = ?")
        .param(staffAccountId)
        .update();
  }

  /**
   * The setup in progress, or a new one (a new secret) if there is none; none if the factor is
   * registered already.
   */
  @Transactional
  public Optional<Totp.Setup> setup(UUID staffAccountId, String label) {
    if (registered(staffAccountId)) {
      return Optional.empty();
    }
    Optional<String> pending =
        jdbc.sql(
                "select secret from staff_totp where staff_account_id = ? and confirmed_at is null")
            .param(staffAccountId)
            .query(String.class)
            .optional()
            .map(stored -> box.open(stored, owner(staffAccountId)));
    String secret = pending.orElseGet(Totp::newSecret);
    if (pending.isEmpty()) {
      jdbc.sql(
              """
              insert into staff_totp (staff_account_id, secret) values (?, ?)
              on conflict (staff_account_id) do update
                set secret = excluded.secret, confirmed_at = null, last_step = 0
              """)
          .params(staffAccountId, box.seal(secret, owner(staffAccountId)))
          .update();
    }
    return Optional.of(Totp.Setup.of(ISSUER, label, secret));
  }

  /**
   * Confirms the setup with a first code from the app.
   *
   * @return the recovery codes, to be shown once; empty if the code is wrong or nothing is pending
   */
  @Transactional
  public Optional<List<String>> confirm(UUID staffAccountId, String code) {
    Optional<String> secret =
        jdbc.sql(
                "select secret from staff_totp where staff_account_id = ? and confirmed_at is null")
            .param(staffAccountId)
            .query(String.class)
            .optional();
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    long step =
        Totp.match(
            box.open(secret.get(), owner(staffAccountId)),
            code,
            Totp.step(Instant.now().getEpochSecond()));
    if (step < 0) {
      return Optional.empty();
    }
    jdbc.sql("update staff_totp set confirmed_at = now(), last_step = ? where staff_account_id = ?")
        .params(step, staffAccountId)
        .update();
    jdbc.sql("delete from staff_recovery_code where staff_account_id = ?")
        .param(staffAccountId)
        .update();
    List<String> codes = Totp.newRecoveryCodes();
    for (String recovery : codes) {
      jdbc.sql("insert into staff_recovery_code (staff_account_id, code_hash) values (?, ?)")
          .params(staffAccountId, Totp.recoveryHash(recovery))
          .update();
    }
    return Optional.of(codes);
  }

  /** Checks a code from the app (each accepted once) or an unused recovery code (used up). */
  @Transactional
  public boolean verify(UUID staffAccountId, String code) {
    Optional<String> secret =
        jdbc.sql(
                "select secret from staff_totp where staff_account_id = ? and confirmed_at is not null")
            .param(staffAccountId)
            .query(String.class)
            .optional();
    if (secret.isEmpty()) {
      return false;
    }
    long step =
        Totp.match(
            box.open(secret.get(), owner(staffAccountId)),
            code,
            Totp.step(Instant.now().getEpochSecond()));
    if (step >= 0) {
      return jdbc.sql(
                  "update staff_totp set last_step = ? where staff_account_id = ? and last_step < ?")
              .params(step, staffAccountId, step)
              .update()
          == 1;
    }
    return jdbc.sql(
                """
                update staff_recovery_code set used_at = now()
                where staff_account_id = ? and code_hash = ? and used_at is null
                """)
            .params(staffAccountId, Totp.recoveryHash(code))
            .update()
        == 1;
  }

  private static String owner(UUID staffAccountId) {
    return "staff:" + staffAccountId;
  }

  /** Where the sealed secrets are, for their re-sealing after a key rotation. */
  @Configuration(proxyBeanMethods = false)
  static class Sealed {

    @Bean
    SealedColumn staffTotpSecrets() {
      return new SealedColumn("staff_totp", "secret", "'staff:' || staff_account_id::text");
    }
  }
}
