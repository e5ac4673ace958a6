package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.Account;
import de.amtsweg.account.AccountManagement;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentConfigs;
import de.amtsweg.payment.PaymentProvider;
import de.amtsweg.payment.PaymentStatus;
import de.amtsweg.payment.Payments;
import de.amtsweg.payment.SignedNotifications;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import de.amtsweg.tenancy.TenantManagement;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment that no longer fits is never left payable (issue 8): changing the Warenkorb after a
 * checkout cancels its open payments at the test payment service, whose page then refuses them; a
 * new checkout replaces the older open payments of its Anträge and says so; a new fee cancels the
 * payment for the old one; money that arrives for a cancelled payment anyway is booked and refunded
 * in full and submits nothing. Each test has a Servicekonto of its own, so no other test's cart
 * gets in the way.
 */
class WarenkorbCancelIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String GOTHA = "160670029029";
  private static final String OHRDRUF = "160675050053";
  private static final String PASSWORD = "Kaffee Treppe Wolke Igel";

  @Autowired Drafts drafts;
  @Autowired AppStore store;
  @Autowired TenantManagement tenants;
  @Autowired Payments payments;
  @Autowired PaymentConfigs configs;
  @Autowired AntragManagement antraege;
  @Autowired AntragPayments antragPayments;
  @Autowired AccountManagement accounts;
  @Autowired JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void changingTheCartAfterCheckoutCancelsTheOldPaymentsAndOnlyTheNewOnesCanBePaid() {
    CheckedOut two = checkedOutInErfurtAndGotha();
    Browser citizen = two.citizen();
    Draft erfurt = two.erfurt();
    Draft gotha = two.gotha();
    HttpResponse<String> checkout = two.checkout();
    String oldErfurt =
        URI.create(checkout.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(oldErfurt).startsWith("/bezahlung/test/");
    List<Payment> old = List.of(only(erfurt), only(gotha));
    assertThat(old).extracting(Payment::status).containsOnly(PaymentStatus.PENDING);
    String oldGotha = old.get(1).payUrl().getPath();

    // The citizen takes the Gotha Antrag out of the cart after the checkout: both payments are
    // void.
    Document page = Browser.page(citizen.get("/warenkorb"));
    HttpResponse<String> removed =
        citizen.submit(
            "/warenkorb/entfernen", Browser.csrf(page), Map.of("draft", gotha.id().toString()));
    Document changed = Browser.page(citizen.follow(removed));
    assertThat(changed.select("#voided").text())
        .isEqualTo(
            "Ihre vorherige Zahlung wurde storniert, weil sich Ihr Warenkorb "
                + "geändert hat. Sie kann nicht mehr bezahlt werden. Gehen Sie bitte erneut zur Kasse.");
    assertThat(changed.text()).contains("Er wartet weiter auf die Zahlung");
    assertThat(changed.select(".payment-steps li").eachText())
        .allSatisfy(s -> assertThat(s).contains("– storniert"));
    assertThat(changed.select("main a.kern-btn--primary"))
        .as("nothing old offered to pay")
        .isEmpty();
    for (Payment payment : old) {
      assertThat(payments.find(payment.id()).orElseThrow().status())
          .isEqualTo(PaymentStatus.CANCELLED);
      assertThat(
              jdbc.sql("select status from payment_test_transaction where payment_id = ?")
                  .param(payment.id())
                  .query(String.class)
                  .single())
          .as("cancelled at the test payment service")
          .isEqualTo("CANCELED");
    }

    // The old payment's page at the payment service says so and refuses to take the money.
    Browser payer = browser();
    Document voided = Browser.page(payer.get(oldGotha));
    assertThat(voided.select("#voided").text())
        .contains("Diese Zahlung wurde storniert", old.get(1).kassenzeichen());
    assertThat(voided.select("#voided a").attr("href")).isEqualTo("/warenkorb");
    assertThat(voided.select("#voided a").text()).isEqualTo("Zurück zum Warenkorb");
    assertThat(voided.select("#choices")).isEmpty();
    HttpResponse<String> payAnyway =
        payer.submit(oldGotha, Browser.csrf(voided), Map.of("wahl", "bezahlen"));
    assertThat(payAnyway.headers().firstValue("Location").orElseThrow()).endsWith(oldGotha);
    assertThat(payments.find(old.get(1).id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.CANCELLED);
    assertThat(bookings(old.get(1))).isZero();
    assertThat(status(gotha)).isEqualTo(AntragStatus.WARTET_AUF_ZAHLUNG);

    // Checking out again asks for a new payment for what is left; that one is paid.
    HttpResponse<String> again =
        citizen.submit("/warenkorb/bezahlen", Browser.csrf(changed), Map.of());
    String newErfurt = URI.create(again.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(newErfurt).startsWith("/bezahlung/test/").isNotEqualTo(oldErfurt);
    PaymentFlowIT.payAtTestService(browser(), newErfurt, "bezahlen");
    assertThat(status(erfurt)).isEqualTo(AntragStatus.EINGEGANGEN);

    // The Gotha Antrag, out of the cart, is paid from its own page with a new payment.
    String gothaPage = "/antrag/eingang/" + reference(gotha);
    HttpResponse<String> pay =
        citizen.submit(
            gothaPage + "/bezahlen", Browser.csrf(Browser.page(citizen.get(gothaPage))), Map.of());
    String newGotha = URI.create(pay.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(newGotha).startsWith("/bezahlung/test/").isNotEqualTo(oldGotha);
    PaymentFlowIT.payAtTestService(browser(), newGotha, "bezahlen");
    assertThat(status(gotha)).isEqualTo(AntragStatus.EINGEGANGEN);

    // Each authority took exactly one payment.
    for (Draft draft : List.of(erfurt, gotha)) {
      assertThat(payments.ofAntrag(reference(draft)))
          .extracting(Payment::status)
          .containsExactly(PaymentStatus.CANCELLED, PaymentStatus.PAID);
    }
    assertThat(
            jdbc.sql(
                    "select count(distinct payment_id) from payment_booking where type = 'PAYMENT' and payment_id in ("
                        + "select payment_id from payment_item where antrag_reference in (?, ?))")
                .params(reference(erfurt), reference(gotha))
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(deliveries(reference(erfurt)) + deliveries(reference(gotha))).isEqualTo(2);
  }

  @Test
  void aNewCheckoutCancelsTheOlderOpenPaymentItReplacesAndSaysSo() {
    CheckedOut two = checkedOutInErfurtAndGotha();
    Browser citizen = two.citizen();
    Draft erfurt = two.erfurt();
    Draft gotha = two.gotha();
    HttpResponse<String> checkout = two.checkout();
    Payment openGotha = only(gotha);

    // Erfurt's payment fails; the next checkout starts a new attempt, with new payments for both.
    PaymentFlowIT.payAtTestService(
        browser(),
        URI.create(checkout.headers().firstValue("Location").orElseThrow()).getPath(),
        "fehlschlag");
    HttpResponse<String> again = checkout(citizen);
    assertThat(again.headers().firstValue("Location").orElseThrow())
        .as("first the notice, then the payment")
        .endsWith("/warenkorb");
    Document replaced = Browser.page(citizen.follow(again));
    assertThat(replaced.select("#voided").text())
        .isEqualTo(
            "Ihre vorherige Zahlung wurde storniert und durch eine neue ersetzt. Bezahlen Sie bitte nur noch die neue Zahlung.");
    assertThat(payments.find(openGotha.id()).orElseThrow().status())
        .as("never two open payments for one Antrag")
        .isEqualTo(PaymentStatus.CANCELLED);
    assertThat(payments.ofAntrag(reference(gotha)).stream().filter(p -> p.status().open()))
        .hasSize(1);
    // A reload asks for nothing new and cancels nothing more.
    HttpResponse<String> reload =
        citizen.submit("/warenkorb/bezahlen", Browser.csrf(replaced), Map.of());
    assertThat(reload.headers().firstValue("Location").orElseThrow()).contains("/bezahlung/test/");
    assertThat(payments.ofAntrag(reference(gotha))).hasSize(2);

    // Paying the new ones, one after the other, submits both; Gotha took its money once.
    String first = URI.create(replaced.select("main a.kern-btn--primary").attr("href")).getPath();
    PaymentFlowIT.payAtTestService(browser(), first, "bezahlen");
    String second =
        URI.create(
                Browser.page(citizen.get("/warenkorb"))
                    .select("main a.kern-btn--primary")
                    .attr("href"))
            .getPath();
    PaymentFlowIT.payAtTestService(browser(), second, "bezahlen");
    assertThat(status(erfurt)).isEqualTo(AntragStatus.EINGEGANGEN);
    assertThat(status(gotha)).isEqualTo(AntragStatus.EINGEGANGEN);
    assertThat(payments.ofAntrag(reference(gotha)))
        .extracting(Payment::status)
        .containsExactly(PaymentStatus.CANCELLED, PaymentStatus.PAID);
    assertThat(payments.ofAntrag(reference(erfurt)))
        .extracting(Payment::status)
        .containsExactly(PaymentStatus.FAILED, PaymentStatus.PAID);
  }

  @Test
  void moneyArrivingForACancelledPaymentIsBookedAndRefundedAndTheAntragIsSubmittedOnce() {
    UUID account = citizen();
    Browser citizen = AntragForms.loggedIn(browser(), email(account), PASSWORD);
    CartDrafts cart = new CartDrafts(drafts, store, tenants);
    Draft first =
        cart.complete(account, ERFURT, "meldebescheinigung", CartDrafts::simpleCertificate);
    Draft second =
        cart.complete(account, ERFURT, "meldebescheinigung", CartDrafts::simpleCertificate);
    cart.toCart(citizen, first);
    checkout(citizen);
    Payment cancelled = only(first);

    // Adding a second Antrag after the checkout cancels the first payment; the new one covers both.
    cart.toCart(citizen, second);
    assertThat(Browser.page(citizen.get("/warenkorb")).select("#voided").text())
        .startsWith("Ihre vorherige Zahlung wurde storniert");
    assertThat(payments.find(cancelled.id()).orElseThrow().status())
        .isEqualTo(PaymentStatus.CANCELLED);
    HttpResponse<String> checkout = checkout(citizen);
    String payBoth = URI.create(checkout.headers().firstValue("Location").orElseThrow()).getPath();

    // The payment service took the money for the cancelled payment anyway and says so.
    jdbc.sql("update payment_test_transaction set status = 'PAYED' where payment_id = ?")
        .param(cancelled.id())
        .update();
    assertThat(notifyPaid(cancelled)).isEqualTo("APPLIED");
    Payment refunded = payments.find(cancelled.id()).orElseThrow();
    assertThat(refunded.status())
        .as("booked, then refunded in full at once")
        .isEqualTo(PaymentStatus.REFUNDED);
    assertThat(refunded.refundedCents()).isEqualTo(500);
    assertThat(
            jdbc.sql("select refunded_cents from payment_test_transaction where payment_id = ?")
                .param(cancelled.id())
                .query(Long.class)
                .single())
        .as("given back at the payment service")
        .isEqualTo(500);
    assertThat(
            jdbc.sql(
                    "select type || ':' || amount_cents from payment_booking where payment_id = ? order by id")
                .param(cancelled.id())
                .query(String.class)
                .list())
        .containsExactly("PAYMENT:500", "REFUND:500");
    assertThat(status(first))
        .as("a refunded payment submits nothing")
        .isEqualTo(AntragStatus.WARTET_AUF_ZAHLUNG);
    assertThat(notifyPaid(cancelled)).as("a second report changes nothing").isEqualTo("IGNORED");

    // The citizen sees it on the timeline (the late payment under "Details"); the authority in
    // its payments.
    Document timeline = Browser.page(citizen.get("/konto/antraege/" + reference(first)));
    assertThat(timeline.select(".timeline").text())
        .contains("Gebühr erstattet (Kassenzeichen " + cancelled.kassenzeichen() + ")");
    assertThat(timeline.select(".timeline, .timeline-details").text())
        .contains(
            "Zahlung nach der Stornierung eingegangen (Kassenzeichen "
                + cancelled.kassenzeichen()
                + "); sie wird vollständig erstattet",
            "Gebühr erstattet (Kassenzeichen " + cancelled.kassenzeichen() + ")");
    Browser staff = browser();
    staff.signIn("sachbearbeitung-erfurt", DEMO_PASSWORD);
    Document detail = Browser.page(staff.get("/verwaltung/zahlungen/" + cancelled.id()));
    assertThat(detail.select("#status").text()).isEqualTo("erstattet");
    assertThat(detail.select("#history").text())
        .contains(
            "Warenkorb nach dem Bezahlen geändert",
            "Zahlung nach Storno eingegangen",
            "Amtsweg (Storno, automatische Erstattung)");

    // The new payment submits both Anträge, each exactly once.
    PaymentFlowIT.payAtTestService(browser(), payBoth, "bezahlen");
    for (Draft draft : List.of(first, second)) {
      assertThat(status(draft)).isEqualTo(AntragStatus.EINGEGANGEN);
      assertThat(deliveries(reference(draft))).isOne();
      Antrag antrag = antraege.find(reference(draft)).orElseThrow();
      assertThat(antraege.timeline(antrag.id()).stream().filter(e -> e.type().equals("SUBMITTED")))
          .hasSize(1);
    }
  }

  @Test
  void aNewFeeCancelsThePaymentForTheOldOne() {
    String example =
        browser().get("/api/v1/apps/hundesteuer/example", "Accept", "application/json").body();
    HttpResponse<String> created =
        browser().postJson("/api/v1/tenants/" + OHRDRUF + "/apps/hundesteuer/antraege", example);
    assertThat(created.statusCode()).isEqualTo(201);
    String reference = json.readTree(created.body()).get("reference").asString();

    antragPayments.setAmountDue(OHRDRUF, reference, 9600, "sachbearbeitung-ohrdruf");
    Payment before = payments.ofAntrag(reference).getFirst();
    assertThat(before.amountCents()).isEqualTo(9600);
    antragPayments.setAmountDue(OHRDRUF, reference, 4800, "sachbearbeitung-ohrdruf");

    assertThat(payments.ofAntrag(reference))
        .extracting(Payment::status, Payment::amountCents)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PaymentStatus.CANCELLED, 9600L),
            org.assertj.core.groups.Tuple.tuple(PaymentStatus.PENDING, 4800L));
    Document old = Browser.page(browser().get(before.payUrl().getPath()));
    assertThat(old.select("#voided a").text()).isEqualTo("Zurück zum Antrag");
    assertThat(old.select("#choices")).isEmpty();
  }

  /**
   * A citizen of their own with a Meldebescheinigung for Erfurt and one for Gotha, checked out
   * once.
   */
  private record CheckedOut(
      Browser citizen, Draft erfurt, Draft gotha, HttpResponse<String> checkout) {}

  private CheckedOut checkedOutInErfurtAndGotha() {
    UUID account = citizen();
    Browser citizen = AntragForms.loggedIn(browser(), email(account), PASSWORD);
    CartDrafts cart = new CartDrafts(drafts, store, tenants);
    Draft erfurt =
        cart.complete(account, ERFURT, "meldebescheinigung", CartDrafts::simpleCertificate);
    Draft gotha =
        cart.complete(account, GOTHA, "meldebescheinigung", CartDrafts::simpleCertificate);
    cart.toCart(citizen, erfurt);
    cart.toCart(citizen, gotha);
    return new CheckedOut(citizen, erfurt, gotha, checkout(citizen));
  }

  private static HttpResponse<String> checkout(Browser citizen) {
    return citizen.submit(
        "/warenkorb/bezahlen", Browser.csrf(Browser.page(citizen.get("/warenkorb"))), Map.of());
  }

  private String notifyPaid(Payment payment) {
    String transaction =
        jdbc.sql("select id::text from payment_test_transaction where payment_id = ?")
            .param(payment.id())
            .query(String.class)
            .single();
    SignedNotifications.Signed signed =
        SignedNotifications.write(
            configs.of(ERFURT).notificationSecret(),
            new PaymentProvider.Notification(
                "late-" + UUID.randomUUID(), transaction, PaymentProvider.ProviderStatus.PAYED));
    HttpResponse<String> response =
        browser()
            .postJson(
                "/api/v1/payments/notifications/test/" + ERFURT,
                new String(signed.body(), StandardCharsets.UTF_8),
                "X-Signature",
                signed.signature());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).path("outcome").asString();
  }

  /** A confirmed Servicekonto of the test's own. */
  private UUID citizen() {
    String email = "wk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    accounts.register(email, PASSWORD, Locale.GERMAN);
    jdbc.sql("update account set email_confirmed_at = now() where email = ?").param(email).update();
    return accounts.byEmail(email).map(Account::id).orElseThrow();
  }

  private String email(UUID account) {
    return jdbc.sql("select email from account where id = ?")
        .param(account)
        .query(String.class)
        .single();
  }

  private Payment only(Draft draft) {
    List<Payment> all = payments.ofAntrag(reference(draft));
    assertThat(all).hasSize(1);
    return all.getFirst();
  }

  private long bookings(Payment payment) {
    return jdbc.sql("select count(*) from payment_booking where payment_id = ?")
        .param(payment.id())
        .query(Long.class)
        .single();
  }

  private int deliveries(String reference) {
    return jdbc.sql("select count(*) from delivery where reference = ?")
        .param(reference)
        .query(Integer.class)
        .single();
  }

  private String reference(Draft draft) {
    return drafts.get(draft.id()).submittedReference();
  }

  private AntragStatus status(Draft draft) {
    return antraege.find(reference(draft)).orElseThrow().status();
  }
}
