package de.amtsweg.platform;

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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets Amtsweg must read back (TOTP keys, webhook secrets, payment service
 * credentials, e-invoice export keys) with AES-256-GCM, so that a copy of the database alone does
 * not reveal them (ADR 0014).
 *
 * <p><b>Keys.</b> A key ring from the environment, the same on every node: {@code
 * amtsweg.secrets.keys.<id>} (Base64 of 32 bytes; ids are lower-case letters and digits), {@code
 * amtsweg.secrets.current-key-id} names the key that seals. The settings of earlier versions stay
 * valid as keys of the ring: {@code amtsweg.account.secret-key} is the key {@code account}, {@code
 * amtsweg.payment.secret-key} the key {@code payment}. With a single key (not counting {@code
 * payment}, which only ever sealed payment secrets) that key is current; with several, {@code
 * current-key-id} must name one. Only in the demo profile without any key, a key {@code account} is
 * generated once into {@code <amtsweg.data-dir>/account-secret.key}, readable by its owner only.
 * Any other profile refuses to start without a key.
 *
 * <p><b>Format.</b> A sealed value is {@code aesgcm2:<key id>:} + Base64(12-byte nonce, ciphertext,
 * tag). Values sealed by earlier versions, {@code aesgcm1:} + Base64(…) without a key id, still
 * open: each key of the ring is tried (the tag tells the right one). The additional authenticated
 * data binds a value to its owner (e.g. the account id, {@code einvoice-export:<tenant>}), so a
 * value copied to another row does not open.
 *
 * <p><b>Rotation.</b> Add a new key on every node, then make it current: new values are sealed with
 * it, old ones keep opening with their key and are re-sealed at the next start ({@link
 * SealedColumn}). An old key may be removed once no value names it any more.
 */
@Component
public class SecretBox {

  /** A SQL {@code LIKE} pattern that matches every sealed value, of either format. */
  public static final String SEALED_LIKE = "aesgcm_:%";

