package de.amtsweg.account;

import de.amtsweg.platform.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets the Servicekonto must read back (the TOTP keys) with AES-256-GCM, so that a
 * copy of the database alone does not reveal them. The key is the setting {@code
 * amtsweg.account.secret-key} (32 bytes, Base64), given through the environment and the same on
 * every node. Only in the demo profile, without that setting, a key is generated once and kept in
 * {@code <amtsweg.data-dir>/account-secret.key}, readable by its owner only. Any other profile
 * refuses to start without the setting.
 *
 * <p>A sealed value is {@code aesgcm1:} + Base64(12-byte nonce, ciphertext, tag); the additional
 * authenticated data binds it to its owner (the account id), so a value copied to another row does
 * not open.
 *
 * <p>Public so that other modules with secrets they must read back (the webhook secrets of the
 * {@code delivery} module, the E-Rechnung export's webhook keys) use the same key and scheme (ADR
 * 0014, ADR 0016), each with an owner that names its purpose ({@code einvoice-export:<tenant>}).
 */
@Component
public class SecretBox {

  static final String PREFIX = "aesgcm1:";
  static final String KEY_FILE = "account-secret.key";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

  private final @Nullable SecretKey configured;
  private final Path keyFile;
  private @Nullable SecretKey generated;

  @Autowired
  SecretBox(AccountProperties properties, PlatformProperties platform, Environment environment) {
    this(properties.secretKey(), platform.dataDir(), environment.matchesProfiles("demo"));
  }

  /**
   * @param secretKey the configured key (Base64 of 32 bytes), or null
   * @param dataDir where the demo keeps its generated key
   * @param demo whether the demo profile is on
   * @throws IllegalStateException if the key is malformed, or missing outside the demo
   */
  SecretBox(@Nullable String secretKey, Path dataDir, boolean demo) {
    this.keyFile = dataDir.resolve(KEY_FILE);
    if (secretKey != null && !secretKey.isBlank()) {
      this.configured = decode(secretKey.strip(), "amtsweg.account.secret-key");
    } else if (demo) {
      this.configured = null;
    } else {
      throw new IllegalStateException(
          "The setting amtsweg.account.secret-key is missing. It encrypts second-factor secrets in the"
              + " database and must be the same on every node: generate one with 'openssl rand -base64 32'"
              + " and give it through the environment as AMTSWEG_ACCOUNT_SECRET_KEY.");
    }
  }

  /** Encrypts a value for its owner. */
  public String seal(String plain, String owner) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, owner);
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt", e);
    }
  }

  /**
   * Decrypts a value sealed for this owner; a value that was never sealed (written before
   * encryption, see {@link #isSealed}) is returned as it is.
   *
   * @throws IllegalStateException if it does not open: another key, or another owner's value
   */
  public String open(String stored, String owner) {
    if (!isSealed(stored)) {
      return stored;
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, owner);
      return new String(
          cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "A stored secret cannot be decrypted: was amtsweg.account.secret-key changed?", e);
    }
  }

  static boolean isSealed(String stored) {
    return stored.startsWith(PREFIX);
  }

  private Cipher cipher(int mode, byte[] nonce, String owner) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private SecretKey key() {
    if (configured != null) {
      return configured;
    }
    synchronized (this) {
      if (generated == null) {
        generated = loadOrCreate(keyFile);
      }
      return generated;
    }
  }

  /** The demo's key: created at first use, owner-only (rw-------), read at every later start. */
  private static SecretKey loadOrCreate(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] key = new byte[KEY_BYTES];
      RANDOM.nextBytes(key);
      try {
        createOwnerOnly(file);
        Files.writeString(
            file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        log.warn(
            "Generated the demo's key for second-factor secrets in {}; production sets"
                + " amtsweg.account.secret-key",
            file.toAbsolutePath());
      } catch (FileAlreadyExistsException exists) {
        // Made at an earlier start: use it.
      }
      return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the demo key in " + file, e);
    }
  }

  private static void createOwnerOnly(Path file) throws IOException {
    try {
      Files.createFile(
          file,
          PosixFilePermissions.asFileAttribute(
              Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
      java.io.File plain = file.toFile();
      boolean restricted =
          plain.setReadable(false, false)
              && plain.setReadable(true, true)
              && plain.setWritable(false, false)
              && plain.setWritable(true, true);
      if (!restricted) {
        log.warn("Could not restrict the permissions of {}", file.toAbsolutePath());
      }
    }
  }

  private static SecretKey decode(String base64, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          source + " is not Base64: generate a key with 'openssl rand -base64 32'");
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalStateException(
          source + " must be 32 bytes (Base64 of 'openssl rand -base64 32'), not " + key.length);
    }
    return new SecretKeySpec(key, "AES");
  }
}
