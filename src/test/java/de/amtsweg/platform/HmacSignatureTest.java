package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.platform.HmacSignature.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** HMAC-SHA256 signatures with and without a signed timestamp, and why they are refused. */
class HmacSignatureTest {

  private static final String SECRET = "whsec_test";
  private static final byte[] BODY = "{\"status\":\"BESCHIEDEN\"}".getBytes(StandardCharsets.UTF_8);
  private static final Duration WINDOW = Duration.ofMinutes(5);
  private final Instant now = Instant.ofEpochSecond(1_800_000_000L);
  private final String ts = Long.toString(now.getEpochSecond());

  @Test
  void theSignatureIsTheHexHmacOverTimestampDotBody() {
    // printf '1800000000.{"status":"BESCHIEDEN"}' | openssl dgst -sha256 -hmac whsec_test
    assertThat(HmacSignature.sign(SECRET, 1_800_000_000L, BODY))
        .isEqualTo("sha256=571c8ae79f243e8ac8c76055002ca7381a2e7168e117eb9cd98f521584118d4d");
  }

  @Test
  void withoutTimestampTheSignatureIsTheHexHmacOverTheBody() {
    byte[] notification =
        "{\"eventId\":\"evt-1\",\"transactionId\":\"TX-1\",\"status\":\"PAYED\"}"
            .getBytes(StandardCharsets.UTF_8);
    // printf '{"eventId":"evt-1","transactionId":"TX-1","status":"PAYED"}' | openssl dgst -sha256
    // -hmac notif-secret
    String signature = HmacSignature.sign("notif-secret", notification);
    assertThat(signature)
        .isEqualTo("sha256=435ea0847b74ff1821ea516d0e48f0459395e1a303f2d51b5d12cb1597f0c451");
    assertThat(HmacSignature.verify("notif-secret", signature, notification)).isNull();
    assertThat(
            HmacSignature.verify("notif-secret", " " + signature.toUpperCase() + " ", notification))
        .as("hex in capitals, blanks around")
        .isNull();
    assertThat(HmacSignature.verify("guessed", signature, notification))
        .isEqualTo(Refusal.MISMATCH);
    assertThat(HmacSignature.verify("notif-secret", signature, BODY))
        .as("another body")
        .isEqualTo(Refusal.MISMATCH);
    assertThat(HmacSignature.verify("notif-secret", null, notification)).isEqualTo(Refusal.MISSING);
    assertThat(HmacSignature.verify("notif-secret", signature.substring(7), notification))
        .as("without sha256=")
        .isEqualTo(Refusal.MISSING);
    assertThat(HmacSignature.verify("notif-secret", "sha256=kein-hex", notification))
        .isEqualTo(Refusal.MISMATCH);
  }

  @Test
  void aGenuineFreshSignatureIsAcceptedInAnySpelling() {
    long then = now.getEpochSecond() - 299;
    String signature = HmacSignature.sign(SECRET, then, BODY);
    assertThat(HmacSignature.verify(SECRET, Long.toString(then), signature, BODY, now, WINDOW))
        .isNull();
    assertThat(
            HmacSignature.verify(
                SECRET, " " + then + " ", signature.toUpperCase(), BODY, now, WINDOW))
        .as("hex in capitals, blanks around the timestamp")
        .isNull();
  }

  @Test
  void aWrongSignatureIsRefused() {
    String genuine = HmacSignature.sign(SECRET, now.getEpochSecond(), BODY);
    assertThat(
            HmacSignature.verify(
                SECRET,
                ts,
                HmacSignature.sign("whsec_other", now.getEpochSecond(), BODY),
                BODY,
                now,
                WINDOW))
        .as("another secret")
        .isEqualTo(Refusal.MISMATCH);
    assertThat(
            HmacSignature.verify(
                SECRET,
                ts,
                genuine,
                "{\"status\":\"ABGESCHLOSSEN\"}".getBytes(StandardCharsets.UTF_8),
                now,
                WINDOW))
        .as("body changed")
        .isEqualTo(Refusal.MISMATCH);
    assertThat(
            HmacSignature.verify(
                SECRET, Long.toString(now.getEpochSecond() + 1), genuine, BODY, now, WINDOW))
        .as("timestamp changed")
        .isEqualTo(Refusal.MISMATCH);
    assertThat(
            HmacSignature.verify(
                SECRET, ts, genuine.substring(0, genuine.length() - 1), BODY, now, WINDOW))
        .as("one digit short")
        .isEqualTo(Refusal.MISMATCH);
  }

  @Test
  void aStaleOrFutureSignatureIsRefusedEvenIfGenuine() {
    long stale = now.getEpochSecond() - 301;
    assertThat(
            HmacSignature.verify(
                SECRET,
                Long.toString(stale),
                HmacSignature.sign(SECRET, stale, BODY),
                BODY,
                now,
                WINDOW))
        .isEqualTo(Refusal.OUTSIDE_WINDOW);
    long future = now.getEpochSecond() + 301;
    assertThat(
            HmacSignature.verify(
                SECRET,
                Long.toString(future),
                HmacSignature.sign(SECRET, future, BODY),
                BODY,
                now,
                WINDOW))
        .isEqualTo(Refusal.OUTSIDE_WINDOW);
  }

  @Test
  void aMalformedOrMissingSignatureOrTimestampIsRefused() {
    String genuine = HmacSignature.sign(SECRET, now.getEpochSecond(), BODY);
    assertThat(HmacSignature.verify(SECRET, "gestern", genuine, BODY, now, WINDOW))
        .isEqualTo(Refusal.TIMESTAMP_INVALID);
    assertThat(HmacSignature.verify(SECRET, null, genuine, BODY, now, WINDOW))
        .isEqualTo(Refusal.MISSING);
    assertThat(HmacSignature.verify(SECRET, ts, null, BODY, now, WINDOW))
        .isEqualTo(Refusal.MISSING);
    assertThat(HmacSignature.verify(SECRET, ts, genuine.substring(7), BODY, now, WINDOW))
        .as("without sha256=")
        .isEqualTo(Refusal.MISSING);
    assertThat(HmacSignature.verify(SECRET, ts, "sha1=" + genuine.substring(7), BODY, now, WINDOW))
        .as("another algorithm")
        .isEqualTo(Refusal.MISSING);
    assertThat(HmacSignature.verify(SECRET, ts, "sha256=zzzz", BODY, now, WINDOW))
        .as("not hex")
        .isEqualTo(Refusal.MISMATCH);
  }

  @Test
  void theHexOfASignatureIsTheSameForEverySpelling() {
    String genuine = HmacSignature.sign(SECRET, now.getEpochSecond(), BODY);
    assertThat(HmacSignature.hex(" " + genuine.toUpperCase() + " "))
        .isEqualTo(HmacSignature.hex(genuine))
        .isEqualTo(genuine.substring(HmacSignature.PREFIX.length()));
  }
}
