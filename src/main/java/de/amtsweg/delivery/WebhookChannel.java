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
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a document to the route's HTTPS endpoint, signed with the route's secret ({@code
 * X-Amtsweg-Timestamp}, {@code X-Amtsweg-Signature}, {@code Idempotency-Key}). An Antrag goes as
 * its {@link SubmissionDocument} (files inline), as a compact JWE when the route has the receiver's
 * public key; an e-invoice goes as its XML. Never follows redirects; never reads more of the answer
 * than its status.
 */
@Component
class WebhookChannel implements Channel {

  static final String DELIVERY_ID = "X-Amtsweg-Delivery-Id";
  static final String TIMESTAMP = "X-Amtsweg-Timestamp";
  static final String SIGNATURE = "X-Amtsweg-Signature";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final DeliveryRoutes routes;
  private final Documents documents;
  private final JsonMapper json;
  private final HttpClient http;
  private final DeliveryProperties.Webhook settings;
  private final String publicUrl;

  WebhookChannel(
      DeliveryRoutes routes,
      Documents documents,
      JsonMapper json,
      DeliveryProperties properties,
      PlatformProperties platform) {
    this.routes = routes;
    this.documents = documents;
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

  @Override
  public DeliveryChannel id() {
    return DeliveryChannel.WEBHOOK;
  }

  @Override
  public Mode mode() {
    return Mode.PUSH;
  }

  @Override
  public boolean accepts(DocumentType type) {
    return true;
  }

  @Override
  public Outcome push(Parcel parcel, DeliveryRoutes.Route route) {
    Delivery delivery = parcel.delivery();
    DeliveryRoutes.WebhookTarget target;
    try {
      target =
          routes.webhook(delivery.tenantArs(), delivery.type(), delivery.subject()).orElse(null);
    } catch (IllegalStateException unreadable) {
      // The sealed secret does not open (the operator changed the key): admins must generate a new
      // one.
      return Outcome.failure("webhook secret cannot be opened; generate a new one");
    }
    if (target == null) {
      return Outcome.failure("no webhook endpoint or secret configured for the route");
    }
    try {
      byte[] body;
      String contentType;
      if (delivery.type() == DocumentType.ANTRAG) {
        SubmissionDocument document =
            SubmissionDocument.of(
                delivery,
                parcel.document(),
                publicUrl,
                file ->
                    documents.file(delivery, file).map(Document.FileContent::bytes).orElse(null));
        body = json.writeValueAsBytes(document);
        contentType = "application/json";
        if (target.key() != null) {
          body = encrypt(body, target.key()).getBytes(StandardCharsets.US_ASCII);
          contentType = "application/jose";
        }
      } else {
        byte[] original = parcel.document().original();
        if (original == null) {
          return Outcome.failure("the document has no content to send");
        }
        body = original;
        contentType = "application/xml";
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
      return status >= 200 && status < 300 ? Outcome.success() : Outcome.failure("HTTP " + status);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failure("interrupted");
    } catch (IOException | JOSEException | RuntimeException e) {
      return Outcome.failure(technical(e));
    }
  }

  /**
   * The submission encrypted for the receiver's key: RSA-OAEP-256 for RSA keys, ECDH-ES+A256KW for
   * EC keys, content always A256GCM.
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

  /**
   * What went wrong, for the cockpit and the logs: the kind of failure only. Exception messages
   * name hosts, ports and addresses of the receiver's network, which tenant admins must not be able
   * to probe through the "last error" of a route they set; content is never in it either.
   */
  static String technical(Throwable e) {
    return switch (e) {
      case java.net.http.HttpTimeoutException timeout -> "timeout";
      case java.net.ConnectException refused -> "connection refused";
      case java.net.UnknownHostException unknown -> "unknown host";
      case javax.net.ssl.SSLException tls -> "TLS handshake failed";
      case java.io.IOException io -> "network error (" + e.getClass().getSimpleName() + ")";
      default -> e.getClass().getSimpleName();
    };
  }
}
