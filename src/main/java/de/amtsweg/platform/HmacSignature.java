package de.amtsweg.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.lang.Contract;

/**
 * HMAC-SHA256 signatures of messages Amtsweg sends or receives with a shared secret: {@code
 * sha256=<hex>}, the HMAC-SHA256 with the secret's UTF-8 bytes as key.
 *
 * <ul>
 *   <li><b>With a timestamp</b> (webhooks and their callbacks, e-invoice export): over {@code
 *       "<timestamp>.<body>"}, the timestamp in Unix seconds sent beside it (e.g. {@code
 *       X-Amtsweg-Timestamp}). The timestamp is signed too, so an old message cannot be sent again
 *       with a fresh timestamp; {@link #verify(String, String, String, byte[], Instant, Duration)}
 *       refuses timestamps outside the receiver's window.
 *   <li><b>Over the body only</b> (payment services' notifications, whose format has no signed
 *       timestamp): {@link #sign(String, byte[])} and {@link #verify(String, String, byte[])}.
 * </ul>
 *
 * Signatures are compared in constant time; the hex may be in capitals. Replay protection beyond
 * the window (remembering accepted signatures) is the receiver's job.
 */
public final class HmacSignature {

  /** What a signature starts with. */
  public static final String PREFIX = "sha256=";

  /** Why a signed message is refused. */
  public enum Refusal {
    /** No signature, no timestamp, or a signature not of the form {@code sha256=<hex>}. */
    MISSING,
    /** The timestamp is not a number of seconds. */
    TIMESTAMP_INVALID,
    /** The timestamp is further from now than the window (stale, or from the future). */
    OUTSIDE_WINDOW,
    /** The signature does not fit secret, timestamp and body. */
    MISMATCH
  }

  private HmacSignature() {}

  /** {@code sha256=<hex>} over {@code "<timestamp>.<body>"}. */
  public static String sign(String secret, long timestamp, byte[] body) {
    return PREFIX
        + HexFormat.of()
            .formatHex(hmac(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), body));
  }

  /** {@code sha256=<hex>} over the body alone, for formats without a signed timestamp. */
  public static String sign(String secret, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret, new byte[0], body));
  }

  /**
   * Checks a message signed with its timestamp.
   *
   * @param timestampHeader the timestamp as sent (Unix seconds), or null if missing
   * @param signatureHeader the signature as sent, or null if missing
   * @param window how far the timestamp may be from {@code now}, either way
   * @return null when the message is genuine and fresh, otherwise why not
   */
  public static @Nullable Refusal verify(
      String secret,
      @Nullable String timestampHeader,
      @Nullable String signatureHeader,
      byte[] body,
      Instant now,
      Duration window) {
    if (timestampHeader == null || !wellFormed(signatureHeader)) {
      return Refusal.MISSING;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.strip());
    } catch (NumberFormatException e) {
      return Refusal.TIMESTAMP_INVALID;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > window.toSeconds()) {
      return Refusal.OUTSIDE_WINDOW;
    }
    return matches(sign(secret, timestamp, body), signatureHeader) ? null : Refusal.MISMATCH;
  }

  /**
   * Checks a message signed over its body alone.
   *
   * @return null when the signature fits, otherwise {@link Refusal#MISSING} or {@link
   *     Refusal#MISMATCH}
   */
  public static @Nullable Refusal verify(
      String secret, @Nullable String signatureHeader, byte[] body) {
    if (!wellFormed(signatureHeader)) {
      return Refusal.MISSING;
    }
    return matches(sign(secret, body), signatureHeader) ? null : Refusal.MISMATCH;
  }

  /**
   * The hex part of a signature, in lower case: the same for every spelling of one signature, so
   * that a receiver can remember the signatures it accepted.
   */
  public static String hex(String signatureHeader) {
    String normal = signatureHeader.strip().toLowerCase(Locale.ROOT);
    return normal.startsWith(PREFIX) ? normal.substring(PREFIX.length()) : normal;
  }

  @Contract("null -> false")
  private static boolean wellFormed(@Nullable String signatureHeader) {
    return signatureHeader != null
        && signatureHeader.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
  }

  private static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        given.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 not available", e);
    }
  }
}
