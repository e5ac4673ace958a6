package de.amtsweg.delivery;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import de.amtsweg.platform.PlatformProperties;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes one delivery to its Fachverfahren: the submission document (files inline) as JSON, or as a
 * compact JWE when the route has the Fachverfahren's public key, signed with the route's secret.
 * Never follows redirects; never reads more of the answer than its status.
 */
@Component
class WebhookPush {

  static final String DELIVERY_ID = "X-Amtsweg-Delivery-Id";
  static final String TIMESTAMP = "X-Amtsweg-Timestamp";
  static final String SIGNATURE = "X-Amtsweg-Signature";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Deliveries deliveries;
  private final DeliveryRoutes routes;
  private final JsonMapper json;
  private final HttpClient http;
  private final DeliveryProperties.Webhook settings;
  private final String publicUrl;

  WebhookPush(
      Deliveries deliveries,
      DeliveryRoutes routes,
      JsonMapper json,
      DeliveryProperties properties,
      PlatformProperties platform) {
    this.deliveries = deliveries;
    this.routes = routes;
    this.json = json;
    this.settings = properties.webhook();
    this.publicUrl = platform.publicUrl().toString().replaceAll("/+$", "");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(settings.connectTimeout())
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
  }

  /** What became of a push: success, or a technical error for the record (no personal data). */
  record Outcome(boolean delivered, @Nullable String error) {}

  Outcome push(Delivery delivery) {
    DeliveryRoutes.WebhookTarget target =
        routes.webhook(delivery.tenantArs(), delivery.appId()).orElse(null);
    if (target == null) {
      return new Outcome(false, "no webhook endpoint or secret configured for the route");
    }
    try {
      Deliveries.Fetched fetched = deliveries.forPush(delivery);
      SubmissionDocument document =
          SubmissionDocument.of(
              fetched, publicUrl, file -> deliveries.attachmentBytes(delivery.antragId(), file));
      byte[] body = json.writeValueAsBytes(document);
      String contentType = "application/json";
      if (target.key() != null) {
        body = encrypt(body, target.key()).getBytes(StandardCharsets.US_ASCII);
        contentType = "application/jose";
      }
      long timestamp = Instant.now().getEpochSecond();
      HttpRequest request =
          HttpRequest.newBuilder(target.url())
              .timeout(settings.timeout())
              .header("Content-Type", contentType)
              .header("User-Agent", "Amtsweg-Zustellung/1")
              .header(DELIVERY_ID, delivery.id().toString())
              .header(IDEMPOTENCY_KEY, delivery.idempotencyKey().toString())
              .header(TIMESTAMP, Long.toString(timestamp))
              .header(SIGNATURE, WebhookSignature.sign(target.secret(), timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? new Outcome(true, null)
          : new Outcome(false, "HTTP " + status);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted");
    } catch (IOException | JOSEException | RuntimeException e) {
      return new Outcome(false, technical(e));
    }
  }

  /**
   * The submission encrypted for the Fachverfahren's key: RSA-OAEP-256 for RSA keys, ECDH-ES+A256KW
   * for EC keys, content always A256GCM.
   */
  static String encrypt(byte[] plain, JWK key) throws JOSEException {
    JWEAlgorithm algorithm;
    JWEEncrypter encrypter;
    if (key instanceof RSAKey rsa) {
      algorithm = JWEAlgorithm.RSA_OAEP_256;
      encrypter = new RSAEncrypter(rsa);
    } else if (key instanceof ECKey ec) {
      algorithm = JWEAlgorithm.ECDH_ES_A256KW;
      encrypter = new ECDHEncrypter(ec);
    } else {
      throw new JOSEException("unsupported key type " + key.getKeyType());
    }
    JWEHeader.Builder header =
        new JWEHeader.Builder(algorithm, EncryptionMethod.A256GCM).contentType("application/json");
    if (key.getKeyID() != null) {
      header.keyID(key.getKeyID());
    }
    JWEObject jwe = new JWEObject(header.build(), new Payload(plain));
    jwe.encrypt(encrypter);
    return jwe.serialize();
  }

  /** The exception's type and its message, which names hosts and reasons, never content. */
  static String technical(Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
    String text = e.getClass().getSimpleName() + message;
    return text.length() > 300 ? text.substring(0, 300) : text;
  }
}
