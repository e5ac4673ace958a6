package de.amtsweg.platform;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits), as every
 * authenticator app computes them, and the Base32 encoding of their secrets (RFC 4648). Shared by
 * the citizens' second factor ({@code account}) and the staff's ({@code platform.staff}).
 */
public final class Totp {

  /** Seconds per time step. */
  public static final int STEP_SECONDS = 30;

  /** Digits of a code. */
  public static final int DIGITS = 6;

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Totp() {}

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
