package de.amtsweg.payment;

import static de.amtsweg.payment.PaymentFixtures.ERFURT;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.ApiClients;
import de.amtsweg.account.TokenEndpoint;
import de.amtsweg.platform.ApiScope;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The caseworkers' payment pages over real HTTP: Erfurt's staff see and refund Erfurt's payments
 * only, tenant admins keep the payment settings (secrets never shown again), and a day's bookings
 * export matches the payments in the database to the cent.
 */
class PaymentAdminIT extends AmtswegIT {

  static final String PASSWORD = "Test-Passwort-2026";
  static final String LANDKREIS_GOTHA = "160670000000";

  @Autowired Payments payments;
  @Autowired PaymentConfigs configs;
  @Autowired ApiClients apiClients;
  @Autowired JdbcClient jdbc;

  @Test
  void aCaseworkerRefundsInPartsWithAReasonAndMistakesAreExplained() {
    Payment payment = paid(ERFURT, 1000, 500);
    Browser erfurt = staff("sachbearbeitung-erfurt");
    String path = "/verwaltung/zahlungen/" + payment.id();
    Document page = Browser.page(erfurt.get(path));
    assertThat(page.select("#status").text()).isEqualTo("bezahlt");
    assertThat(page.select("#items tbody tr")).hasSize(2);
    assertThat(page.select("#history").text()).contains("Benachrichtigung des Bezahldienstes");
    String csrf = Browser.csrf(page);

    Document noReason =
        Browser.page(
            erfurt.submit(path + "/erstattung", csrf, Map.of("amount", "2,50", "reason", " ")));
    assertThat(noReason.select("#error-summary").text()).contains("Geben Sie eine Begründung an.");
    Document badAmount =
        Browser.page(
            erfurt.submit(path + "/erstattung", csrf, Map.of("amount", "zwei", "reason", "x")));
    assertThat(badAmount.select("#error-summary").text())
        .contains("Geben Sie den Betrag in Euro an");
    assertThat(badAmount.select("#amount").attr("aria-invalid")).isEqualTo("true");
    Document tooMuch =
        Browser.page(
            erfurt.submit(path + "/erstattung", csrf, Map.of("amount", "15,01", "reason", "x")));
    assertThat(tooMuch.select("#error-summary").text())
        .contains("höher als das, was noch erstattet werden kann");
    assertThat(payments.find(payment.id()).orElseThrow().refundedCents()).isZero();

    HttpResponse<String> partly =
        erfurt.submit(
            path + "/erstattung", csrf, Map.of("amount", "2,50", "reason", "Gebühr ermäßigt"));
    assertThat(partly.statusCode()).isEqualTo(302);
    Document after = Browser.page(erfurt.follow(partly));
    assertThat(after.select("#notice").text()).contains("2,50 EUR wurden erstattet.");
    assertThat(after.select("#status").text()).isEqualTo("teilweise erstattet");
    assertThat(after.select("#history").text())
        .contains("Gebühr ermäßigt", "sachbearbeitung-erfurt");

    erfurt.submit(
        path + "/erstattung", csrf, Map.of("amount", "12.5", "reason", "Antrag zurückgenommen"));
    Payment refunded = payments.find(payment.id()).orElseThrow();
    assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(refunded.refundedCents()).isEqualTo(1500);
    assertThat(Browser.page(erfurt.get(path)).select("#refund")).isEmpty();
  }

  @Test
  void staffOfAnotherTenantNeitherSeeNorRefundAPayment() {
    Payment payment = paid(ERFURT, 700);
    Browser erfurt = staff("sachbearbeitung-erfurt");
    Browser jena = staff("sachbearbeitung-jena");

    assertThat(
            Browser.page(erfurt.get("/verwaltung/zahlungen?suche=" + payment.kassenzeichen()))
                .select("#payments")
                .text())
        .contains(payment.kassenzeichen());
    assertThat(
            Browser.page(jena.get("/verwaltung/zahlungen?suche=" + payment.kassenzeichen()))
                .select("#payments"))
        .isEmpty();
    assertThat(jena.get("/verwaltung/zahlungen/" + payment.id()).statusCode()).isEqualTo(404);
    String csrf = Browser.csrf(Browser.page(jena.get("/verwaltung/zahlungen")));
    HttpResponse<String> refund =
        jena.submit(
            "/verwaltung/zahlungen/" + payment.id() + "/erstattung",
            csrf,
            Map.of("amount", "7", "reason", "fremd"));
    assertThat(refund.statusCode()).isEqualTo(404);
    assertThat(payments.find(payment.id()).orElseThrow().refundedCents()).isZero();
    assertThat(browser().get("/verwaltung/zahlungen").statusCode()).isEqualTo(302);
  }

