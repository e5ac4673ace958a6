package de.amtsweg.delivery;

import de.amtsweg.platform.HmacSignature;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The signature of webhooks and callbacks: {@code X-Amtsweg-Timestamp: <Unix seconds>} and {@code
 * X-Amtsweg-Signature: sha256=<hex>}, the HMAC-SHA256 with the route's shared secret (its UTF-8
 * bytes) over {@code "<timestamp>.<body>"}, as {@link HmacSignature} makes and checks it.
 */
final class WebhookSignature {

  static final String PREFIX = HmacSignature.PREFIX;

  /** Why a signed message is refused; the slug names the problem type. */
  enum Refusal {
    MISSING,
    TIMESTAMP_INVALID,
    OUTSIDE_WINDOW,
    MISMATCH
  }

  private WebhookSignature() {}

  static String sign(String secret, long timestamp, byte[] body) {
    return HmacSignature.sign(secret, timestamp, body);
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
    HmacSignature.Refusal refusal =
        HmacSignature.verify(secret, timestampHeader, signatureHeader, body, now, window);
    return refusal == null ? null : Refusal.valueOf(refusal.name());
  }
}
