package de.amtsweg.payment;

import de.amtsweg.platform.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts the tenants' payment service secrets at rest (AES-256-GCM, the tenant's ARS as
 * additional data, so a value copied to another tenant's row does not open). Key: {@code
 * amtsweg.payment.secret-key}; only in the demo profile, without it, a key is generated once into
 * {@code <data-dir>/payment-secret.key} (owner-only). Elsewhere a missing key is reported when a
 * secret is first stored or read, so installations without online payment start without it. Same
 * format as the account module's TOTP secrets ({@code aesgcm1:} + Base64 of nonce, ciphertext and
 * tag), separate key (ADR 0018).
 */
@Component
class PaymentSecrets {

  private static final String PREFIX = "aesgcm1:";
  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final @Nullable SecretKey configured;
  private final boolean demo;
  private final Path keyFile;
  private @Nullable SecretKey generated;

  PaymentSecrets(
      PaymentProperties properties, PlatformProperties platform, Environment environment) {
    this.keyFile = platform.dataDir().resolve("payment-secret.key");
    this.demo = environment.matchesProfiles("demo");
    String key = properties.secretKey();
    this.configured = key != null && !key.isBlank() ? decode(key.strip()) : null;
  }

  /** A new random secret (Base64url, 32 bytes), e.g. for the notifications of the test service. */
  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  String seal(String plain, String tenantArs) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      byte[] sealed =
          cipher(Cipher.ENCRYPT_MODE, nonce, tenantArs)
              .doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt", e);
    }
  }

  String open(String stored, String tenantArs) {
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      return new String(
          cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), tenantArs)
              .doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
          StandardCharsets.UTF_8);
    } catch (GeneralSecurityException
        | IllegalArgumentException
        | StringIndexOutOfBoundsException e) {
      throw new IllegalStateException(
          "A payment secret cannot be decrypted: was amtsweg.payment.secret-key changed?", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String tenantArs) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key(), new GCMParameterSpec(128, nonce));
    cipher.updateAAD(tenantArs.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private synchronized SecretKey key() {
    if (configured != null) {
      return configured;
    }
    if (!demo) {
      // Checked when a secret is stored or read, not at start: installations without online payment
      // need no key.
      throw new PaymentException.SecretKeyMissing();
    }
    if (generated == null) {
      try {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        try {
          Files.createFile(
              keyFile,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          byte[] fresh = new byte[32];
          RANDOM.nextBytes(fresh);
          Files.writeString(
              keyFile, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException made) {
          // An earlier start made it.
        }
        generated = decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot keep the demo payment key in " + keyFile, e);
      }
    }
    return generated;
  }

  private static SecretKey decode(String base64) {
    try {
      byte[] key = Base64.getDecoder().decode(base64);
      if (key.length == 32) {
        return new SecretKeySpec(key, "AES");
      }
    } catch (IllegalArgumentException notBase64) {
      // Reported below.
    }
    throw new IllegalStateException(
        "amtsweg.payment.secret-key must be Base64 of 32 bytes ('openssl rand -base64 32')");
  }
}