  @Test
  void tenantAdminsKeepThePaymentSettingsAndSecretsAreNeverShownAgain() {
    Browser caseworker = staff("sachbearbeitung-landkreis-gotha");
    assertThat(caseworker.get("/verwaltung/zahlungen/einstellungen").statusCode()).isEqualTo(403);
    Browser admin = staff("verwaltung-landkreis-gotha");
    Document page = Browser.page(admin.get("/verwaltung/zahlungen/einstellungen"));
    assertThat(page.select("#provider option[selected]").attr("value")).isEqualTo("test");
    String csrf = Browser.csrf(page);
    Map<String, String> form =
        new HashMap<>(
            Map.of(
                "provider",
                "xbezahldienste",
                "kassenzeichenScheme",
                "NUMERIC_CHECK_DIGIT",
                "kassenzeichenPrefix",
                "GTH",
                "haushaltsstelle",
                "1.1100.1100",
                "endpointUrl",
                "http://epay.example/xbezahldienste",
                "originatorId",
                "lk-gotha",
                "endpointId",
                "gebuehren",
                "clientId",
                "amtsweg"));

    Document refused =
        Browser.page(admin.submit("/verwaltung/zahlungen/einstellungen", csrf, form));
    assertThat(refused.select("#error-summary").text())
        .contains("1 bis 6 Ziffern", "mit https://", "es ist noch keines gespeichert");

    try {
      form.putAll(
          Map.of(
              "kassenzeichenPrefix",
              "6700",
              "endpointUrl",
              "https://epay.example/xbezahldienste",
              "clientSecret",
              "client-secret-of-gotha-2026",
              "notificationSecret",
              "notification-secret-of-gotha"));
      HttpResponse<String> saved = admin.submit("/verwaltung/zahlungen/einstellungen", csrf, form);
      assertThat(saved.statusCode()).isEqualTo(302);
      Document shown = Browser.page(admin.follow(saved));
      assertThat(shown.select("#notice").text()).contains("gespeichert");
      assertThat(shown.html())
          .doesNotContain("client-secret-of-gotha-2026", "notification-secret-of-gotha");
      assertThat(shown.select("#clientSecret-hint").text())
          .contains("Ein Geheimnis ist gespeichert");
      assertThat(
              jdbc.sql(
                      "select client_secret || notification_secret from payment_config where tenant_ars = ?")
                  .param(LANDKREIS_GOTHA)
                  .query(String.class)
                  .single())
          .startsWith("aesgcm2:account:")
          .doesNotContain("client-secret-of-gotha-2026");
      PaymentConfig config = configs.find(LANDKREIS_GOTHA).orElseThrow();
      assertThat(config.clientSecret()).isEqualTo("client-secret-of-gotha-2026");
      assertThat(config.kassenzeichenScheme()).isEqualTo(KassenzeichenScheme.NUMERIC_CHECK_DIGIT);

      form.remove("clientSecret");
      form.remove("notificationSecret");
      form.put("haushaltsstelle", "1.6100.2000");
      admin.submit("/verwaltung/zahlungen/einstellungen", csrf, form);
      assertThat(configs.find(LANDKREIS_GOTHA).orElseThrow().clientSecret())
          .isEqualTo("client-secret-of-gotha-2026");
      assertThat(configs.find(LANDKREIS_GOTHA).orElseThrow().haushaltsstelle())
          .isEqualTo("1.6100.2000");
    } finally {
      configs.save(
          LANDKREIS_GOTHA,
          new PaymentConfigs.Change(
              "test",
              "LKGTH",
              KassenzeichenScheme.PREFIX_YEAR_NUMBER,
              PaymentConfigs.DEMO_HAUSHALTSSTELLE,
              null,
              null,
              null,
              null,
              null,
              null,
              null),
          "test");
    }
  }

