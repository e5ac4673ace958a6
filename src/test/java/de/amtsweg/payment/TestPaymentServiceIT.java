package de.amtsweg.payment;

import static de.amtsweg.payment.PaymentFixtures.ERFURT;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The built-in test payment service over real HTTP: the payer sees what they pay, and each of the
 * four choices ends as it should; a double click or a reload never charges twice.
 */
class TestPaymentServiceIT extends AmtswegIT {

  @Autowired Payments payments;
  @Autowired RecordedPaymentEvents events;
  @Autowired JdbcClient jdbc;

  @Test
  void thePayerSeesAmountKassenzeichenAuthorityAndItemsAndADoubleClickChargesOnce() {
    Payment payment = payments.request(PaymentFixtures.request(ERFURT, 500, 250));
    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(payment.kassenzeichen()).matches("EF-\\d{4}-\\d{6}");
    assertThat(payment.items().get(0).haushaltsstelle())
        .isEqualTo(PaymentConfigs.DEMO_HAUSHALTSSTELLE);
    assertThat(payment.items().get(1).haushaltsstelle()).isEqualTo("1.1220.1100");
    assertThat(payment.payUrl()).isNotNull();

    Browser payer = browser();
    Document page = Browser.page(payer.get(payment.payUrl().toString()));
    assertThat(page.select("#amount").text()).isEqualTo("7,50 EUR");
    assertThat(page.select("#kassenzeichen").text()).isEqualTo(payment.kassenzeichen());
    assertThat(page.select("#authority").text()).contains("Erfurt");
    assertThat(page.select("#items tbody tr")).hasSize(2);
    assertThat(page.select("#items").text())
        .contains(payment.items().get(1).antragReference(), "2,50 EUR");
    String csrf = Browser.csrf(page);

    HttpResponse<String> first =
        payer.submit(payment.payUrl().toString(), csrf, Map.of("wahl", "bezahlen"));
    HttpResponse<String> second =
        payer.submit(payment.payUrl().toString(), csrf, Map.of("wahl", "bezahlen"));
    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/warenkorb/zurueck");
    assertThat(second.headers().firstValue("Location").orElseThrow())
        .endsWith("/warenkorb/zurueck");

    assertThat(payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
    assertThat(events.of(payment.id()))
        .extracting(PaymentStatusChanged::to)
        .containsExactly(PaymentStatus.PENDING, PaymentStatus.PAID);
    assertThat(events.of(payment.id()).get(1).antragReferences())
        .containsExactly(
            payment.items().get(0).antragReference(), payment.items().get(1).antragReference());
    assertThat(
            jdbc.sql("select sum(amount_cents) from payment_booking where payment_id = ?")
                .param(payment.id())
                .query(Long.class)
                .single())
        .isEqualTo(750L);

    Document reloaded = Browser.page(payer.get(payment.payUrl().toString()));
    assertThat(reloaded.select("#choices")).isEmpty();
    assertThat(reloaded.select("#decided").text()).contains("bezahlt");
  }

  @Test
  void manyClicksAtTheSameMomentChargeOnce() {
    Payment payment = payments.request(PaymentFixtures.request(ERFURT, 1990));
    Browser payer = browser();
    String path = payment.payUrl().toString();
    String csrf = Browser.csrf(Browser.page(payer.get(path)));
    ExecutorService threads = Executors.newFixedThreadPool(6);
    CountDownLatch ready = new CountDownLatch(6);
    List<CompletableFuture<HttpResponse<String>>> clicks =
        IntStream.range(0, 6)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          ready.countDown();
                          awaitQuietly(ready);
                          return payer.submit(path, csrf, Map.of("wahl", "bezahlen"));
                        },
                        threads))
            .toList();
    assertThat(
            clicks.stream()
                .map(CompletableFuture::join)
                .map(r -> r.headers().firstValue("Location").orElseThrow()))
        .hasSize(6)
        .allSatisfy(location -> assertThat(location).endsWith("/warenkorb/zurueck"));
    threads.shutdown();
    assertThat(events.of(payment.id()))
        .extracting(PaymentStatusChanged::to)
        .containsExactly(PaymentStatus.PENDING, PaymentStatus.PAID);
    assertThat(
            jdbc.sql("select count(*) from payment_booking where payment_id = ?")
                .param(payment.id())
                .query(Long.class)
                .single())
        .isOne();
    assertThat(
            jdbc.sql("select count(*) from payment_notification where payment_id = ?")
                .param(payment.id())
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void failureAndCancelEndThePaymentAndNeverReturningLeavesItOpen() {
    Payment failing = payments.request(PaymentFixtures.request(ERFURT, 500));
    Payment cancelling = payments.request(PaymentFixtures.request(ERFURT, 500));
    Payment abandoned = payments.request(PaymentFixtures.request(ERFURT, 500));
    Browser payer = browser();

    HttpResponse<String> failed = choose(payer, failing, "fehlschlag");
    assertThat(failed.headers().firstValue("Location").orElseThrow())
        .endsWith("/warenkorb/zurueck");
    assertThat(payments.find(failing.id()).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);

    HttpResponse<String> cancelled = choose(payer, cancelling, "abbrechen");
    assertThat(cancelled.headers().firstValue("Location").orElseThrow())
        .endsWith("/warenkorb/abgebrochen");
    assertThat(payments.find(cancelling.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.CANCELLED);

    HttpResponse<String> left = payer.follow(choose(payer, abandoned, "nie"));
    assertThat(Browser.page(left).select("h1").text()).isEqualTo("Zahlung offen gelassen");
    Payment stillOpen = payments.find(abandoned.id()).orElseThrow();
    assertThat(stillOpen.status()).isEqualTo(PaymentStatus.PENDING);
    assertThat(stillOpen.payUrl()).isEqualTo(abandoned.payUrl());
    assertThat(
            jdbc.sql("select count(*) from payment_booking where payment_id in (?, ?, ?)")
                .params(failing.id(), cancelling.id(), abandoned.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void askingAgainWithTheSameKeyGivesTheSamePaymentAndKassenzeichen() {
    PaymentRequest request = PaymentFixtures.request(ERFURT, 500);
    Payment first = payments.request(request);
    Payment again = payments.request(request);
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.kassenzeichen()).isEqualTo(first.kassenzeichen());
    assertThat(payments.ofAntrag(request.items().get(0).antragReference()))
        .extracting(Payment::id)
        .containsExactly(first.id());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpResponse<String> choose(Browser payer, Payment payment, String choice) {
    String path = payment.payUrl().toString();
    return payer.submit(path, Browser.csrf(Browser.page(payer.get(path))), Map.of("wahl", choice));
  }
}