  static final String PREFIX = "aesgcm2:";
  static final String LEGACY_PREFIX = "aesgcm1:";
  static final String ACCOUNT_KEY_ID = "account";
  static final String PAYMENT_KEY_ID = "payment";
  static final String DEMO_KEY_FILE = "account-secret.key";
  static final String DEMO_PAYMENT_KEY_FILE = "payment-secret.key";
  private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,32}");
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

  /**
   * Where the keys come from.
   *
   * @param keys {@code amtsweg.secrets.keys}: key id → Base64 of 32 bytes
   * @param currentKeyId {@code amtsweg.secrets.current-key-id}, or null
   * @param accountKey {@code amtsweg.account.secret-key} (the key {@code account}), or null
   * @param paymentKey {@code amtsweg.payment.secret-key} (the key {@code payment}), or null
   */
  record KeySettings(
      Map<String, String> keys,
      @Nullable String currentKeyId,
      @Nullable String accountKey,
      @Nullable String paymentKey) {

    /** The settings, the old ones read by their names (their modules no longer read them). */
    static KeySettings of(PlatformProperties.Secrets secrets, Environment environment) {
      Binder binder = Binder.get(environment);
      return new KeySettings(
          secrets.keys() == null ? Map.of() : secrets.keys(),
          secrets.currentKeyId(),
          binder.bind("amtsweg.account.secret-key", String.class).orElse(null),
          binder.bind("amtsweg.payment.secret-key", String.class).orElse(null));
    }
  }

  /** Keys by id, those of the old settings first (tried first on values without a key id). */
  private final Map<String, SecretKey> keys;

  /** The order in which keys are tried on values without a key id. */
  private final String[] legacyOrder;

  private final String currentKeyId;

  @Autowired
  SecretBox(PlatformProperties platform, Environment environment) {
    this(
        KeySettings.of(platform.secrets(), environment),
        platform.dataDir(),
        environment.matchesProfiles("demo"));
  }

  /**
   * @param dataDir where the demo keeps its generated key
   * @param demo whether the demo profile is on
   * @throws IllegalStateException if a key is malformed, no key is set outside the demo, or the
   *     current key is not clear
   */
  SecretBox(KeySettings settings, Path dataDir, boolean demo) {
    Map<String, SecretKey> ring = new LinkedHashMap<>();
    Set<String> sealing = new LinkedHashSet<>();
    String accountKey = settings.accountKey();
    if (accountKey != null && !accountKey.isBlank()) {
      ring.put(ACCOUNT_KEY_ID, decode(accountKey, "amtsweg.account.secret-key"));
      sealing.add(ACCOUNT_KEY_ID);
    }
    String paymentKey = settings.paymentKey();
    if (paymentKey != null && !paymentKey.isBlank()) {
      ring.put(PAYMENT_KEY_ID, decode(paymentKey, "amtsweg.payment.secret-key"));
    }
    settings
        .keys()
        .forEach(
            (id, value) -> {
              if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException(
                    "amtsweg.secrets.keys."
                        + id
                        + ": a key id is 1 to 32 lower-case letters and digits");
              }
              SecretKey key = decode(value, "amtsweg.secrets.keys." + id);
              SecretKey same = ring.get(id);
              if (same != null && !MessageDigest.isEqual(same.getEncoded(), key.getEncoded())) {
                throw new IllegalStateException(
                    "The key '"
                        + id
                        + "' is set twice with different values: in amtsweg.secrets.keys."
                        + id
                        + " and in amtsweg."
                        + id
                        + ".secret-key");
              }
              ring.put(id, key);
              sealing.add(id);
            });
    if (demo) {
      if (!ring.containsKey(ACCOUNT_KEY_ID)) {
        Path file = dataDir.resolve(DEMO_KEY_FILE);
        if (sealing.isEmpty()) {
          ring.put(ACCOUNT_KEY_ID, loadOrCreate(file));
          sealing.add(ACCOUNT_KEY_ID);
        } else if (Files.exists(file)) {
          ring.put(ACCOUNT_KEY_ID, read(file));
        }
      }
      Path paymentFile = dataDir.resolve(DEMO_PAYMENT_KEY_FILE);
      if (!ring.containsKey(PAYMENT_KEY_ID) && Files.exists(paymentFile)) {
        // Payment secrets an earlier version of the demo sealed with its own key.
        ring.put(PAYMENT_KEY_ID, read(paymentFile));
      }
    }
    this.keys = Map.copyOf(ring);
    this.legacyOrder = ring.keySet().toArray(String[]::new);
    this.currentKeyId = current(settings.currentKeyId(), sealing, ring);
  }

  private static String current(
      @Nullable String configured, Set<String> sealing, Map<String, SecretKey> ring) {
    if (configured != null && !configured.isBlank()) {
      String id = configured.strip();
      if (!ring.containsKey(id)) {
        throw new IllegalStateException(
            "amtsweg.secrets.current-key-id is '"
                + id
                + "', but there is no such key: set amtsweg.secrets.keys."
                + id);
      }
      return id;
    }
    if (sealing.size() == 1) {
      return sealing.iterator().next();
    }
    if (sealing.isEmpty()) {
      throw new IllegalStateException(
          "The setting amtsweg.account.secret-key is missing, and so is amtsweg.secrets.keys.<id>."
              + " A key encrypts secrets in the database (second factor, webhook and payment"
              + " secrets) and must be the same on every node: generate one with 'openssl rand"
              + " -base64 32' and give it through the environment as AMTSWEG_SECRETS_KEYS_<ID>"
              + " (or, as before, AMTSWEG_ACCOUNT_SECRET_KEY).");
    }
    throw new IllegalStateException(
        "Several keys can seal secrets ("
            + String.join(", ", sealing)
            + "): name the current one with amtsweg.secrets.current-key-id"
            + " (AMTSWEG_SECRETS_CURRENT_KEY_ID).");
  }

  /** The id of the key that seals new values. */
  public String currentKeyId() {
    return currentKeyId;
  }

  /** Encrypts a value for its owner with the current key. */
  public String seal(String plain, String owner) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      byte[] sealed =
          cipher(
                  Cipher.ENCRYPT_MODE,
                  Objects.requireNonNull(keys.get(currentKeyId), "checked at start"),
                  nonce,
                  owner)
              .doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return currentPrefix()
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot encrypt", e);
    }
  }

  /**
   * Decrypts a value sealed for this owner, with the key it names (or, for a value sealed before
   * key ids, with the key that fits).
   *
   * @throws IllegalStateException if it does not open: its key is not configured, it was changed,
   *     it is another owner's value, or it is not a sealed value at all
   */
  public String open(String sealed, String owner) {
    if (sealed.startsWith(PREFIX)) {
      int colon = sealed.indexOf(':', PREFIX.length());
      String id = colon < 0 ? "" : sealed.substring(PREFIX.length(), colon);
      SecretKey key = keys.get(id);
      if (key == null) {
        throw new IllegalStateException(
            "A stored secret was sealed with the key '"
                + id
                + "', which is not configured: set amtsweg.secrets.keys."
                + id);
      }
      try {
        return decrypt(key, payload(sealed.substring(colon + 1)), owner);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "A stored secret does not open with the key '"
                + id
                + "': it was changed, or belongs to another owner",
            e);
      }
    }
    if (sealed.startsWith(LEGACY_PREFIX)) {
      byte[] payload;
      try {
        payload = payload(sealed.substring(LEGACY_PREFIX.length()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("A stored secret is damaged", e);
      }
      for (String id : legacyOrder) {
        try {
          return decrypt(Objects.requireNonNull(keys.get(id), "a key of the ring"), payload, owner);
        } catch (AEADBadTagException notThisKey) {
          // Values of this format name no key: try the next one.
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("Cannot decrypt", e);
        }
      }
      throw new IllegalStateException(
          "A stored secret does not open with any configured key: was amtsweg.account.secret-key"
              + " (or amtsweg.payment.secret-key) changed, or does it belong to another owner?");
    }
    throw new IllegalStateException("Not a sealed value");
  }

  /**
   * The value sealed with the current key: as it is if it already is, else opened and sealed again.
   *
   * @throws IllegalStateException if it does not open (see {@link #open})
   */
  public String reseal(String sealed, String owner) {
    return isCurrent(sealed) ? sealed : seal(open(sealed, owner), owner);
  }

  /**
   * A key for another purpose (an HMAC key, a pepper), derived from the current key: the same on
   * every node, without a further secret to manage. HMAC-SHA256 of the purpose under the current
   * key (one block of HKDF-Expand). It changes when another key becomes current, so use it only for
   * what may be lost then: short-lived challenges and counters, never stored secrets.
   *
   * @param purpose what the key is for, e.g. {@code rate-limits}; different purposes give unrelated
   *     keys
   * @return 32 bytes
   */
  public byte[] derivedKey(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Objects.requireNonNull(keys.get(currentKeyId), "checked at start").getEncoded(),
              "HmacSHA256"));
      return mac.doFinal(("amtsweg derived key\0" + purpose).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot derive a key", e);
    }
  }

  /** Whether a value is sealed with the current key (and so needs no re-sealing). */
  public boolean isCurrent(String sealed) {
    return sealed.startsWith(currentPrefix());
  }

  /** What every value sealed with the current key starts with. */
  public String currentPrefix() {
    return PREFIX + currentKeyId + ":";
  }

  /** The key a value names; empty for values sealed before key ids (and for unsealed ones). */
  public static Optional<String> keyIdOf(String sealed) {
    int colon = sealed.indexOf(':', PREFIX.length());
    return sealed.startsWith(PREFIX) && colon > 0
        ? Optional.of(sealed.substring(PREFIX.length(), colon))
        : Optional.empty();
  }

  /** Whether a stored value is sealed (of either format) rather than stored in clear. */
  public static boolean isSealed(String stored) {
    return stored.startsWith(PREFIX) || stored.startsWith(LEGACY_PREFIX);
  }

  private static byte[] payload(String base64) {
    byte[] bytes = Base64.getDecoder().decode(base64);
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("too short");
    }
    return bytes;
  }

  private static String decrypt(SecretKey key, byte[] payload, String owner)
      throws GeneralSecurityException {
    return new String(
        cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(payload, NONCE_BYTES), owner)
            .doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES),
        StandardCharsets.UTF_8);
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String owner)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  /** The demo's key: created at the first start, owner-only (rw-------), read at later starts. */
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
            "Generated the demo's key for sealed secrets in {}; production sets"
                + " amtsweg.secrets.keys.<id>",
            file.toAbsolutePath());
      } catch (FileAlreadyExistsException exists) {
        // Made at an earlier start: use it.
      }
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the demo key in " + file, e);
    }
  }

  private static SecretKey read(Path file) {
    try {
      return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the demo key in " + file, e);
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
      key = Base64.getDecoder().decode(base64.strip());
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
