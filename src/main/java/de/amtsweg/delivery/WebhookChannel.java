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
import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundReason;
import de.amtsweg.platform.OutboundTargets;
import de.amtsweg.platform.PlatformProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a document to the route's HTTPS endpoint, signed with the route's secret ({@code
 * X-Amtsweg-Timestamp}, {@code X-Amtsweg-Signature}, {@code Idempotency-Key}). An Antrag goes as
 * its {@link SubmissionDocument} (files inline), as a compact JWE when the route has the receiver's
 * public key; an e-invoice goes as its XML. Sent with the platform's client for addresses staff set
 * ({@link OutboundTargets}): only to allowed addresses, checked again on connect; never follows
 * redirects; reads no more of the answer than {@link #MAX_ANSWER_BYTES}, and only its status
 * counts.
 */
@Component
class WebhookChannel implements Channel {

  static final String DELIVERY_ID = "X-Amtsweg-Delivery-Id";
  static final String TIMESTAMP = "X-Amtsweg-Timestamp";
  static final String SIGNATURE = "X-Amtsweg-Signature";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** What is read of an answer (and ignored), so that its connection can be used again. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  private final DeliveryRoutes routes;
  private final Documents documents;
  private final JsonMapper json;
  private final OutboundHttp http;
  private final String publicUrl;

  WebhookChannel(
      DeliveryRoutes routes,
      Documents documents,
      JsonMapper json,
      DeliveryProperties properties,
      PlatformProperties platform,
      OutboundTargets targets) {
    this.routes = routes;
    this.documents = documents;
    this.json = json;
    this.publicUrl = platform.publicUrl().toString().replaceAll("/+$", "");
    DeliveryProperties.Webhook settings = properties.webhook();
    this.http =
        targets.client(
            "Amtsweg-Zustellung/1",
            settings.connectTimeout(),
            settings.timeout(),
            MAX_ANSWER_BYTES);
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
      OutboundHttp.Request request =
          OutboundHttp.Request.post(target.url(), contentType, body)
              .header(DELIVERY_ID, delivery.id().toString())
              .header(IDEMPOTENCY_KEY, delivery.idempotencyKey().toString())
              .header(TIMESTAMP, Long.toString(timestamp))
              .header(SIGNATURE, WebhookSignature.sign(target.secret(), timestamp, body));
      int status = http.send(request).status();
      return status >= 200 && status < 300 ? Outcome.success() : Outcome.failure("HTTP " + status);
    } catch (JOSEException | RuntimeException e) {
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
   * What went wrong, for the cockpit and the logs: a stable code, for network failures the code of
   * the platform's {@link OutboundReason} ({@code unreachable}, {@code timeout}, {@code tls},
   * {@code blocked}, {@code unknown-host}, {@code broken}), which the cockpit shows in words; else
   * the kind of error. Exception messages name hosts, ports and addresses of the receiver's
   * network, which tenant admins must not be able to probe through the "last error" of a route they
   * set; content is never in it either.
   */
  static String technical(Throwable e) {
    return OutboundReason.of(e).map(OutboundReason::code).orElse(e.getClass().getSimpleName());
  }
}
