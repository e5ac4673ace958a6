package de.amtsweg.platform.staff;

import de.amtsweg.platform.SealedColumn;
import de.amtsweg.platform.SecretBox;
import de.amtsweg.platform.Totp;
import de.amtsweg.platform.security.StaffFactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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

  static final int RECOVERY_CODES = 10;
  private static final String ISSUER = "Amtsweg";
  private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

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
  public Optional<Setup> setup(UUID staffAccountId, String label) {
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
    return Optional.of(new Setup(secret, uri(secret, label)));
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
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String recovery = recoveryCode();
      codes.add(recovery);
      jdbc.sql("insert into staff_recovery_code (staff_account_id, code_hash) values (?, ?)")
          .params(staffAccountId, sha256(normalizeRecovery(recovery)))
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
            .params(staffAccountId, sha256(normalizeRecovery(code)))
            .update()
        == 1;
  }

  private static String owner(UUID staffAccountId) {
    return "staff:" + staffAccountId;
  }

  private static String uri(String secret, String label) {
    String account =
        URLEncoder.encode(ISSUER + ":" + label, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/"
        + account
        + "?secret="
        + secret
        + "&issuer="
        + ISSUER
        + "&algorithm=SHA1&digits="
        + Totp.DIGITS
        + "&period="
        + Totp.STEP_SECONDS;
  }

  private static String recoveryCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      if (i == 5) {
        code.append('-');
      }
      code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
    }
    return code.toString();
  }

  private static String normalizeRecovery(String code) {
    return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
