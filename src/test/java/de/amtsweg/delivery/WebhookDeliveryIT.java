package de.amtsweg.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import de.amtsweg.fachverfahren.Hundesteuerregister;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * Stadt Jena's Hundesteuer goes to the reference Fachverfahren by signed webhook, over real HTTP:
 * pushed once per idempotency key however often it is tried, acknowledged and decided by signed
 * callbacks, never by forged or replayed ones, nothing lost when a worker dies mid-push, and to the
 * case inbox with an alert after the last attempt.
 */
@RecordApplicationEvents
class WebhookDeliveryIT extends PushFixture {

  @Autowired ApplicationEvents events;

  @Test
  void aPushedAntragIsSignedDeliveredAndThenAcknowledgedAndDecidedByCallback() throws Exception {
    Hundesteuerregister register = webhookRoute();
    String reference = submit(JENA);
    Delivery queued = delivery(reference);
    assertThat(queued.channel()).isEqualTo(DeliveryChannel.WEBHOOK);
    assertThat(queued.state()).isEqualTo(DeliveryState.QUEUED);

    assertThat(worker.runOnce().delivered()).isEqualTo(1);

    assertThat(register.requests()).isEqualTo(1);
    assertThat(register.refused()).as("the signature checks out").isZero();
    JsonNode pushed = register.received().get(queued.idempotencyKey().toString());
    assertThat(pushed).as("kept under the delivery's idempotency key").isNotNull();
    assertThat(pushed.path("reference").asString()).isEqualTo(reference);
    assertThat(pushed.path("id").asString()).isEqualTo(queued.id().toString());
    assertThat(pushed.path("data").path("json").path("familienname").asString())
        .isEqualTo("Mustermann");
    assertThat(pushed.path("data").path("xml").asString())
        .contains("urn:amtsweg:antrag:1", "Mustermann");
    assertThat(pushed.path("receipt").asString())
        .startsWith("http")
        .endsWith("/api/v1/delivery/submissions/" + queued.id() + "/receipt");
    assertThat(register.lastContentType()).startsWith("application/json");
    Delivery delivered = delivery(reference);
    assertThat(delivered.state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(delivered.attempts()).isEqualTo(1);
    assertThat(timeline(reference))
        .containsExactly("Antrag eingegangen", "An die Behörde übermittelt");

    assertThat(register.acknowledgeReceived()).containsExactly(200);
    assertThat(delivery(reference).state()).isEqualTo(DeliveryState.ACKNOWLEDGED);
    HttpResponse<String> decided =
        register.callback(
            queued.id().toString(),
            "status",
            Hundesteuerregister.bescheid("Ihr Hund ist angemeldet."));
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
    assertThat(read(decided.body()).path("status").asString()).isEqualTo("BESCHIEDEN");
    assertThat(timeline(reference))
        .containsExactly(
            "Antrag eingegangen",
            "An die Behörde übermittelt",
            "Bei der Behörde eingegangen",
            "Die Behörde hat entschieden (Bescheid)");
    assertThat(worker.runOnce().delivered()).as("nothing is pushed twice").isZero();
    assertThat(register.requests()).isEqualTo(1);
    assertThat(history(delivery(reference)))
        .containsExactly("QUEUED>DELIVERED", "DELIVERED>ACKNOWLEDGED");
  }

  @Test
  void aReceiverThatFailsTheFirstAttemptsGetsEachAntragLaterExactlyOncePerKey() {
    Hundesteuerregister register = webhookRoute().failNext(2);
    String first = submit(JENA);
    String second = submit(JENA);

    DeliveryWorker.Run run = worker.runOnce();
    assertThat(run.failed()).isEqualTo(2);
    Delivery failed = delivery(first);
    assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
    assertThat(failed.lastError()).isEqualTo("HTTP 503");
    OffsetDateTime next =
        jdbc.sql("select next_attempt_at from delivery where id = ?")
            .param(failed.id())
            .query(OffsetDateTime.class)
            .single();
    assertThat(next)
        .as("backoff: 15 to 30 s after the first failure")
        .isAfter(OffsetDateTime.now().plusSeconds(10))
        .isBefore(OffsetDateTime.now().plusSeconds(31));
    assertThat(worker.runOnce().delivered()).as("not due yet").isZero();
    assertThat(register.requests()).isEqualTo(2);

    dueNow(failed);
    dueNow(delivery(second));
    assertThat(worker.runOnce().delivered()).isEqualTo(2);
    // A lease that ran out after a successful push sends it once more: same key, kept once.
    Delivery done = delivery(first);
    jdbc.sql("update delivery set state = 'QUEUED', next_attempt_at = now() where id = ?")
        .param(done.id())
        .update();
    assertThat(worker.runOnce().delivered()).isEqualTo(1);

    assertThat(register.requests()).isEqualTo(5);
    assertThat(register.distinctKeys()).isEqualTo(2);
    assertThat(register.received().keySet())
        .containsExactlyInAnyOrder(
            delivery(first).idempotencyKey().toString(),
            delivery(second).idempotencyKey().toString());
    assertThat(delivery(second).attempts()).isEqualTo(2);
    assertThat(delivery(second).lastError()).isNull();
    assertThat(timeline(second)).containsOnlyOnce("An die Behörde übermittelt");
    assertThat(history(delivery(second)))
        .as("every change of state is in the history, written by the gate")
        .containsExactly("QUEUED>FAILED", "FAILED>DELIVERED");
  }

  @Test
  void forgedStaleAndReplayedCallbacksAreRefusedAndChangeNothing() throws Exception {
    Hundesteuerregister register = webhookRoute();
    String reference = submit(JENA);
    worker.runOnce();
    String id = delivery(reference).id().toString();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String now = Long.toString(Instant.now().getEpochSecond());

    HttpResponse<String> forged =
        register.send(
            id, "acknowledgement", body, now, Hundesteuerregister.sign("whsec_guessed", now, body));
    assertThat(problem(forged)).isEqualTo("delivery-callback-signature");
    assertThat(forged.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(read(forged.body()).path("detail").asString()).contains("HMAC-SHA256");
    HttpResponse<String> unsigned = register.send(id, "acknowledgement", body, now, "");
    assertThat(problem(unsigned)).isEqualTo("delivery-callback-signature");
    String old = Long.toString(Instant.now().getEpochSecond() - 600);
    HttpResponse<String> stale =
        register.send(id, "acknowledgement", body, old, register.callbackSignature(old, body));
    assertThat(problem(stale)).isEqualTo("delivery-callback-expired");
    assertThat(read(stale.body()).path("detail").asString()).contains("300");
    HttpResponse<String> otherDelivery =
        register.send(
            java.util.UUID.randomUUID().toString(),
            "acknowledgement",
            body,
            now,
            Hundesteuerregister.sign("whsec_guessed", now, body));
    assertThat(problem(otherDelivery)).isEqualTo("delivery-callback-signature");
    assertThat(delivery(reference).state())
        .as("nothing changed")
        .isEqualTo(DeliveryState.DELIVERED);

    // A genuine acknowledgement, then the very same request again.
    String signature = register.callbackSignature(now, body);
    assertThat(register.send(id, "acknowledgement", body, now, signature).statusCode())
        .isEqualTo(200);
    assertThat(problem(register.send(id, "acknowledgement", body, now, signature)))
        .isEqualTo("delivery-callback-replayed");
    byte[] processing = "{\"status\":\"IN_BEARBEITUNG\"}".getBytes(StandardCharsets.UTF_8);
    String statusSignature = register.callbackSignature(now, processing);
    assertThat(register.send(id, "status", processing, now, statusSignature).statusCode())
        .isEqualTo(200);
    assertThat(problem(register.send(id, "status", processing, now, statusSignature)))
        .isEqualTo("delivery-callback-replayed");
    assertThat(timeline(reference)).containsOnlyOnce("Die Behörde bearbeitet Ihren Antrag");
  }

  @Test
  void aWorkerKilledMidDeliveryLosesNothingAndItsLateOutcomeIsIgnored() {
    Hundesteuerregister register = webhookRoute();
    String reference = submit(JENA);

    // Worker A claims the row and dies before pushing: the row stays leased to it.
    List<DeliveryWorker.Claimed> claimedByA = worker.claim(50);
    assertThat(claimedByA).extracting(c -> c.delivery().reference()).containsExactly(reference);
    assertThat(worker.runOnce().delivered()).as("leased to A: B keeps away").isZero();
    assertThat(register.requests()).isZero();

    // A's lease runs out; B's next run takes the row.
    jdbc.sql("update delivery set locked_until = now() - interval '1 second' where id = ?")
        .param(claimedByA.getFirst().delivery().id())
        .update();
    assertThat(worker.runOnce().delivered()).isEqualTo(1);
    assertThat(register.requests()).isEqualTo(1);
    assertThat(register.distinctKeys()).isEqualTo(1);

    // A comes back from the dead with a failure: it no longer holds the claim, nothing changes.
    worker.complete(claimedByA.getFirst(), Channel.Outcome.failure("late"));
    Delivery after = delivery(reference);
    assertThat(after.state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(after.lastError()).isNull();
    assertThat(after.attempts()).as("A's attempt and B's").isEqualTo(2);
    assertThat(timeline(reference)).containsOnlyOnce("An die Behörde übermittelt");
  }

  @Test
  void afterTheLastAttemptTheAntragFallsBackToTheCaseInboxAndTheAdminsAreAlerted() {
    Hundesteuerregister register = webhookRoute().failNext(1000);
    routes.setAlertEmail(JENA, "zustellung@jena.example");
    String reference = submit(JENA);
    Delivery d = delivery(reference);
    for (int attempt = 1; attempt < 8; attempt++) {
      dueNow(d);
      assertThat(worker.runOnce().failed()).isEqualTo(1);
    }
    assertThat(delivery(reference).attempts()).isEqualTo(7);
    assertThat(delivery(reference).state()).isEqualTo(DeliveryState.FAILED);

    // The last attempt, run on this thread so that the event it publishes is recorded.
    dueNow(d);
    DeliveryWorker.Claimed last = worker.claim(50).getFirst();
    assertThat(worker.deliver(last).fellBack()).isEqualTo(1);

    Delivery fellBack = delivery(reference);
    assertThat(fellBack.state()).isEqualTo(DeliveryState.FELL_BACK);
    assertThat(fellBack.attempts()).isEqualTo(8);
    assertThat(fellBack.lastError()).isEqualTo("HTTP 503");
    assertThat(register.requests()).isEqualTo(8);
    assertThat(events.stream(DeliveryDelivered.class).filter(e -> e.deliveryId().equals(d.id())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fellBack()).isTrue();
              assertThat(e.channel()).isEqualTo(DeliveryChannel.CASE_INBOX);
              assertThat(e.tenantArs()).isEqualTo(JENA);
            });
    assertThat(caseInboxHas(reference)).as("the case inbox has it").isTrue();
    assertThat(timeline(reference))
        .containsExactly("Antrag eingegangen", "An die Behörde übermittelt");
    List<String> mails = mailsTo("zustellung@jena.example");
    assertThat(mails)
        .anyMatch(
            m ->
                m.contains(reference)
                    && m.contains("/verwaltung/zustellung")
                    && m.contains("/verwaltung/vorgaenge/" + reference));
    assertThat(String.join("\n", mails))
        .doesNotContain("Mustermann", "Bello", "Fischmarkt", "1984");
    assertThat(worker.runOnce().failed()).as("given up: no more pushes").isZero();

    // A caseworker opens it in the case inbox: acknowledged there.
    backChannel.acknowledgeInCaseInbox(d);
    assertThat(delivery(reference).state()).isEqualTo(DeliveryState.ACKNOWLEDGED);
    assertThat(timeline(reference)).endsWith("Bei der Behörde eingegangen");
  }

  @Test
  void aPayloadEncryptedForTheFachverfahrensKeyOpensWithItsPrivateKeyOnly() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("hundesteuer-2026").generate();
    Hundesteuerregister register = webhookRoute(rsa);
    String reference = submit(JENA);
    assertThat(worker.runOnce().delivered()).isEqualTo(1);
    assertThat(register.lastContentType()).isEqualTo("application/jose");
    assertThat(register.refused()).as("the register opened it with its private key").isZero();
    assertThat(register.received()).hasSize(1);
    assertThat(register.lastRawBody())
        .doesNotContain("Mustermann", reference)
        .matches("[\\w-]+(\\.[\\w-]*){4}");
    register.close();

    JsonNode opened =
        read(
            new String(
                Hundesteuerregister.decrypt(register.lastRawBody(), rsa), StandardCharsets.UTF_8));
    assertThat(opened.path("reference").asString()).isEqualTo(reference);
    assertThat(opened.path("data").path("json").path("familienname").asString())
        .isEqualTo("Mustermann");
    RSAKey stranger = new RSAKeyGenerator(2048).generate();
    assertThatThrownBy(() -> Hundesteuerregister.decrypt(register.lastRawBody(), stranger))
        .isInstanceOf(Exception.class);

    ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
    Hundesteuerregister ecRegister = webhookRoute(ec);
    String second = submit(JENA);
    assertThat(worker.runOnce().delivered()).isEqualTo(1);
    JsonNode ecOpened =
        read(
            new String(
                Hundesteuerregister.decrypt(ecRegister.lastRawBody(), ec), StandardCharsets.UTF_8));
    assertThat(ecOpened.path("reference").asString()).isEqualTo(second);
    assertThat(ecRegister.received()).hasSize(1);
  }

  @Test
  void theEmailNoticeRouteFilesTheAntragInTheCaseInboxAndSendsALinkWithoutPersonalData() {
    routes.configure(
        JENA,
        APP,
        new DeliveryRoutes.Change(
            DeliveryChannel.EMAIL_NOTICE, null, null, "hundesteuer@jena.example", false));
    String reference = submit(JENA);

    Delivery d = delivery(reference);
    assertThat(d.channel()).isEqualTo(DeliveryChannel.EMAIL_NOTICE);
    assertThat(d.state()).as("in the case inbox at once").isEqualTo(DeliveryState.DELIVERED);
    List<String> mails = mailsTo("hundesteuer@jena.example");
    assertThat(mails)
        .anyMatch(
            m ->
                m.contains(reference)
                    && m.contains("Hundesteuer")
                    && m.contains("/verwaltung/vorgaenge/" + reference));
    assertThat(String.join("\n", mails))
        .doesNotContain("Mustermann", "Erika", "Bello", "Fischmarkt", "erika@example.org");

    backChannel.acknowledgeInCaseInbox(d);
    backChannel.acknowledgeInCaseInbox(d);
    assertThat(delivery(reference).state()).isEqualTo(DeliveryState.ACKNOWLEDGED);
    assertThat(timeline(reference))
        .containsExactly(
            "Antrag eingegangen", "An die Behörde übermittelt", "Bei der Behörde eingegangen");
  }

  @Test
  void theCaseInboxRouteIsAcknowledgedWhenACaseworkerOpensIt() {
    String reference = submit(GOTHA);
    Delivery d = delivery(reference);
    assertThat(d.channel()).isEqualTo(DeliveryChannel.CASE_INBOX);
    assertThat(d.state()).isEqualTo(DeliveryState.DELIVERED);
    backChannel.acknowledgeInCaseInbox(d);
    assertThat(delivery(reference).state()).isEqualTo(DeliveryState.ACKNOWLEDGED);
    assertThat(timeline(reference))
        .containsExactly(
            "Antrag eingegangen", "An die Behörde übermittelt", "Bei der Behörde eingegangen");
  }

  private String problem(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    return read(response.body()).path("type").asString().replace("urn:amtsweg:problem:", "");
  }
}
