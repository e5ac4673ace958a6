package de.amtsweg.payment;

import de.amtsweg.platform.HmacSignature;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification format the providers here share: a JSON body {@code {"eventId", "transactionId",
 * "status", "timestamp"}} signed with HMAC-SHA256 over the raw body under the tenant's shared
 * notification secret, sent as header {@code X-Signature: sha256=<hex>} ({@link HmacSignature}
 * without timestamp). XBezahldienste leaves the signature to the payment service; this is the
 * format documented for providers in {@code docs/modules/payment.md}.
 */
public final class SignedNotifications {

  /** The signature header (lower case, as the notification endpoint hands headers over). */
  public static final String HEADER = "x-signature";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SignedNotifications() {}

  /** A signed notification: the body and the value of its signature header. */
  public record Signed(byte[] body, String signature) {}

  /** Writes and signs a notification. */
  public static Signed write(String secret, PaymentProvider.Notification notification) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("eventId", notification.eventId());
    body.put("transactionId", notification.transactionId());
    body.put("status", notification.status().name());
    body.put("timestamp", OffsetDateTime.now().toString());
    byte[] bytes = JSON.writeValueAsBytes(body);
    return new Signed(bytes, sign(secret, bytes));
  }

  /** The signature header value of a body. */
  public static String sign(String secret, byte[] body) {
    return HmacSignature.sign(secret, body);
  }

  /**
   * Checks the signature (in constant time) and reads the notification.
   *
   * @throws PaymentException.NotificationForged when the signature is missing or wrong, or the body
   *     is not a notification
   */
  public static PaymentProvider.Notification verify(
      String secret, Map<String, String> headers, byte[] body) {
    if (HmacSignature.verify(secret, headers.get(HEADER), body) != null) {
      throw new PaymentException.NotificationForged();
    }
    try {
      JsonNode node = JSON.readTree(body);
      String eventId = node.path("eventId").asString("");
      String transactionId = node.path("transactionId").asString("");
      String status = node.path("status").asString("");
      if (eventId.isBlank() || eventId.length() > 200 || transactionId.isBlank()) {
        throw new PaymentException.NotificationForged();
      }
      return new PaymentProvider.Notification(
          eventId, transactionId, PaymentProvider.ProviderStatus.valueOf(status));
    } catch (JacksonException | IllegalArgumentException e) {
      throw new PaymentException.NotificationForged();
    }
  }
}
