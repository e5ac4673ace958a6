package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentStatus;
import de.amtsweg.payment.Payments;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import de.amtsweg.tenancy.TenantManagement;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser (Chromium with JavaScript): a citizen puts Anträge for two authorities into the
 * Warenkorb, checks out once and pays both with the test payment service; each authority has its
 * own paid payment under its own Kassenzeichen; a failed, a cancelled and an abandoned payment each
 * leave the Antrag waiting and payable later; changing the cart after the checkout cancels the old
 * payment, whose page then refuses it. The cart page, with and without payments in progress, passes
 * axe-core.
 */
class WarenkorbBrowserIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String GOTHA = "160670029029";

  /** A demo citizen of its own, so that no other test's cart gets in the way. */
  private static final String CITIZEN = "rechnungen@lieferdienst-thueringen.example";

  @Autowired Drafts drafts;
  @Autowired AppStore store;
  @Autowired TenantManagement tenants;
  @Autowired Payments payments;
  @Autowired JdbcClient jdbc;

  @Test
  void cartWithTwoAuthoritiesIsPaidOnceWithTheTestPaymentService() {
    List<Draft> two = erfurtAndGotha();
    Draft erfurt = two.get(0);
    Draft gotha = two.get(1);

    try (AxeBrowser browser = AxeBrowser.start(URI.create("http://localhost:" + port))) {
      browser.logInCitizen(CITIZEN, DEMO_PASSWORD);
      for (Draft draft : List.of(erfurt, gotha)) {
        browser.open("/antrag/meldebescheinigung/" + draft.id() + "/pruefen");
        assertThat(browser.text()).contains("Gebühr", "Rechtsgrundlage");
        toCart(browser, draft);
      }
      assertThat(browser.text())
          .contains("Stadt Erfurt", "Stadt Gotha", "Jetzt zu bezahlen: 13,00 €");
      browser.assertNoViolations();

      browser.submit("form[action$='/warenkorb/bezahlen']");
      assertThat(browser.currentPath()).startsWith("/bezahlung/test/");
      assertThat(browser.text()).contains("5,00");
      browser.click("button[value=bezahlen]");
      assertThat(browser.currentPath()).isEqualTo("/warenkorb");
      assertThat(browser.text())
          .contains(
              "Zahlung 1 von 2 – Stadt Erfurt: 5,00 € – bezahlt",
              "Zahlung 2 von 2 – Stadt Gotha: 8,00 € – offen");
      browser.assertNoViolations();

      browser.click("main a.kern-btn--primary");
      assertThat(browser.currentPath()).startsWith("/bezahlung/test/");
      assertThat(browser.text()).contains("8,00");
      browser.click("button[value=bezahlen]");
      assertThat(browser.currentPath()).isEqualTo("/warenkorb");
      assertThat(browser.text())
          .contains(
              "Alle Zahlungen sind eingegangen", "Zahlung 2 von 2 – Stadt Gotha: 8,00 € – bezahlt");
      browser.assertNoViolations();
    }

    Payment erfurtPaid = paid(erfurt);
    Payment gothaPaid = paid(gotha);
    assertThat(erfurtPaid.tenantArs()).isEqualTo(ERFURT);
    assertThat(gothaPaid.tenantArs()).isEqualTo(GOTHA);
    assertThat(erfurtPaid.kassenzeichen()).isNotEqualTo(gothaPaid.kassenzeichen());
    assertThat(List.of(erfurtPaid.amountCents(), gothaPaid.amountCents()))
        .containsExactly(500L, 800L);
  }

  @Test
  void failedCancelledAndAbandonedPaymentsLeaveTheAntragWaitingAndPayableLater() {
    UUID account =
        jdbc.sql("select id from account where email = ?")
            .param(CITIZEN)
            .query(UUID.class)
            .single();
    Draft gotha =
        new CartDrafts(drafts, store, tenants)
            .complete(account, GOTHA, "meldebescheinigung", CartDrafts::simpleCertificate);

    try (AxeBrowser browser = AxeBrowser.start(URI.create("http://localhost:" + port))) {
      browser.logInCitizen(CITIZEN, DEMO_PASSWORD);
      toCart(browser, gotha);

      for (String choice : List.of("fehlschlag", "abbrechen")) {
        browser.submit("form[action$='/warenkorb/bezahlen']");
        assertThat(browser.currentPath()).startsWith("/bezahlung/test/");
        browser.click("button[value=" + choice + "]");
        assertThat(browser.currentPath()).as(choice).isEqualTo("/warenkorb");
        assertThat(browser.text()).as(choice).contains("Stadt Gotha", "wartet auf Zahlung");
        assertThat(waiting(gotha)).as(choice + ": not submitted").isTrue();
      }
      browser.assertNoViolations();

      // The payer leaves the payment service and comes back later: the same payment is still open.
      browser.submit("form[action$='/warenkorb/bezahlen']");
      String abandoned = browser.currentPath();
      browser.click("button[value=nie]");
      assertThat(waiting(gotha)).isTrue();
      browser.open("/warenkorb");
      assertThat(browser.text()).contains("Zahlung 1 von 1 – Stadt Gotha: 8,00 € – offen");
      browser.click("main a.kern-btn--primary");
      assertThat(browser.currentPath()).isEqualTo(abandoned);
      browser.click("button[value=bezahlen]");
      assertThat(browser.text()).contains("Alle Zahlungen sind eingegangen");
    }

    assertThat(waiting(gotha)).isFalse();
    String reference = drafts.get(gotha.id()).submittedReference();
    assertThat(payments.ofAntrag(reference))
        .extracting(Payment::status)
        .containsExactlyInAnyOrder(
            PaymentStatus.FAILED, PaymentStatus.CANCELLED, PaymentStatus.PAID);
  }

  @Test
  void changingTheCartAfterCheckoutCancelsTheOldPaymentWhosePageThenRefusesIt() {
    List<Draft> two = erfurtAndGotha();
    Draft erfurt = two.get(0);
    Draft gotha = two.get(1);

    try (AxeBrowser browser = AxeBrowser.start(URI.create("http://localhost:" + port))) {
      browser.logInCitizen(CITIZEN, DEMO_PASSWORD);
      for (Draft draft : List.of(erfurt, gotha)) {
        toCart(browser, draft);
      }
      browser.submit("form[action$='/warenkorb/bezahlen']");
      String oldPayment = browser.currentPath();
      assertThat(oldPayment).startsWith("/bezahlung/test/");

      // Back in the cart, the citizen takes the Gotha Antrag out: the old payments are void, and it
      // says so.
      browser.open("/warenkorb");
      browser.click("tbody tr:nth-child(2) form button");
      assertThat(browser.currentPath()).isEqualTo("/warenkorb");
      assertThat(browser.text())
          .contains(
              "Ihre vorherige Zahlung wurde storniert",
              "Zahlung 1 von 2 – Stadt Erfurt: 5,00 € – storniert");
      browser.assertNoViolations();

      // The old payment's page (the back button, a second tab) no longer takes money and leads
      // back.
      browser.open(oldPayment);
      assertThat(browser.text()).contains("Diese Zahlung wurde storniert");
      assertThat(browser.has("button[value=bezahlen]")).isFalse();
      browser.assertNoViolations();
      browser.click("#voided a");
      assertThat(browser.currentPath()).isEqualTo("/warenkorb");

      // Checking out again pays only the new payment; Gotha is paid from its own page.
      browser.submit("form[action$='/warenkorb/bezahlen']");
      assertThat(browser.currentPath()).startsWith("/bezahlung/test/").isNotEqualTo(oldPayment);
      browser.click("button[value=bezahlen]");
      assertThat(browser.text()).contains("Alle Zahlungen sind eingegangen");
      browser.open("/antrag/eingang/" + drafts.get(gotha.id()).submittedReference());
      browser.submit("form[action$='/bezahlen']");
      browser.click("button[value=bezahlen]");
    }

    for (Draft draft : List.of(erfurt, gotha)) {
      assertThat(waiting(draft)).isFalse();
      assertThat(payments.ofAntrag(drafts.get(draft.id()).submittedReference()))
          .extracting(Payment::status)
          .containsExactly(PaymentStatus.CANCELLED, PaymentStatus.PAID);
    }
  }

  /**
   * A complete Meldebescheinigung for Erfurt (5,00 €) and one for Gotha (8,00 €) of the test's
   * citizen.
   */
  private List<Draft> erfurtAndGotha() {
    UUID account =
        jdbc.sql("select id from account where email = ?")
            .param(CITIZEN)
            .query(UUID.class)
            .single();
    CartDrafts cart = new CartDrafts(drafts, store, tenants);
    return List.of(
        cart.complete(account, ERFURT, "meldebescheinigung", CartDrafts::simpleCertificate),
        cart.complete(account, GOTHA, "meldebescheinigung", CartDrafts::simpleCertificate));
  }

  private static void toCart(AxeBrowser browser, Draft draft) {
    browser.open("/antrag/meldebescheinigung/" + draft.id() + "/pruefen");
    for (WebElement box : browser.driver().findElements(By.name("erklaerung"))) {
      if (!box.isSelected()) {
        box.click();
      }
    }
    browser.click("button[name=_ziel]");
    assertThat(browser.currentPath()).isEqualTo("/warenkorb");
  }

  private boolean waiting(Draft draft) {
    String reference = drafts.get(draft.id()).submittedReference();
    return reference != null
        && "WARTET_AUF_ZAHLUNG"
            .equals(
                jdbc.sql("select status from antrag where reference = ?")
                    .param(reference)
                    .query(String.class)
                    .single());
  }

  private Payment paid(Draft draft) {
    String reference = drafts.get(draft.id()).submittedReference();
    List<Payment> all = payments.ofAntrag(reference);
    assertThat(all).hasSize(1);
    assertThat(all.getFirst().status()).isEqualTo(PaymentStatus.PAID);
    return all.getFirst();
  }
}