  @Test
  void aDaysBookingsExportMatchesThePaymentsInTheDatabaseToTheCent() throws IOException {
    Payment refundedInPart = paid(ERFURT, 1234, 566);
    paid(ERFURT, 999);
    payments.request(PaymentFixtures.request(ERFURT, 4711));
    payments.refund(ERFURT, refundedInPart.id(), 1300, "Teilerstattung", "sachbearbeitung-erfurt");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    HttpResponse<String> staffCsv =
        staff("sachbearbeitung-erfurt").get("/verwaltung/zahlungen/buchungen?tag=" + today);
    assertThat(staffCsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<CSVRecord> lines = parse(staffCsv.body());

    long paidInDb =
        jdbc.sql(
                "select coalesce(sum(amount_cents), 0) from payment where tenant_ars = ?"
                    + " and paid_at is not null and (paid_at at time zone 'Europe/Berlin')::date = ?")
            .params(ERFURT, today)
            .query(Long.class)
            .single();
    long refundedInDb =
        jdbc.sql(
                "select coalesce(sum(e.amount_cents), 0) from payment_event e join payment p"
                    + " on p.id = e.payment_id where p.tenant_ars = ? and e.source = 'REFUND'"
                    + " and (e.at at time zone 'Europe/Berlin')::date = ?")
            .params(ERFURT, today)
            .query(Long.class)
            .single();
    assertThat(sum(lines, "PAYMENT")).isEqualTo(paidInDb).isGreaterThanOrEqualTo(1234 + 566 + 999);
    assertThat(sum(lines, "REFUND")).isEqualTo(refundedInDb).isGreaterThanOrEqualTo(1300);
    for (CSVRecord line : lines) {
      assertThat(line.get("buchungstag")).isEqualTo(today.toString());
      assertThat(new java.math.BigDecimal(line.get("betrag")).movePointRight(2).longValueExact())
          .isEqualTo(Long.parseLong(line.get("betrag_cent")));
      assertThat(line.get("kassenzeichen")).startsWith("EF-");
    }
    assertThat(
            lines.stream()
                .filter(l -> l.get("kassenzeichen").equals(refundedInPart.kassenzeichen()))
                .map(l -> l.get("typ") + ":" + l.get("haushaltsstelle") + ":" + l.get("betrag")))
        .containsExactly(
            "PAYMENT:1.1100.1100:12.34",
            "PAYMENT:1.1220.1100:5.66",
            "REFUND:1.1100.1100:12.34",
            "REFUND:1.1220.1100:0.66");

    String clientId = "kasse-erfurt-" + UUID.randomUUID().toString().substring(0, 8);
    String secret =
        apiClients
            .register(
                new ApiClients.TenantAdmin("erfurt"),
                new ApiClients.NewClient(
                    clientId,
                    "Kassenverfahren",
                    ApiClients.Owner.tenant("erfurt"),
                    Set.of(ApiScope.ZAHLUNGEN_LESEN)))
            .secret();
    String token = new TokenEndpoint(port).accessToken(clientId, secret, "zahlungen.lesen");
    HttpResponse<String> apiCsv =
        browser().get("/api/v1/payments/bookings?tag=" + today, "Authorization", "Bearer " + token);
    assertThat(apiCsv.statusCode()).isEqualTo(200);
    assertThat(apiCsv.body()).isEqualTo(staffCsv.body());
    HttpResponse<String> noDay =
        browser().get("/api/v1/payments/bookings?tag=gestern", "Authorization", "Bearer " + token);
    assertThat(noDay.statusCode()).isEqualTo(400);
    String other =
        new TokenEndpoint(port).accessToken("fachverfahren-erfurt", PASSWORD, "antraege.lesen");
    assertThat(
            browser()
                .get("/api/v1/payments/bookings?tag=" + today, "Authorization", "Bearer " + other)
                .statusCode())
        .isEqualTo(403);
  }

  private Payment paid(String tenantArs, long... amounts) {
    Payment payment = payments.request(PaymentFixtures.request(tenantArs, amounts));
    Browser payer = browser();
    String path = payment.payUrl().toString();
    payer.submit(path, Browser.csrf(Browser.page(payer.get(path))), Map.of("wahl", "bezahlen"));
    Payment paid = payments.find(payment.id()).orElseThrow();
    assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
    return paid;
  }

  private Browser staff(String username) {
    Browser b = browser();
    b.signIn(username, PASSWORD);
    return b;
  }

  private static List<CSVRecord> parse(String csv) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(';')
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv))
        .getRecords();
  }

  private static long sum(List<CSVRecord> lines, String type) {
    return lines.stream()
        .filter(l -> l.get("typ").equals(type))
        .mapToLong(l -> Long.parseLong(l.get("betrag_cent")))
        .sum();
  }
}
