package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.account.TokenEndpoint;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.PaymentPolicy;
import de.amtsweg.appstore.PaymentTerms;
import de.amtsweg.delivery.DeliveryChannel;
import de.amtsweg.delivery.DeliveryRoutes;
import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentStatus;
import de.amtsweg.payment.Payments;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fees paid online, over HTTP as an applicant and the test payment service see it: Erfurt wants the
 * Meldebescheinigung (5,00 €) paid before submission; the Antrag waits, and paying it submits and
 * delivers it. Failure and cancel leave it waiting and payable again. Pay after submission and pay
 * after the Bescheid follow the tenant's policy.
 */
class PaymentFlowIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String OHRDRUF = "160675050053";
  private static final String ERIKA = "erika.mustermann@example.org";
  private static final String JSON = "application/json";

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired AppStore store;
  @Autowired Payments payments;
  @Autowired AntragPayments antragPayments;
  @Autowired JdbcClient jdbc;
  @Autowired DeliveryRoutes routes;

  @Test
  void apiSubmissionWaitsForPaymentAndPayingWithTheTestServiceSubmitsIt() {
    Browser erika = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
    String token = AntragForms.personalAccessToken(erika);
    HttpResponse<String> created =
        browser()
            .postJson(
                antraege(ERFURT, "meldebescheinigung"),
                simpleMeldebescheinigung(),
                "Authorization",
                "Bearer " + token);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String reference = body.get("reference").asString();
    assertThat(body.get("status").asString()).isEqualTo("WARTET_AUF_ZAHLUNG");
    JsonNode payment = body.get("payment");
    assertThat(payment.get("status").asString()).isEqualTo("PENDING");
    assertThat(payment.get("amount").asString()).isEqualTo("5.00");
    assertThat(payment.get("currency").asString()).isEqualTo("EUR");
    assertThat(payment.get("kassenzeichen").asString()).isNotBlank();
    URI payUrl = URI.create(payment.get("payUrl").asString());
    assertThat(payUrl.getPath()).startsWith("/bezahlung/test/");

    // Not submitted yet: no receipt, no delivery, and the status says so.
    JsonNode waiting = status(reference, token);
    assertThat(waiting.get("status").asString()).isEqualTo("WARTET_AUF_ZAHLUNG");
    assertThat(waiting.get("payment").get("payUrl").asString()).isEqualTo(payUrl.toString());
    assertThat(
            erika
                .download("/antrag/eingang/" + reference + "/eingangsbestaetigung.pdf")
                .statusCode())
        .isEqualTo(404);
    assertThat(deliveries(reference)).isZero();

    HttpResponse<String> back = payAtTestService(browser(), payUrl.getPath(), "bezahlen");
    assertThat(back.headers().firstValue("Location").orElseThrow())
        .endsWith("/antrag/eingang/" + reference);

    JsonNode paid = status(reference, token);
    assertThat(paid.get("status").asString()).isEqualTo("EINGEGANGEN");
    assertThat(paid.get("payment").get("status").asString()).isEqualTo("PAID");
    assertThat(paid.get("payment").get("kassenzeichen").asString())
        .isEqualTo(payment.get("kassenzeichen").asString());
    assertThat(paid.get("payment").has("payUrl") && !paid.get("payment").get("payUrl").isNull())
        .isFalse();
    assertThat(types(paid)).containsSubsequence("WAITING_FOR_PAYMENT", "PAYMENT_PAID", "SUBMITTED");
    assertThat(
            jdbc.sql(
                    """
                    select coalesce(h.from_status, '') || '>' || h.to_status || ':' || h.reason
                    from antrag_status_history h join antrag a on a.id = h.antrag_id
                    where a.reference = ? order by h.id
                    """)
                .param(reference)
                .query(String.class)
                .list())
        .as("status history")
        .containsExactly(
            ">WARTET_AUF_ZAHLUNG:awaiting-payment", "WARTET_AUF_ZAHLUNG>EINGEGANGEN:paid");
    ReceiptCheck.of(
        erika.download("/antrag/eingang/" + reference + "/eingangsbestaetigung.pdf").body(),
        reference);
    assertThat(deliveries(reference)).isOne();
    assertThat(answersXml(reference))
        .contains("kassenzeichen=\"" + payment.get("kassenzeichen").asString() + "\"");
  }

  @Test
  void theFachverfahrenSeesThePaymentInTheDeliveredData() {
    routes.set(ERFURT, "meldebescheinigung", DeliveryChannel.PULL_API);
    try {
      Browser erika = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
      String token = AntragForms.personalAccessToken(erika);
      JsonNode created =
          json.readTree(
              browser()
                  .postJson(
                      antraege(ERFURT, "meldebescheinigung"),
                      simpleMeldebescheinigung(),
                      "Authorization",
                      "Bearer " + token)
                  .body());
      JsonNode payment = created.get("payment");
      payAtTestService(
          browser(), URI.create(payment.get("payUrl").asString()).getPath(), "bezahlen");

      String fachverfahren =
          "Bearer "
              + new TokenEndpoint(port)
                  .accessToken("fachverfahren-erfurt", DEMO_PASSWORD, "antraege.lesen");
      String id =
          jdbc.sql("select id::text from delivery where reference = ?")
              .param(created.get("reference").asString())
              .query(String.class)
              .single();
      JsonNode fetched =
          json.readTree(
              browser()
                  .get("/api/v1/delivery/submissions/" + id, "Authorization", fachverfahren)
                  .body());
      assertThat(fetched.get("payment").get("status").asString()).isEqualTo("PAID");
      assertThat(fetched.get("payment").get("amount").asString()).isEqualTo("5.00");
      assertThat(fetched.get("payment").get("kassenzeichen").asString())
          .isEqualTo(payment.get("kassenzeichen").asString());
    } finally {
      routes.set(ERFURT, "meldebescheinigung", DeliveryChannel.CASE_INBOX);
    }
  }

  @Test
  void failureAndCancelLeaveTheAntragWaitingAndPayableAgainWithANewPayment() {
    Browser erika = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
    String token = AntragForms.personalAccessToken(erika);
    JsonNode body =
        json.readTree(
            browser()
                .postJson(
                    antraege(ERFURT, "meldebescheinigung"),
                    simpleMeldebescheinigung(),
                    "Authorization",
                    "Bearer " + token)
                .body());
    String reference = body.get("reference").asString();
    String first = body.get("payment").get("kassenzeichen").asString();

    payAtTestService(
        browser(),
        URI.create(body.get("payment").get("payUrl").asString()).getPath(),
        "fehlschlag");
    JsonNode failed = status(reference, token);
    assertThat(failed.get("status").asString()).isEqualTo("WARTET_AUF_ZAHLUNG");
    assertThat(failed.get("payment").get("status").asString()).isEqualTo("FAILED");
    assertThat(deliveries(reference)).isZero();

    // The applicant's page offers to pay again; that asks for a new payment (new key, new
    // Kassenzeichen).
    String page = erika.get("/antrag/eingang/" + reference).body();
    assertThat(page).contains("Jetzt bezahlen", "fehlgeschlagen");
    // The failure reads as an error, after the heading, with what to do about it.
    Document failedPage = org.jsoup.Jsoup.parse(page);
    assertThat(failedPage.select("h1, #error-summary").first().tagName()).isEqualTo("h1");
    assertThat(failedPage.select("#error-summary h2").text())
        .isEqualTo("Die Zahlung von 5,00 € an Stadt Erfurt ist fehlgeschlagen");
    assertThat(failedPage.select("#error-summary li").eachText())
        .containsExactly(
            "Erneut bezahlen",
            "Später bezahlen: Der Antrag bleibt gespeichert und geht erst nach der Zahlung an"
                + " Stadt Erfurt.",
            "Fragen zur Zahlung: Kontakt zu Stadt Erfurt");
    assertThat(failedPage.select("#error-summary a[href=#pay]")).hasSize(1);
    assertThat(failedPage.select("form#pay button").text()).isEqualTo("Jetzt bezahlen");
    HttpResponse<String> again =
        erika.submit(
            "/antrag/eingang/" + reference + "/bezahlen",
            Browser.csrf(Browser.page(erika.get("/antrag/eingang/" + reference))),
            Map.of());
    String secondPath = URI.create(again.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(secondPath).startsWith("/bezahlung/test/");
    // A reload (or double click) of "pay" finds the same open payment.
    HttpResponse<String> reload =
        erika.submit(
            "/antrag/eingang/" + reference + "/bezahlen",
            Browser.csrf(Browser.page(erika.get("/antrag/eingang/" + reference))),
            Map.of());
    assertThat(URI.create(reload.headers().firstValue("Location").orElseThrow()).getPath())
        .isEqualTo(secondPath);

    payAtTestService(browser(), secondPath, "abbrechen");
    assertThat(
            Browser.page(erika.get("/antrag/eingang/" + reference))
                .select("#error-summary h2")
                .text())
        .isEqualTo("Sie haben die Zahlung von 5,00 € an Stadt Erfurt abgebrochen");
    assertThat(status(reference, token).get("status").asString()).isEqualTo("WARTET_AUF_ZAHLUNG");
    assertThat(status(reference, token).get("payment").get("status").asString())
        .isEqualTo("CANCELLED");

    HttpResponse<String> third =
        erika.submit(
            "/antrag/eingang/" + reference + "/bezahlen",
            Browser.csrf(Browser.page(erika.get("/antrag/eingang/" + reference))),
            Map.of());
    payAtTestService(
        browser(),
        URI.create(third.headers().firstValue("Location").orElseThrow()).getPath(),
        "bezahlen");
    JsonNode paid = status(reference, token);
    assertThat(paid.get("status").asString()).isEqualTo("EINGEGANGEN");
    assertThat(paid.get("payment").get("kassenzeichen").asString()).isNotEqualTo(first);
    List<Payment> all = payments.ofAntrag(reference);
    assertThat(all)
        .extracting(Payment::status)
        .containsExactly(PaymentStatus.FAILED, PaymentStatus.CANCELLED, PaymentStatus.PAID);
    assertThat(all).extracting(Payment::kassenzeichen).doesNotHaveDuplicates();
    assertThat(types(paid))
        .contains("PAYMENT_FAILED", "PAYMENT_CANCELLED", "PAYMENT_PAID", "SUBMITTED");
    assertThat(deliveries(reference)).isOne();

    // Every timeline names the next step; the attempts are details.
    String next =
        "Als Nächstes: Stadt Erfurt prüft Ihren Antrag. Bearbeitungsdauer: meist innerhalb von 5"
            + " Werktagen.";
    assertThat(paid.get("next").asString()).isEqualTo(next);
    paid.get("timeline")
        .forEach(
            e ->
                assertThat(e.get("technical").asBoolean())
                    .as(e.get("type").asString())
                    .isEqualTo(
                        List.of(
                                "PAYMENT_FAILED",
                                "PAYMENT_CANCELLED",
                                "PAYMENT_PENDING",
                                "PAYMENT_CREATED")
                            .contains(e.get("type").asString())));
    Document confirmation = Browser.page(erika.get("/antrag/eingang/" + reference));
    assertThat(confirmation.select("#error-summary")).isEmpty();
    assertThat(confirmation.select(".next-step__text").text()).isEqualTo(next);
    Document mine = Browser.page(erika.get("/konto/antraege/" + reference));
    assertThat(mine.select(".next-step__text").text()).isEqualTo(next);
    assertThat(mine.select(".timeline li").eachText())
        .noneSatisfy(line -> assertThat(line).contains("fehlgeschlagen"))
        .anySatisfy(line -> assertThat(line).contains("Gebühr bezahlt"));
    assertThat(mine.select("details.timeline-details summary").text()).startsWith("Details");
    assertThat(mine.select("details.timeline-details li").eachText())
        .anySatisfy(line -> assertThat(line).contains("Zahlung fehlgeschlagen"))
        .anySatisfy(line -> assertThat(line).contains("Zahlung abgebrochen"));
  }

  @Test
  void payAfterSubmissionSubmitsAtOnceWithThePaymentOpen() {
    de.amtsweg.appstore.Activation activation =
        store.activation(OHRDRUF, "meldebescheinigung").orElseThrow();
    PaymentTerms before = activation.payment();
    Map<String, String> amounts = new java.util.LinkedHashMap<>();
    activation.parameters().forEach((k, v) -> amounts.put(k, v.toString()));
    amounts.put("gebuehrEinfach", "7,00");
    store.activate(OHRDRUF, "meldebescheinigung", amounts, "Test");
    store.setPaymentTerms(
        OHRDRUF,
        "meldebescheinigung",
        new PaymentTerms(PaymentPolicy.AFTER_SUBMISSION, "1.2.3", null),
        "Test");
    try {
      HttpResponse<String> created =
          browser().postJson(antraege(OHRDRUF, "meldebescheinigung"), simpleMeldebescheinigung());
      assertThat(created.statusCode()).isEqualTo(201);
      JsonNode body = json.readTree(created.body());
      assertThat(body.get("status").asString()).isEqualTo("EINGEGANGEN");
      assertThat(body.get("payment").get("status").asString()).isEqualTo("PENDING");
      assertThat(body.get("payment").get("amount").asString())
          .as("the tenant's own amount")
          .isEqualTo("7.00");
      String reference = body.get("reference").asString();
      assertThat(deliveries(reference)).isOne();
      Payment payment = payments.ofAntrag(reference).getFirst();
      assertThat(payment.items().getFirst().haushaltsstelle()).isEqualTo("1.2.3");
      // The receipt was written before the payment existed; the Antrag's page and timeline carry
      // its Kassenzeichen.
      String kassenzeichen = body.get("payment").get("kassenzeichen").asString();
      String token = URI.create(body.get("receipt").asString()).getQuery().replace("token=", "");
      assertThat(
              Browser.page(browser().get("/antrag/eingang/" + reference + "?token=" + token))
                  .select("#payment-heading ~ p")
                  .eachText())
          .contains("Kassenzeichen: " + kassenzeichen);
      assertThat(
              types(
                  json.readTree(
                      browser()
                          .get("/api/v1/antraege/" + reference + "?token=" + token, "Accept", JSON)
                          .body())))
          .contains("PAYMENT_PENDING");
    } finally {
      Map<String, String> old = new java.util.LinkedHashMap<>();
      activation.parameters().forEach((k, v) -> old.put(k, v.toString()));
      store.activate(OHRDRUF, "meldebescheinigung", old, "Test");
      store.setPaymentTerms(OHRDRUF, "meldebescheinigung", before, "Test");
    }
  }

  @Test
  void payAfterTheBescheidTheAuthoritySetsTheAmountAndTheApplicantPaysIt() {
    String example = browser().get("/api/v1/apps/hundesteuer/example", "Accept", JSON).body();
    HttpResponse<String> created = browser().postJson(antraege(OHRDRUF, "hundesteuer"), example);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String reference = body.get("reference").asString();
    assertThat(body.get("status").asString()).isEqualTo("EINGEGANGEN");
    assertThat(body.get("payment").isNull()).as("nothing due before the Bescheid").isTrue();
    String receiptToken =
        URI.create(body.get("receipt").asString()).getQuery().replace("token=", "");

    // Another authority cannot set it; nor can the amount be zero.
    assertThatThrownBy(
            () -> antragPayments.setAmountDue(ERFURT, reference, 9600, "sachbearbeitung-erfurt"))
        .isInstanceOf(AntragManagement.AntragNotFoundException.class);
    assertThatThrownBy(
            () -> antragPayments.setAmountDue(OHRDRUF, reference, 0, "sachbearbeitung-ohrdruf"))
        .isInstanceOf(AntragPayments.NothingDueException.class);

    antragPayments.setAmountDue(OHRDRUF, reference, 9600, "sachbearbeitung-ohrdruf");
    JsonNode due =
        json.readTree(
            browser()
                .get("/api/v1/antraege/" + reference + "?token=" + receiptToken, "Accept", JSON)
                .body());
    assertThat(due.get("payment").get("amount").asString()).isEqualTo("96.00");
    assertThat(due.get("payment").get("status").asString()).isEqualTo("PENDING");
    payAtTestService(
        browser(), URI.create(due.get("payment").get("payUrl").asString()).getPath(), "bezahlen");

    JsonNode paid =
        json.readTree(
            browser()
                .get("/api/v1/antraege/" + reference + "?token=" + receiptToken, "Accept", JSON)
                .body());
    assertThat(paid.get("payment").get("status").asString()).isEqualTo("PAID");
    assertThat(types(paid)).contains("PAYMENT_DUE", "PAYMENT_PAID");
    assertThatThrownBy(
            () -> antragPayments.setAmountDue(OHRDRUF, reference, 100, "sachbearbeitung-ohrdruf"))
        .as("paid is paid")
        .isInstanceOf(AntragPayments.NothingDueException.class);
  }

  /** Chooses at the test payment service; returns its redirect back to Amtsweg. */
  static HttpResponse<String> payAtTestService(Browser browser, String path, String choice) {
    HttpResponse<String> page = browser.get(path);
    assertThat(page.statusCode()).as(path).isEqualTo(200);
    HttpResponse<String> chosen =
        browser.submit(path, Browser.csrf(Browser.page(page)), Map.of("wahl", choice));
    assertThat(chosen.statusCode()).isEqualTo(302);
    return chosen;
  }

  /**
   * The example answers for one simple certificate for the applicant, by post: 5,00 € in Erfurt.
   */
  private String simpleMeldebescheinigung() {
    Map<String, Object> body =
        new java.util.LinkedHashMap<>(
            json.readValue(
                browser().get("/api/v1/apps/meldebescheinigung/example", "Accept", JSON).body(),
                new tools.jackson.core.type.TypeReference<Map<String, Object>>() {}));
    @SuppressWarnings("unchecked")
    Map<String, Object> answers =
        new java.util.LinkedHashMap<>((Map<String, Object>) body.get("answers"));
    CartDrafts.simpleCertificate(answers);
    body.put("answers", answers);
    return json.writeValueAsString(body);
  }

  private JsonNode status(String reference, String token) {
    HttpResponse<String> response =
        browser()
            .get(
                "/api/v1/antraege/" + reference,
                "Accept",
                JSON,
                "Authorization",
                "Bearer " + token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static List<String> types(JsonNode status) {
    List<String> types = new ArrayList<>();
    status.get("timeline").forEach(e -> types.add(e.get("type").asString()));
    return types;
  }

  private int deliveries(String reference) {
    return jdbc.sql("select count(*) from delivery where reference = ?")
        .param(reference)
        .query(Integer.class)
        .single();
  }

  private String answersXml(String reference) {
    return jdbc.sql("select answers_xml from antrag where reference = ?")
        .param(reference)
        .query(String.class)
        .single();
  }

  private static String antraege(String tenant, String app) {
    return "/api/v1/tenants/" + tenant + "/apps/" + app + "/antraege";
  }
}
