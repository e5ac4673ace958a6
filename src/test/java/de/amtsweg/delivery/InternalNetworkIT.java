package de.amtsweg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.fachverfahren.Hundesteuerregister;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A tenant admin cannot make the server call into its own network (issue #15, M1): webhook routes
 * of Anträge and e-invoices and the payment service's address are refused with a form error when
 * they lead to cloud metadata, private or otherwise internal addresses, and nothing is stored; a
 * route whose name resolves to such an address later (DNS rebinding) gets no connection, and the
 * cockpit shows the plain reason, not an exception text. The test profile allows loopback, as the
 * demo does; everything else is refused as in production.
 */
class InternalNetworkIT extends PushFixture {

  static final String ERFURT = "160510000000";

  private static final List<String> INTERNAL =
      List.of(
          "https://169.254.169.254/latest/meta-data/",
          "https://10.0.0.1/",
          "https://[::ffff:169.254.169.254]/latest/meta-data/",
          "https://[fd00:ec2::254]/latest/meta-data/",
          "https://0.0.0.0:5432/",
          "https://2852039166/latest/meta-data/",
          "https://0xa9.0xfe.0xa9.0xfe/latest/meta-data/");

  @Test
  void aWebhookRouteIntoTheInternalNetworkIsRefusedWithAFormErrorAndNotStored() {
    Browser admin = admin("erfurt");
    String before = storedRoutes(ERFURT);
    for (String url : INTERNAL) {
      Document form = Browser.page(admin.get("/verwaltung/zustellung/wege/hundesteuer"));
      HttpResponse<String> response =
          admin.submit(
              "/verwaltung/zustellung/wege/hundesteuer",
              Browser.csrf(form),
              Map.of("channel", "WEBHOOK", "webhookUrl", url, "webhookJwk", "", "noticeEmail", ""));
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      Document page = Browser.page(response);
      assertThat(page.select("#error-summary a[href=#webhookUrl]").text())
          .as(url)
          .contains("nicht erlaubt", "internes Netz");
    }
    Document form = Browser.page(admin.get("/verwaltung/zustellung/wege/hundesteuer"));
    Document unknown =
        Browser.page(
            admin.submit(
                "/verwaltung/zustellung/wege/hundesteuer",
                Browser.csrf(form),
                Map.of(
                    "channel", "WEBHOOK",
                    "webhookUrl", "https://fachverfahren.erfurt.invalid/amtsweg",
                    "webhookJwk", "",
                    "noticeEmail", "")));
    assertThat(unknown.select("#error-summary a[href=#webhookUrl]").text())
        .as("a name that does not resolve has its own reason")
        .contains("unbekannt");
    assertThat(storedRoutes(ERFURT)).as("nothing stored").isEqualTo(before);
    assertThat(routes.of(ERFURT, APP)).isEqualTo(DeliveryChannel.PULL_API);
  }

  @Test
  void anEinvoiceExportIntoTheInternalNetworkIsRefusedWithAFormErrorAndNotStored() {
    Browser admin = admin("erfurt");
    String before = storedRoutes(ERFURT);
    for (String url : INTERNAL) {
      Document form = Browser.page(admin.get("/verwaltung/e-rechnungen/export"));
      HttpResponse<String> response =
          admin.submit(
              "/verwaltung/e-rechnungen/export",
              Browser.csrf(form),
              Map.of("kind", "WEBHOOK", "url", url));
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      assertThat(Browser.page(response).select("#error-summary").text())
          .as(url)
          .contains("nicht erlaubt", "internes Netz");
    }
    assertThat(storedRoutes(ERFURT)).as("nothing stored").isEqualTo(before);
  }

  @Test
  void aPaymentServiceInTheInternalNetworkIsRefusedWithAFormErrorAndNotStored() {
    Browser admin = admin("erfurt");
    admin.get(
        "/verwaltung/zahlungen/einstellungen"); // in the demo, the first view stores a default
    String before = paymentConfig(ERFURT);
    for (String url : INTERNAL) {
      Document form = Browser.page(admin.get("/verwaltung/zahlungen/einstellungen"));
      Map<String, String> fields =
          new HashMap<>(
              Map.of(
                  "provider", "xbezahldienste",
                  "kassenzeichenScheme", "PREFIX_YEAR_NUMBER",
                  "kassenzeichenPrefix", "EF",
                  "haushaltsstelle", "1.1100.1100",
                  "endpointUrl", url,
                  "originatorId", "erfurt",
                  "endpointId", "gebuehren",
                  "clientId", "amtsweg",
                  "clientSecret", "client-secret-of-erfurt-2026",
                  "notificationSecret", "notification-secret-of-erfurt"));
      HttpResponse<String> response =
          admin.submit("/verwaltung/zahlungen/einstellungen", Browser.csrf(form), fields);
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      assertThat(Browser.page(response).select("#error-summary a[href=#endpointUrl]").text())
          .as(url)
          .contains("nicht erlaubt", "internes Netz");
    }
    assertThat(paymentConfig(ERFURT)).as("nothing stored").isEqualTo(before);
  }

  @Test
  void aRouteWhoseNameNowResolvesToAnInternalAddressGetsNoConnection() {
    Hundesteuerregister register = webhookRoute();
    // As if the receiver's name had passed the check on save and resolved to this machine since
    // (DNS rebinding): rebound.amtsweg.test is 0.0.0.0 (amtsweg.outbound.static-hosts of the test
    // profile), which reaches the register listening on 127.0.0.1 on Linux and macOS.
    jdbc.sql(
            "update delivery_route set webhook_url = ? where tenant_ars = ?"
                + " and document_type = 'ANTRAG' and subject = ?")
        .params(
            "http://rebound.amtsweg.test:" + register.endpoint().getPort() + "/amtsweg", JENA, APP)
        .update();
    String reference = submit(JENA);

    assertThat(worker.runOnce().failed()).isEqualTo(1);

    assertThat(delivery(reference).lastError()).isEqualTo("blocked");
    assertThat(register.requests()).as("no connection reached the register").isZero();
    String row =
        Browser.page(admin("jena").get("/verwaltung/zustellung"))
            .getElementById("delivery-" + reference)
            .text();
    assertThat(row).contains("Adresse nicht erlaubt").doesNotContain("0.0.0.0", "rebound");
  }

  /** The tenant's stored routes, as one text to compare. */
  private String storedRoutes(String ars) {
    return String.join(
        "\n",
        jdbc.sql(
                "select document_type || '|' || subject || '|' || channel || '|'"
                    + " || coalesce(webhook_url, '-') || '|' || version from delivery_route"
                    + " where tenant_ars = ? order by document_type, subject")
            .param(ars)
            .query(String.class)
            .list());
  }

  private String paymentConfig(String ars) {
    return jdbc.sql(
            "select provider || '|' || coalesce(endpoint_url, '-') || '|' || updated_at"
                + " from payment_config where tenant_ars = ?")
        .param(ars)
        .query(String.class)
        .optional()
        .orElse("none");
  }
}
