package de.amtsweg.platform;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits), as every
 * authenticator app computes them, and the Base32 encoding of their secrets (RFC 4648). Shared by
 * the citizens' second factor ({@code account}) and the staff's ({@code platform.staff}), together
 * with the single-use recovery codes both hand out.
 */
public final class Totp {

  /** Seconds per time step. */
  public static final int STEP_SECONDS = 30;

  /** Digits of a code. */
  public static final int DIGITS = 6;

  /** Recovery codes handed out at once. */
  public static final int RECOVERY_CODES = 10;

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  // No 0/O, 1/I: recovery codes are read off paper and typed.
  private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

  /** What an authenticator app needs: the secret and the otpauth URI (for the QR code). */
  public record Setup(String secret, String uri) {

    /** The otpauth URI of Google's Key Uri Format, which every authenticator app reads. */
    public static Setup of(String issuer, String accountName, String secret) {
      return new Setup(
          secret,
          "otpauth://totp/"
              + uriEncode(issuer + ":" + accountName)
              + "?secret="
              + secret
              + "&issuer="
              + uriEncode(issuer)
              + "&algorithm=SHA1&digits="
              + DIGITS
              + "&period="
              + STEP_SECONDS);
    }

    /** The secret in groups of four, for typing. */
    public String grouped() {
      return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String uriEncode(String text) {
      return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }

  /** {@value #RECOVERY_CODES} new recovery codes such as {@code K7M2P-X9QRT}, to be shown once. */
  public static List<String> newRecoveryCodes() {
    List<String> codes = new ArrayList<>();
    for (int n = 0; n < RECOVERY_CODES; n++) {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        if (i == 5) {
          code.append('-');
        }
        code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /**
   * What is stored of a recovery code: the SHA-256 of the code without spaces and dashes, in upper
   * case, so that "k7m2p x9qrt" matches. The codes are random enough that no salt is needed.
   */
  public static String recoveryHash(String code) {
    return Sha256.hex(code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
  }

  /** A new 160-bit secret, Base32-encoded. */
  public static String newSecret() {
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    return base32(secret);
  }

  /** The time step of a moment in epoch seconds. */
  public static long step(long epochSeconds) {
    return Math.floorDiv(epochSeconds, STEP_SECONDS);
  }

  /** The code for a time step, with leading zeros. */
  public static String code(byte[] secret, long step, int digits) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      int modulo = (int) Math.pow(10, digits);
      return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulo);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The step whose code matches, looking one step back and ahead for clock drift; -1 if none does.
   * Compares in constant time.
   */
  public static long match(String base32Secret, String code, long currentStep) {
    String entered = code.replaceAll("\\s", "");
    if (!entered.matches("[0-9]{" + DIGITS + "}")) {
      return -1;
    }
    byte[] secret = base32Decode(base32Secret);
    long found = -1;
    for (long step = currentStep - 1; step <= currentStep + 1; step++) {
      if (MessageDigest.isEqual(code(secret, step, DIGITS).getBytes(), entered.getBytes())) {
        found = step;
      }
    }
    return found;
  }

  /** Base32 (RFC 4648) without padding. */
  public static String base32(byte[] data) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** Decodes Base32, ignoring spaces, dashes, padding and case; IllegalArgumentException else. */
  public static byte[] base32Decode(String text) {
    String clean = text.replaceAll("[\\s=-]", "").toUpperCase(Locale.ROOT);
    ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (char c : clean.toCharArray()) {
      int value = ALPHABET.indexOf(c);
      if (value < 0) {
        throw new IllegalArgumentException("not Base32");
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.put((byte) (buffer >> (bits - 8)));
        bits -= 8;
      }
    }
    return java.util.Arrays.copyOf(out.array(), out.position());
  }
}
