package de.amtsweg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The HMAC-SHA256 signature over timestamp and body, as documented for Fachverfahren vendors. */
class WebhookSignatureTest {

  private static final String SECRET = "whsec_test";
  private static final byte[] BODY = "{\"status\":\"BESCHIEDEN\"}".getBytes(StandardCharsets.UTF_8);
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private final Instant now = Instant.ofEpochSecond(1_800_000_000L);

  @Test
  void theSignatureIsTheHexHmacOverTimestampDotBody() {
    // Independently computed: printf '1800000000.{"status":"BESCHIEDEN"}' | openssl dgst -sha256
    // -hmac whsec_test
    assertThat(WebhookSignature.sign(SECRET, 1_800_000_000L, BODY))
        .isEqualTo("sha256=571c8ae79f243e8ac8c76055002ca7381a2e7168e117eb9cd98f521584118d4d");
  }

  @Test
  void aGenuineFreshSignatureIsAccepted() {
    String signature = WebhookSignature.sign(SECRET, now.getEpochSecond() - 299, BODY);
    assertThat(
            WebhookSignature.verify(
                SECRET, Long.toString(now.getEpochSecond() - 299), signature, BODY, now, WINDOW))
        .isNull();
    assertThat(
            WebhookSignature.verify(
                SECRET,
                Long.toString(now.getEpochSecond() - 299),
                signature.toUpperCase().replace("SHA256=", "sha256="),
                BODY,
                now,
                WINDOW))
        .as("hex in capitals")
        .isNull();
  }

  @Test
  void forgedTamperedStaleAndMissingSignaturesAreRefusedWithTheirReason() {
    String ts = Long.toString(now.getEpochSecond());
    String genuine = WebhookSignature.sign(SECRET, now.getEpochSecond(), BODY);
    assertThat(
            WebhookSignature.verify(
                SECRET,
                ts,
                WebhookSignature.sign("whsec_other", now.getEpochSecond(), BODY),
                BODY,
                now,
                WINDOW))
        .isEqualTo(WebhookSignature.Refusal.MISMATCH);
    assertThat(
            WebhookSignature.verify(
                SECRET,
                ts,
                genuine,
                "{\"status\":\"ABGESCHLOSSEN\"}".getBytes(StandardCharsets.UTF_8),
                now,
                WINDOW))
        .as("body changed")
        .isEqualTo(WebhookSignature.Refusal.MISMATCH);
    assertThat(
            WebhookSignature.verify(
                SECRET, Long.toString(now.getEpochSecond() + 1), genuine, BODY, now, WINDOW))
        .as("timestamp changed")
        .isEqualTo(WebhookSignature.Refusal.MISMATCH);
    String old = Long.toString(now.getEpochSecond() - 301);
    assertThat(
            WebhookSignature.verify(
                SECRET,
                old,
                WebhookSignature.sign(SECRET, now.getEpochSecond() - 301, BODY),
                BODY,
                now,
                WINDOW))
        .isEqualTo(WebhookSignature.Refusal.OUTSIDE_WINDOW);
    assertThat(
            WebhookSignature.verify(
                SECRET,
                Long.toString(now.getEpochSecond() + 301),
                WebhookSignature.sign(SECRET, now.getEpochSecond() + 301, BODY),
                BODY,
                now,
                WINDOW))
        .as("from the future")
        .isEqualTo(WebhookSignature.Refusal.OUTSIDE_WINDOW);
    assertThat(WebhookSignature.verify(SECRET, "gestern", genuine, BODY, now, WINDOW))
        .isEqualTo(WebhookSignature.Refusal.TIMESTAMP_INVALID);
    assertThat(WebhookSignature.verify(SECRET, null, genuine, BODY, now, WINDOW))
        .isEqualTo(WebhookSignature.Refusal.MISSING);
    assertThat(WebhookSignature.verify(SECRET, ts, null, BODY, now, WINDOW))
        .isEqualTo(WebhookSignature.Refusal.MISSING);
    assertThat(WebhookSignature.verify(SECRET, ts, genuine.substring(7), BODY, now, WINDOW))
        .as("without sha256=")
        .isEqualTo(WebhookSignature.Refusal.MISSING);
  }

  @Test
  void onlyPublicRsaKeysOfAtLeast2048BitsAndEcKeysAreAcceptedForJwe() throws Exception {
    var rsa = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate();
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024);
    var weak =
        new com.nimbusds.jose.jwk.RSAKey.Builder(
                (java.security.interfaces.RSAPublicKey) generator.generateKeyPair().getPublic())
            .build();
    var ec =
        new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).generate();
    var oct = new com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator(256).generate();
    assertThat(RouteValidation.jwkProblem(rsa.toPublicJWK().toJSONString())).isNull();
    assertThat(RouteValidation.jwkProblem(ec.toPublicJWK().toJSONString())).isNull();
    assertThat(RouteValidation.jwkProblem(rsa.toJSONString()))
        .isEqualTo("delivery.routes.error.jwk.private");
    assertThat(RouteValidation.jwkProblem(weak.toPublicJWK().toJSONString()))
        .isEqualTo("delivery.routes.error.jwk.weak");
    assertThat(RouteValidation.jwkProblem(oct.toJSONString()))
        .isIn("delivery.routes.error.jwk.private", "delivery.routes.error.jwk.type");
    assertThat(RouteValidation.jwkProblem("{\"kty\":\"RSA\"}"))
        .isEqualTo("delivery.routes.error.jwk.syntax");
    assertThat(RouteValidation.jwkProblem("kein Schlüssel"))
        .isEqualTo("delivery.routes.error.jwk.syntax");
  }
}
