package de.amtsweg.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.payment.xbezahldienste.XBezahldienstProvider;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ohrdruf pays through an XBezahldienste-style service (a local stub that misbehaves on demand):
 * notifications over real HTTP are verified, deduplicated and never move a status backwards; a
 * service that is down or slow leaves payments waiting until the reconciliation reaches it.
 */
class XBezahldienstIT extends AmtswegIT {

  static final String OHRDRUF = "160675050053";
  static final String NOTIFICATIONS = "/api/v1/payments/notifications/xbezahldienste/" + OHRDRUF;
  static final String SECRET = "ohrdruf-notification-secret-2026";
  static XBezahldienstStub stub;

  @Autowired Payments payments;
  @Autowired PaymentRecords records;
  @Autowired PaymentConfigs configs;
  @Autowired PaymentReconciliation reconciliation;
  @Autowired RecordedPaymentEvents events;
  @Autowired JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  @BeforeAll
  static void startStub() throws IOException {
    stub = new XBezahldienstStub();
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @BeforeEach
  void ohrdrufUsesTheStub() {
    stub.mode = XBezahldienstStub.Mode.OK;
    configs.save(
        OHRDRUF,
        new PaymentConfigs.Change(
            XBezahldienstProvider.ID,
            "OHR",
            KassenzeichenScheme.PREFIX_YEAR_NUMBER,
            "1.6100.1000",
            "OBJ-7",
            stub.base().toString(),
            "ohrdruf",
            "gebuehren",
            XBezahldienstStub.CLIENT_ID,
            XBezahldienstStub.CLIENT_SECRET,
            SECRET),
        "test");
  }

  @AfterEach
  void ohrdrufBackToTheTestService() {
    configs.save(
        OHRDRUF,
        new PaymentConfigs.Change(
            "test",
            "OHR",
            KassenzeichenScheme.PREFIX_YEAR_NUMBER,
            "1.1100.1100",
            null,
            null,
            null,
            null,
            null,
            null,
            null),
        "test");
  }

  @Test
  void theServiceGetsAmountsAndBookingDataAndSendsThePayerToItsPage() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 1250, 300));
    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(payment.provider()).isEqualTo("xbezahldienste");
    XBezahldienstStub.Transaction t = stub.transaction(payment.id());
    assertThat(payment.payUrl()).hasToString("https://zahlung.example/pay/" + t.id);
    assertThat(t.amountCents).isEqualTo(1550);
    JsonNode item = t.request.path("items").get(0);
    assertThat(item.path("bookingData").path("kassenzeichen").asString())
        .isEqualTo(payment.kassenzeichen());
    assertThat(item.path("bookingData").path("haushaltsstelle").asString())
        .isEqualTo("1.6100.1000");
    assertThat(item.path("bookingData").path("objektnummer").asString()).isEqualTo("OBJ-7");
    assertThat(
            t.request.path("items").get(1).path("bookingData").path("haushaltsstelle").asString())
        .isEqualTo("1.1220.1100");
    assertThat(t.request.path("redirectUrl").asString())
        .endsWith("/warenkorb/zurueck")
        .startsWith("http");
    assertThat(t.request.path("notificationUrl").asString()).endsWith(NOTIFICATIONS);
  }

  @Test
  void duplicateAndOutOfOrderNotificationsMakeOneBooking() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 1250, 300));
    String tx = stub.transaction(payment.id()).id;
    stub.transaction(payment.id()).status = "PAYED";

    assertThat(notify("evt-" + tx + "-2", tx, "PAYED")).isEqualTo("APPLIED");
    assertThat(notify("evt-" + tx + "-2", tx, "PAYED")).isEqualTo("DUPLICATE");
    assertThat(notify("evt-" + tx + "-3", tx, "PAYED")).isEqualTo("IGNORED");
    assertThat(notify("evt-" + tx + "-1", tx, "INITIAL")).isEqualTo("IGNORED");
    assertThat(notify("evt-" + tx + "-4", tx, "FAILED")).isEqualTo("IGNORED");
    assertThat(notify("evt-unknown", "TX-nobody", "PAYED")).isEqualTo("UNKNOWN_TRANSACTION");

    assertThat(payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
    assertThat(events.of(payment.id()))
        .extracting(PaymentStatusChanged::to)
        .containsExactly(PaymentStatus.PENDING, PaymentStatus.PAID);
    assertThat(
            jdbc.sql("select count(*) from payment_booking where payment_id = ?")
                .param(payment.id())
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql("select sum(amount_cents) from payment_booking where payment_id = ?")
                .param(payment.id())
                .query(Long.class)
                .single())
        .isEqualTo(1550);
  }

  @Test
  void aForgedNotificationIsRefusedWith401AndChangesNothing() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 1250));
    String tx = stub.transaction(payment.id()).id;
    String body =
        "{\"eventId\":\"forged-" + tx + "\",\"transactionId\":\"" + tx + "\",\"status\":\"PAYED\"}";

    HttpResponse<String> wrongSecret =
        browser()
            .postJson(
                NOTIFICATIONS,
                body,
                "X-Signature",
                SignedNotifications.sign("guessed", body.getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> unsigned = browser().postJson(NOTIFICATIONS, body);
    HttpResponse<String> tampered =
        browser()
            .postJson(
                NOTIFICATIONS,
                body.replace("PAYED", "FAILED"),
                "X-Signature",
                SignedNotifications.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> otherTenant =
        browser()
            .postJson(
                "/api/v1/payments/notifications/xbezahldienste/160510000000",
                body,
                "X-Signature",
                SignedNotifications.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)));

    for (HttpResponse<String> refused :
        java.util.List.of(wrongSecret, unsigned, tampered, otherTenant)) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(json.readTree(refused.body()).path("type").asString())
          .isEqualTo("urn:amtsweg:problem:payment-notification-forged");
    }
    assertThat(payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(
            jdbc.sql("select count(*) from payment_notification where event_id = ?")
                .param("forged-" + tx)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from payment_booking where payment_id = ?")
                .param(payment.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aServiceThatIsDownLeavesThePaymentPendingUntilALaterRunReconcilesIt() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 990));
    stub.transaction(payment.id()).status = "PAYED";
    backdate(payment.id(), "20 minutes");
    stub.mode = XBezahldienstStub.Mode.DOWN;

    OffsetDateTime now = OffsetDateTime.now();
    assertThat(reconciliation.run(now)).containsKey(Reconciled.UNREACHABLE);
    assertThat(payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(
            jdbc.sql("select last_error from payment where id = ?")
                .param(payment.id())
                .query(String.class)
                .single())
        .contains("HTTP 500");

    stub.mode = XBezahldienstStub.Mode.OK;
    assertThat(reconciliation.claim(now)).doesNotContain(payment.id());
    assertThat(reconciliation.run(now.plusHours(2))).containsKey(Reconciled.CHANGED);
    assertThat(payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
    assertThat(
            jdbc.sql("select sum(amount_cents) from payment_booking where payment_id = ?")
                .param(payment.id())
                .query(Long.class)
                .single())
        .isEqualTo(990);
    assertThat(events.of(payment.id()))
        .extracting(PaymentStatusChanged::to)
        .containsExactly(PaymentStatus.PENDING, PaymentStatus.PAID);
  }

  @Test
  void aSlowServiceTimesOutLeavesThePaymentCreatedAndTheSameRequestTriesAgain() {
    PaymentRequest request = PaymentFixtures.request(OHRDRUF, 700);
    stub.mode = XBezahldienstStub.Mode.SLOW;
    long started = System.nanoTime();
    assertThatThrownBy(() -> payments.request(request))
        .isInstanceOf(PaymentException.ProviderUnavailable.class);
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2900);
    Payment waiting = payments.ofAntrag(request.items().get(0).antragReference()).getFirst();
    assertThat(waiting.status()).isEqualTo(PaymentStatus.CREATED);
    assertThat(waiting.payUrl()).isNull();

    stub.mode = XBezahldienstStub.Mode.OK;
    Payment again = payments.request(request);
    assertThat(again.id()).isEqualTo(waiting.id());
    assertThat(again.kassenzeichen()).isEqualTo(waiting.kassenzeichen());
    assertThat(again.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(
            stub.transactions.values().stream()
                .filter(t -> t.requestId.equals(waiting.id().toString())))
        .hasSize(1);
  }

  @Test
  void anOpenPaymentNobodyFinishesExpiresWhenTheServiceStillCallsItOpen() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 500));
    backdate(payment.id(), "3 hours");
    assertThat(reconciliation.run(OffsetDateTime.now())).containsKey(Reconciled.EXPIRED);
    assertThat(payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);
    assertThat(payments.find(payment.id()).orElseThrow().payUrl()).isNull();
  }

  @Test
  void refundsGoThroughTheServiceInPartsUpToTheAmountPaid() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 1000, 500));
    String tx = stub.transaction(payment.id()).id;
    stub.transaction(payment.id()).status = "PAYED";
    notify("evt-" + tx, tx, "PAYED");

    Payment partly =
        payments.refund(
            OHRDRUF, payment.id(), 1200, "Gebühr teilweise erlassen", "sachbearbeitung-ohrdruf");
    assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(partly.refundedCents()).isEqualTo(1200);
    assertThat(stub.transaction(payment.id()).refundedCents).isEqualTo(1200);
    assertThatThrownBy(
            () -> payments.refund(OHRDRUF, payment.id(), 301, "zu viel", "sachbearbeitung-ohrdruf"))
        .isInstanceOf(PaymentException.RefundInvalid.class);
    assertThatThrownBy(
            () ->
                payments.refund(
                    "160510000000", payment.id(), 100, "fremd", "sachbearbeitung-erfurt"))
        .isInstanceOf(PaymentException.NotFound.class);

    stub.mode = XBezahldienstStub.Mode.DOWN;
    assertThatThrownBy(
            () -> payments.refund(OHRDRUF, payment.id(), 300, "Rest", "sachbearbeitung-ohrdruf"))
        .isInstanceOf(PaymentException.ProviderUnavailable.class);
    assertThat(payments.find(payment.id()).orElseThrow().refundedCents()).isEqualTo(1200);

    stub.mode = XBezahldienstStub.Mode.OK;
    Payment full =
        payments.refund(
            OHRDRUF, payment.id(), 300, "Antrag zurückgenommen", "sachbearbeitung-ohrdruf");
    assertThat(full.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(events.of(payment.id()))
        .extracting(PaymentStatusChanged::to)
        .containsExactly(
            PaymentStatus.PENDING,
            PaymentStatus.PAID,
            PaymentStatus.PARTIALLY_REFUNDED,
            PaymentStatus.REFUNDED);
    assertThat(
            jdbc.sql(
                    "select item_position, amount_cents from payment_booking where payment_id = ? and type = 'REFUND'"
                        + " order by id")
                .param(payment.id())
                .query((rs, n) -> rs.getInt(1) + ":" + rs.getLong(2))
                .list())
        .containsExactly("0:1000", "1:200", "1:300");
    assertThat(records.history(OHRDRUF, payment.id()))
        .last()
        .satisfies(h -> assertThat(h.reason()).isEqualTo("Antrag zurückgenommen"))
        .satisfies(h -> assertThat(h.actor()).isEqualTo("sachbearbeitung-ohrdruf"));
  }

  @Test
  void anOpenPaymentIsCancelledAtTheServiceAndMoneyArrivingAfterwardsIsBookedAndRefundedInFull() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 1250, 300));
    String tx = stub.transaction(payment.id()).id;

    Payment cancelled = payments.cancel(payment.id(), "Warenkorb geändert");
    assertThat(cancelled.status()).isEqualTo(PaymentStatus.CANCELLED);
    assertThat(cancelled.payUrl()).isNull();
    assertThat(stub.transaction(payment.id()).status).isEqualTo("CANCELED");
    assertThat(records.history(OHRDRUF, payment.id()))
        .last()
        .satisfies(h -> assertThat(h.source()).isEqualTo("AMTSWEG"))
        .satisfies(h -> assertThat(h.reason()).isEqualTo("Warenkorb geändert"));
    // Idempotent: asking again changes nothing and does not call the service again.
    long cancelCalls = stub.calls.stream().filter(c -> c.endsWith("/" + tx + "/cancel")).count();
    assertThat(payments.cancel(payment.id(), "Warenkorb geändert").status())
        .isEqualTo(PaymentStatus.CANCELLED);
    assertThat(stub.calls.stream().filter(c -> c.endsWith("/" + tx + "/cancel")).count())
        .isEqualTo(cancelCalls);

    // The service took the money anyway: booked, then refunded in full through the service.
    stub.transaction(payment.id()).status = "PAYED";
    assertThat(notify("evt-" + tx + "-late", tx, "PAYED")).isEqualTo("APPLIED");
    Payment refunded = payments.find(payment.id()).orElseThrow();
    assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(refunded.refundedCents()).isEqualTo(1550);
    assertThat(stub.transaction(payment.id()).refundedCents).isEqualTo(1550);
    assertThat(events.of(payment.id()))
        .extracting(PaymentStatusChanged::to)
        .containsExactly(
            PaymentStatus.PENDING,
            PaymentStatus.CANCELLED,
            PaymentStatus.PAID,
            PaymentStatus.REFUNDED);
    assertThat(
            jdbc.sql(
                    "select type, sum(amount_cents) from payment_booking where payment_id = ? group by type order by type")
                .param(payment.id())
                .query((rs, n) -> rs.getString(1) + ":" + rs.getLong(2))
                .list())
        .containsExactly("PAYMENT:1550", "REFUND:1550");
    assertThat(records.history(OHRDRUF, payment.id()))
        .last()
        .satisfies(h -> assertThat(h.reason()).isEqualTo("Zahlung nach Storno eingegangen"));
  }

  @Test
  void aPaymentThePayerCancelledStaysCancelledWhenTheServiceReportsMoneyLater() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 800));
    String tx = stub.transaction(payment.id()).id;
    assertThat(notify("evt-" + tx + "-1", tx, "CANCELED")).isEqualTo("APPLIED");
    assertThat(notify("evt-" + tx + "-2", tx, "PAYED")).isEqualTo("IGNORED");
    assertThat(payments.find(payment.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.CANCELLED);
  }

  @Test
  void aCancelWhileTheServiceIsDownMarksThePaymentAndTheReconciliationCancelsItLater() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 990));
    stub.mode = XBezahldienstStub.Mode.DOWN;

    Payment marked = payments.cancel(payment.id(), "Warenkorb geändert");
    assertThat(marked.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(marked.cancelRequested()).isTrue();
    assertThat(marked.payable()).isFalse();
    assertThat(marked.payUrl()).as("never payable silently").isNull();
    assertThat(
            jdbc.sql("select last_error from payment where id = ?")
                .param(payment.id())
                .query(String.class)
                .single())
        .contains("HTTP 500");
    OffsetDateTime now = OffsetDateTime.now();
    Browser staff = browser();
    staff.signIn("sachbearbeitung-ohrdruf", DEMO_PASSWORD);
    assertThat(
            Browser.page(staff.get("/verwaltung/zahlungen/" + payment.id()))
                .select("#status")
                .text())
        .startsWith("offen – Storno angefordert");
    assertThat(reconciliation.run(now))
        .as("young, but due for its cancel")
        .containsKey(Reconciled.UNREACHABLE);
    assertThat(payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);

    stub.mode = XBezahldienstStub.Mode.OK;
    assertThat(reconciliation.run(now.plusHours(2))).containsKey(Reconciled.CHANGED);
    assertThat(payments.find(payment.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.CANCELLED);
    assertThat(stub.transaction(payment.id()).status).isEqualTo("CANCELED");
    assertThat(records.history(OHRDRUF, payment.id()))
        .last()
        .satisfies(h -> assertThat(h.source()).isEqualTo("AMTSWEG"))
        .satisfies(h -> assertThat(h.reason()).isEqualTo("Warenkorb geändert"));
  }

  @Test
  void aCancelThatComesTooLateFindsThePaymentPaidAndBooksIt() {
    Payment payment = payments.request(PaymentFixtures.request(OHRDRUF, 700));
    stub.transaction(payment.id()).status = "PAYED";

    Payment paid = payments.cancel(payment.id(), "Warenkorb geändert");
    assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(paid.cancelRequested()).as("the cancel did not happen").isFalse();
    assertThat(paid.refundedCents()).isZero();
    assertThat(
            jdbc.sql("select sum(amount_cents) from payment_booking where payment_id = ?")
                .param(payment.id())
                .query(Long.class)
                .single())
        .isEqualTo(700);
  }

  private String notify(String eventId, String transactionId, String status) {
    PaymentProvider.Notification n =
        new PaymentProvider.Notification(
            eventId, transactionId, PaymentProvider.ProviderStatus.valueOf(status));
    SignedNotifications.Signed signed = SignedNotifications.write(SECRET, n);
    HttpResponse<String> response =
        browser()
            .postJson(
                NOTIFICATIONS,
                new String(signed.body(), StandardCharsets.UTF_8),
                "X-Signature",
                signed.signature());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).path("outcome").asString();
  }

  private void backdate(UUID id, String interval) {
    jdbc.sql("update payment set created_at = created_at - cast(? as interval) where id = ?")
        .params(interval, id)
        .update();
  }
}
