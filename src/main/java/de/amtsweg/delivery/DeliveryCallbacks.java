package de.amtsweg.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Checks the signed callbacks with which a Fachverfahren on a webhook route acknowledges a delivery
 * or reports a status: the signature with the route's secret, the timestamp within the replay
 * window, and a signature never accepted before (kept for the window, then forgotten: an older one
 * fails on its timestamp anyway). A refused callback changes nothing.
 */
@Service
public class DeliveryCallbacks {

  private static final Logger log = LoggerFactory.getLogger(DeliveryCallbacks.class);

  private final DeliveryRoutes routes;
  private final JdbcClient jdbc;
  private final Duration window;

  DeliveryCallbacks(DeliveryRoutes routes, JdbcClient jdbc, DeliveryProperties properties) {
    this.routes = routes;
    this.jdbc = jdbc;
    this.window = properties.webhook().replayWindow();
  }

  /**
   * The webhook delivery a genuine, fresh callback is about.
   *
   * @throws DeliveryException.CallbackSignature no such webhook delivery, or the signature is
   *     missing or wrong
   * @throws DeliveryException.CallbackExpired the timestamp is missing, malformed or outside the
   *     window
   * @throws DeliveryException.CallbackReplayed the same signature was accepted before
   */
  public Delivery authenticate(
      UUID deliveryId, @Nullable String timestamp, @Nullable String signature, byte[] body) {
    Delivery delivery =
        jdbc.sql(
                "select * from delivery where id = ? and document_type = 'ANTRAG' and channel = 'WEBHOOK'")
            .param(deliveryId)
            .query(DeliveryRows::map)
            .optional()
            .orElseThrow(DeliveryException.CallbackSignature::new);
    String secret =
        routes
            .secret(delivery.tenantArs(), delivery.type(), delivery.subject())
            .orElseThrow(DeliveryException.CallbackSignature::new);
    WebhookSignature.Refusal refusal =
        WebhookSignature.verify(secret, timestamp, signature, body, Instant.now(), window);
    if (refusal != null) {
      log.warn("Callback for delivery {} refused: {}", deliveryId, refusal);
      throw switch (refusal) {
        case TIMESTAMP_INVALID, OUTSIDE_WINDOW ->
            new DeliveryException.CallbackExpired(window.toSeconds());
        case MISSING, MISMATCH -> new DeliveryException.CallbackSignature();
      };
    }
    String hex =
        Objects.requireNonNull(signature, "verified above")
            .strip()
            .toLowerCase(Locale.ROOT)
            .substring(WebhookSignature.PREFIX.length());
    jdbc.sql(
            "delete from delivery_callback_signature where seen_at < now() - make_interval(secs => ?)")
        .param((double) window.toSeconds() + 60)
        .update();
    int fresh =
        jdbc.sql(
                "insert into delivery_callback_signature (signature) values (?) on conflict do nothing")
            .param(hex)
            .update();
    if (fresh == 0) {
      log.warn("Callback for delivery {} refused: replayed", deliveryId);
      throw new DeliveryException.CallbackReplayed();
    }
    return delivery;
  }
}
