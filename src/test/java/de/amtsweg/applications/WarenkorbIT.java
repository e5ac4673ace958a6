package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentStatus;
import de.amtsweg.payment.Payments;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import de.amtsweg.tenancy.TenantManagement;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Warenkorb as a browser without JavaScript uses it: Anträge for two authorities (Erfurt and
 * Gotha, each wants its Meldebescheinigung paid before submission) and one without a fee, one
 * checkout, one payment per authority with its own Kassenzeichen, paid one after the other; a
 * failed payment leaves its Anträge waiting and payable again; reload and double click ask nothing
 * twice; the cart survives logout.
 */
class WarenkorbIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String GOTHA = "160670029029";
  private static final String ERIKA = "erika.mustermann@example.org";

  @Autowired Drafts drafts;
  @Autowired AppStore store;
  @Autowired TenantManagement tenants;
  @Autowired Payments payments;
  @Autowired AntragManagement antraege;
  @Autowired JdbcClient jdbc;

  @Test
  void twoAuthoritiesAreCheckedOutOnceAndEachGetsItsOwnPaidPayment() {
    Browser erika = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
    UUID account = erika();
    CartDrafts cart = new CartDrafts(drafts, store, tenants);
    Draft erfurt =
        cart.complete(account, ERFURT, "meldebescheinigung", CartDrafts::simpleCertificate);
    Draft gotha =
        cart.complete(account, GOTHA, "meldebescheinigung", CartDrafts::simpleCertificate);
    Draft free = cart.complete(account, ERFURT, "hundesteuer", answers -> {});

    // The check page shows the fee, its legal basis and when it is paid, and offers the cart.
    Document check = Browser.page(erika.get(checkPath(erfurt)));
    assertThat(check.select("#fee-heading + p").text()).isEqualTo("Gebühr: 5,00 €");
    assertThat(check.text())
        .contains(
            "Rechtsgrundlage: § 18 Bundesmeldegesetz",
            "Ihr Antrag wird abgesendet, sobald die Zahlung eingegangen ist");
    // An Antrag without a fee has nothing to pay: no Warenkorb for it ("Jetzt zu bezahlen: 0,00
    // €").
    Document freeCheck = Browser.page(erika.get(checkPath(free)));
    assertThat(freeCheck.select("button[name=_ziel][value=warenkorb]")).isEmpty();
    HttpResponse<String> refused =
        erika.post(
            "/antrag/hundesteuer/" + free.id() + "/absenden",
            List.of(
                Map.entry("_csrf", Browser.csrf(freeCheck)),
                Map.entry("erklaerung", "richtigkeit"),
                Map.entry("erklaerung", "aenderungen"),
                Map.entry("_ziel", "warenkorb")));
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith(checkPath(free));
    for (Draft draft : List.of(erfurt, gotha)) {
      toCart(erika, draft);
    }
    assertThat(Browser.page(erika.get(checkPath(erfurt))).text())
        .contains("Dieser Antrag liegt in Ihrem Warenkorb");

    Document page = Browser.page(erika.get("/warenkorb"));
    assertThat(page.select("tbody tr")).hasSize(2);
    assertThat(page.select("tbody tr").get(0).text())
        .contains("Meldebescheinigung", "Stadt Erfurt", "5,00 €");
    assertThat(page.select("tbody tr").get(1).text()).contains("Stadt Gotha", "8,00 €");
    assertThat(page.text()).contains("Jetzt zu bezahlen: 13,00 €");

    // Checkout: straight to the first payment.
    HttpResponse<String> checkout =
        erika.submit("/warenkorb/bezahlen", Browser.csrf(page), Map.of());
    String first = URI.create(checkout.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(first).startsWith("/bezahlung/test/");
    assertThat(status(erfurt)).isEqualTo(AntragStatus.WARTET_AUF_ZAHLUNG);
    assertThat(status(gotha)).isEqualTo(AntragStatus.WARTET_AUF_ZAHLUNG);

    Document progress = Browser.page(erika.get("/warenkorb"));
    assertThat(progress.select(".payment-steps li").eachText())
        .satisfiesExactly(
            one -> assertThat(one).startsWith("Zahlung 1 von 2 – Stadt Erfurt: 5,00 € – offen"),
            two -> assertThat(two).startsWith("Zahlung 2 von 2 – Stadt Gotha: 8,00 € – offen"));
    // A double click (or reload and send again) asks for nothing new.
    HttpResponse<String> again =
        erika.submit("/warenkorb/bezahlen", Browser.csrf(progress), Map.of());
    assertThat(URI.create(again.headers().firstValue("Location").orElseThrow()).getPath())
        .isEqualTo(first);

    HttpResponse<String> back = PaymentFlowIT.payAtTestService(browser(), first, "bezahlen");
    assertThat(URI.create(back.headers().firstValue("Location").orElseThrow()).getPath())
        .isEqualTo("/warenkorb");
    assertThat(status(erfurt)).isEqualTo(AntragStatus.EINGEGANGEN);
    Document afterFirst = Browser.page(erika.get("/warenkorb"));
    assertThat(afterFirst.select(".payment-steps li").get(0).text()).contains("bezahlt");
    // The paid Antrag is confirmed at once: reference, receipt, what happens next.
    assertThat(afterFirst.select(".confirmation .reference").eachText())
        .containsExactly(reference(erfurt));
    assertThat(afterFirst.select(".confirmation .next-step__text").text())
        .isEqualTo(
            "Als Nächstes: Stadt Erfurt prüft Ihren Antrag. Bearbeitungsdauer: meist innerhalb"
                + " von 5 Werktagen.");
    assertThat(
            erika
                .download(
                    afterFirst
                        .select(".confirmation a[href$=eingangsbestaetigung.pdf]")
                        .attr("href"))
                .statusCode())
        .isEqualTo(200);
    assertThat(afterFirst.select(".confirmation a[href=/antrag/eingang/" + reference(erfurt) + "]"))
        .hasSize(1);
    String second =
        URI.create(afterFirst.select("main a.kern-btn--primary").attr("href")).getPath();
    assertThat(afterFirst.select("main a.kern-btn--primary").text())
        .isEqualTo("Zahlung 2 von 2 – Stadt Gotha: jetzt bezahlen");

    // The second payment fails: its Antrag waits and can be paid again, with a new payment.
    PaymentFlowIT.payAtTestService(browser(), second, "fehlschlag");
    assertThat(status(gotha)).isEqualTo(AntragStatus.WARTET_AUF_ZAHLUNG);
    Document failed = Browser.page(erika.get("/warenkorb"));
    assertThat(failed.select(".payment-steps li").get(1).text()).contains("fehlgeschlagen");
    // The failure is an error that says what to do: pay again, later, or ask the authority.
    assertThat(failed.select("#error-summary h2").text())
        .isEqualTo("Die Zahlung von 8,00 € an Stadt Gotha ist fehlgeschlagen");
    assertThat(failed.select("#error-summary a[href=#checkout]").text())
        .isEqualTo("Erneut bezahlen");
    assertThat(failed.select("#error-summary a[href=/behoerden/" + GOTHA + "]")).hasSize(1);
    assertThat(failed.select("form#checkout")).hasSize(1);
    assertThat(failed.select("tbody tr")).hasSize(1);
    assertThat(failed.select("tbody tr").text()).contains("Stadt Gotha", "wartet auf Zahlung");
    HttpResponse<String> retry =
        erika.submit("/warenkorb/bezahlen", Browser.csrf(failed), Map.of());
    String third = URI.create(retry.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(third).isNotEqualTo(second);
    PaymentFlowIT.payAtTestService(browser(), third, "bezahlen");

    assertThat(status(gotha)).isEqualTo(AntragStatus.EINGEGANGEN);
    Document done = Browser.page(erika.get("/warenkorb"));
    assertThat(done.text()).contains("Alle Zahlungen sind eingegangen");
    assertThat(done.select("#error-summary")).isEmpty();
    assertThat(done.select(".confirmation .reference").eachText()).contains(reference(gotha));
    assertThat(done.select("tbody tr")).isEmpty();

    Payment erfurtPaid = paid(erfurt);
    Payment gothaPaid = paid(gotha);
    assertThat(erfurtPaid.tenantArs()).isEqualTo(ERFURT);
    assertThat(gothaPaid.tenantArs()).isEqualTo(GOTHA);
    assertThat(erfurtPaid.amountCents()).isEqualTo(500);
    assertThat(gothaPaid.amountCents()).isEqualTo(800);
    assertThat(erfurtPaid.kassenzeichen()).isNotEqualTo(gothaPaid.kassenzeichen());
    assertThat(erfurtPaid.items().getFirst().haushaltsstelle()).isEqualTo("1.1.2.01.431100");
    assertThat(payments.ofAntrag(reference(erfurt)))
        .as("one payment for Erfurt, never two")
        .hasSize(1);
    assertThat(payments.ofAntrag(reference(gotha)))
        .extracting(Payment::status)
        .containsExactly(PaymentStatus.FAILED, PaymentStatus.PAID);
    assertThat(drafts.get(free.id()).submitted()).as("still a draft, never in the cart").isFalse();
  }

  @Test
  void theCartSurvivesLogoutAndItemsCanBeRemoved() {
    Browser erika = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
    CartDrafts cart = new CartDrafts(drafts, store, tenants);
    Draft one = cart.complete(erika(), GOTHA, "meldebescheinigung", CartDrafts::simpleCertificate);
    Draft two = cart.complete(erika(), ERFURT, "meldebescheinigung", CartDrafts::simpleCertificate);
    toCart(erika, one);
    toCart(erika, two);
    Document page = Browser.page(erika.get("/warenkorb"));
    erika.submit("/abmelden", Browser.csrf(page), Map.of());
    assertThat(Browser.page(erika.get("/warenkorb")).text()).contains("Ihr Warenkorb ist leer");

    Browser later = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
    Document kept = Browser.page(later.get("/warenkorb"));
    List<String> rows = new ArrayList<>(kept.select("tbody tr").eachText());
    assertThat(rows).anySatisfy(r -> assertThat(r).contains("Stadt Gotha"));
    HttpResponse<String> removed =
        later.submit(
            "/warenkorb/entfernen", Browser.csrf(kept), Map.of("draft", one.id().toString()));
    assertThat(removed.statusCode()).isEqualTo(302);
    Document after = Browser.page(later.follow(removed));
    assertThat(after.text()).contains("Der Antrag ist nicht mehr im Warenkorb");
    assertThat(after.select("tbody tr").eachText())
        .noneSatisfy(r -> assertThat(r).contains("Stadt Gotha"));
    assertThat(drafts.find(one.id())).as("still a draft").isPresent();
    // Removing the other one empties the cart.
    later.submit("/warenkorb/entfernen", Browser.csrf(after), Map.of("draft", two.id().toString()));
    assertThat(Browser.page(later.get("/warenkorb")).select("tbody tr")).isEmpty();
  }

  @Test
  void anAbandonedPaymentLeavesTheAntragWaitingAndTheSamePaymentPayableLater() {
    Browser erika = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
    Draft draft =
        new CartDrafts(drafts, store, tenants)
            .complete(erika(), GOTHA, "meldebescheinigung", CartDrafts::simpleCertificate);
    toCart(erika, draft);
    HttpResponse<String> checkout =
        erika.submit(
            "/warenkorb/bezahlen", Browser.csrf(Browser.page(erika.get("/warenkorb"))), Map.of());
    String pay = URI.create(checkout.headers().firstValue("Location").orElseThrow()).getPath();

    // "Never returns": the payer leaves the payment service; nothing is paid, nothing submitted.
    HttpResponse<String> left = PaymentFlowIT.payAtTestService(browser(), pay, "nie");
    assertThat(left.headers().firstValue("Location").orElseThrow()).endsWith("/verlassen");
    assertThat(status(draft)).isEqualTo(AntragStatus.WARTET_AUF_ZAHLUNG);
    assertThat(deliveries(reference(draft))).isZero();

    // Later: the cart still offers the same open payment.
    Document later =
        Browser.page(AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD).get("/warenkorb"));
    assertThat(later.select(".payment-steps li").text())
        .contains("Zahlung 1 von 1 – Stadt Gotha: 8,00 € – offen");
    assertThat(URI.create(later.select("main a.kern-btn--primary").attr("href")).getPath())
        .isEqualTo(pay);
    PaymentFlowIT.payAtTestService(browser(), pay, "bezahlen");
    assertThat(status(draft)).isEqualTo(AntragStatus.EINGEGANGEN);
    assertThat(deliveries(reference(draft))).isOne();
    assertThat(payments.ofAntrag(reference(draft))).hasSize(1);
  }

  @Test
  void aVisitorsCartLivesInTheSessionAndJoinsTheAccountOnLogin() {
    CartDrafts cart = new CartDrafts(drafts, store, tenants);
    Draft paid = cart.complete(null, ERFURT, "meldebescheinigung", CartDrafts::simpleCertificate);
    Draft kept = cart.complete(null, GOTHA, "meldebescheinigung", CartDrafts::simpleCertificate);
    Browser visitor = browser();
    for (Draft draft : List.of(paid, kept)) {
      // The visitor's own drafts (opened with their resume link, as after "save and continue
      // later").
      HttpResponse<String> resumed =
          visitor.get(
              "/antrag/fortsetzen?token="
                  + drafts.issueResumeToken(draft.id(), "gast@example.org"));
      assertThat(resumed.headers().firstValue("Location").orElseThrow()).endsWith(checkPath(draft));
      toCart(visitor, draft);
    }
    assertThat(Browser.page(browser().get("/warenkorb")).text())
        .as("another visitor")
        .contains("Ihr Warenkorb ist leer");
    Document page = Browser.page(visitor.get("/warenkorb"));
    assertThat(page.select("tbody tr")).hasSize(2);
    assertThat(page.text()).contains("Ohne Anmeldung gilt der Warenkorb nur für diesen Besuch");

    // Take one out, pay the other: the visitor opens its confirmation in the same session.
    visitor.submit(
        "/warenkorb/entfernen", Browser.csrf(page), Map.of("draft", kept.id().toString()));
    HttpResponse<String> checkout =
        visitor.submit(
            "/warenkorb/bezahlen", Browser.csrf(Browser.page(visitor.get("/warenkorb"))), Map.of());
    PaymentFlowIT.payAtTestService(
        browser(),
        URI.create(checkout.headers().firstValue("Location").orElseThrow()).getPath(),
        "bezahlen");
    assertThat(status(paid)).isEqualTo(AntragStatus.EINGEGANGEN);
    assertThat(Browser.page(visitor.get("/antrag/eingang/" + reference(paid))).text())
        .contains("Ihr Antrag ist eingegangen");

    // The visitor logs in: the cart with the remaining draft becomes the account's.
    toCart(visitor, kept);
    AntragForms.loggedIn(visitor, ERIKA, DEMO_PASSWORD);
    Document joined = Browser.page(visitor.get("/warenkorb"));
    assertThat(joined.select("tbody tr").eachText())
        .anySatisfy(r -> assertThat(r).contains("Stadt Gotha"));
    assertThat(drafts.get(kept.id()).accountId()).isEqualTo(erika());
    joined
        .select("tbody tr form input[name=draft]")
        .forEach(
            input ->
                visitor.submit(
                    "/warenkorb/entfernen", Browser.csrf(joined), Map.of("draft", input.val())));
  }

  private int deliveries(String reference) {
    return jdbc.sql("select count(*) from delivery where reference = ?")
        .param(reference)
        .query(Integer.class)
        .single();
  }

  private void toCart(Browser browser, Draft draft) {
    new CartDrafts(drafts, store, tenants).toCart(browser, draft);
  }

  private static String checkPath(Draft draft) {
    return CartDrafts.checkPath(draft);
  }

  private UUID erika() {
    return jdbc.sql("select id from account where email = ?")
        .param(ERIKA)
        .query(UUID.class)
        .single();
  }

  private String reference(Draft draft) {
    return drafts.get(draft.id()).submittedReference();
  }

  private AntragStatus status(Draft draft) {
    return antraege.find(reference(draft)).orElseThrow().status();
  }

  private Payment paid(Draft draft) {
    return payments.ofAntrag(reference(draft)).stream()
        .filter(p -> p.status() == PaymentStatus.PAID)
        .findFirst()
        .orElseThrow();
  }
}
