package de.amtsweg.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The signature of webhooks and callbacks: {@code X-Amtsweg-Timestamp: <Unix seconds>} and {@code
 * X-Amtsweg-Signature: sha256=<hex>}, the HMAC-SHA256 with the route's shared secret (its UTF-8
 * bytes) over {@code "<timestamp>.<body>"}. The timestamp is signed too, so an old message cannot
 * be sent again with a fresh timestamp; the receiver refuses timestamps outside its window.
 */
final class WebhookSignature {

  static final String PREFIX = "sha256=";

  /** Why a signed message is refused; the slug names the problem type. */
  enum Refusal {
    MISSING,
    TIMESTAMP_INVALID,
    OUTSIDE_WINDOW,
    MISMATCH
  }

  private WebhookSignature() {}

  static String sign(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 not available", e);
    }
  }

  /**
   * Checks a signed message.
   *
   * @return null when it is genuine and fresh, otherwise why not
   */
  static @Nullable Refusal verify(
      String secret,
      @Nullable String timestampHeader,
      @Nullable String signatureHeader,
      byte[] body,
      Instant now,
      Duration window) {
    if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith(PREFIX)) {
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
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        signatureHeader
            .strip()
            .toLowerCase(java.util.Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? null : Refusal.MISMATCH;
  }
}
