package de.amtsweg.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.amtsweg.delivery.DeliveryProperties;
import de.amtsweg.delivery.DeliveryRoutes;
import de.amtsweg.delivery.DeliveryWorker;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export to the finance system along the tenant's route: a webhook (local receiver that fails once)
 * for Jena, a file drop into a sub-folder for Gotha. An invoice is "Exportiert" only after the
 * export succeeded; a failure is shown, can be retried by hand and is retried by itself.
 */
class EinvoiceExportIT extends AmtswegIT {

  static final String LANDKREIS_GOTHA = "160670000000";

  @Autowired Einvoices einvoices;
  @Autowired DeliveryProperties properties;
  @Autowired JdbcClient jdbc;
  @Autowired DeliveryRoutes routes;
  @Autowired DeliveryWorker worker;

  record Received(String body, String timestamp, String signature, String idempotencyKey) {}

  @Test
  void aWebhookGetsTheSignedXmlAndAFailureCanBeRetried() throws Exception {
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/finanzen/e-rechnungen",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  new String(body, StandardCharsets.UTF_8),
                  exchange.getRequestHeaders().getFirst("X-Amtsweg-Timestamp"),
                  exchange.getRequestHeaders().getFirst("X-Amtsweg-Signature"),
                  exchange.getRequestHeaders().getFirst("Idempotency-Key")));
          // The finance system is down the first time.
          exchange.sendResponseHeaders(calls.getAndIncrement() == 0 ? 503 : 204, -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/finanzen/e-rechnungen";
      Browser admin = browser();
      admin.signIn("verwaltung-jena", DEMO_PASSWORD);
      Document form = Browser.page(admin.get("/verwaltung/e-rechnungen/export"));
      Document invalid =
          Browser.page(
              admin.submit(
                  "/verwaltung/e-rechnungen/export",
                  Browser.csrf(form),
                  Map.of("kind", "WEBHOOK", "url", "ftp://finanzen.example/eingang")));
      assertThat(invalid.select("#error-summary").text()).contains("https://");
      Document saved =
          Browser.page(
              admin.followAll(
                  admin.submit(
                      "/verwaltung/e-rechnungen/export",
                      Browser.csrf(form),
                      Map.of("kind", "WEBHOOK", "url", url))));
      assertThat(saved.select("#current").text()).contains(url);
      String key = saved.select("#key").text();
      assertThat(key).hasSizeGreaterThanOrEqualTo(40);
      assertThat(Browser.page(admin.get("/verwaltung/e-rechnungen/export")).select("#key"))
          .as("shown once")
          .isEmpty();
      Browser caseworker = browser();
      caseworker.signIn("sachbearbeitung-jena", DEMO_PASSWORD);
      assertThat(caseworker.get("/verwaltung/e-rechnungen/export").statusCode()).isEqualTo(403);

      Einvoices.Invoice invoice = submitTo("04011000-12346-97");
      Document detail =
          advance(caseworker, invoice.id(), "GEPRUEFT", "SACHLICH_RICHTIG", "EXPORTIERT");
      assertThat(detail.select("#status").text()).isEqualTo("Sachlich richtig");
      assertThat(detail.select("#export-error").text())
          .contains("fehlgeschlagen", "Versuch 1", "HTTP 503");
      assertThat(
              Browser.page(caseworker.get("/verwaltung/e-rechnungen"))
                  .select("#invoices tr:has(a[href$=" + invoice.id() + "])")
                  .text())
          .contains("Export fehlgeschlagen");

      detail = advance(caseworker, invoice.id(), "EXPORTIERT");
      assertThat(detail.select("#status").text()).isEqualTo("Exportiert");
      assertThat(detail.select("#export-error")).isEmpty();
      assertThat(received).hasSize(2);
      assertThat(
              Browser.page(admin.get("/verwaltung/zustellung?typ=E_RECHNUNG"))
                  .select("#deliveries tbody tr")
                  .text())
          .as("the delivery cockpit shows the export next to the Anträge")
          .contains(
              invoice.invoiceNumber(), "E-Rechnung", "Webhook an die Finanzsoftware", "Zugestellt");
      assertThat(
              Browser.page(admin.get("/verwaltung/zustellung/wege"))
                  .select("#route-e-rechnung")
                  .text())
          .as("the route pages name the e-invoices' route too")
          .contains("Webhook an die Finanzsoftware");
      for (Received r : received) {
        assertThat(r.body()).contains("CrossIndustryInvoice", invoice.invoiceNumber());
        assertThat(r.idempotencyKey()).isEqualTo(invoice.id().toString());
        assertThat(r.signature()).isEqualTo("sha256=" + hmac(key, r.timestamp() + "." + r.body()));
        assertThat(Long.parseLong(r.timestamp()))
            .isCloseTo(
                System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
      }
      assertThat(
              jdbc.sql(
                      "select webhook_secret from delivery_route where tenant_ars = '160530000000'"
                          + " and document_type = 'E_RECHNUNG'")
                  .query(String.class)
                  .single())
          .as("stored sealed")
          .startsWith("aesgcm2:account:")
          .doesNotContain(key);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aFailedExportIsRetriedByItselfWithGrowingWaitsAndGivesUpAfterTheLastAttempt()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicBoolean down = new AtomicBoolean(true);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/finanzen",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          calls.incrementAndGet();
          exchange.sendResponseHeaders(down.get() ? 503 : 204, -1);
          exchange.close();
        });
    server.start();
    try {
      routes.configureWebhook(
          LANDKREIS_GOTHA,
          DocumentType.E_RECHNUNG,
          "",
          "http://127.0.0.1:" + server.getAddress().getPort() + "/finanzen",
          true,
          "test");
      Einvoices.Invoice invoice = submitTo("04011000-12347-94");
      Browser caseworker = browser();
      caseworker.signIn("sachbearbeitung-landkreis-gotha", DEMO_PASSWORD);
      Document detail =
          advance(caseworker, invoice.id(), "GEPRUEFT", "SACHLICH_RICHTIG", "EXPORTIERT");
      assertThat(detail.select("#export-error").text()).contains("HTTP 503");

      down.set(false);
      assertThat(worker.runOnce().delivered())
          .as("the first wait (half a minute to a minute) is not over")
          .isZero();
      assertThat(calls).hasValue(1);
      dueNow(invoice.id());
      assertThat(worker.runOnce().delivered()).isEqualTo(1);
      assertThat(calls).hasValue(2);
      assertThat(
              Browser.page(caseworker.get("/verwaltung/e-rechnungen/" + invoice.id()))
                  .select("#status")
                  .text())
          .isEqualTo("Exportiert");

      // After the last attempt nothing is tried by itself any more; the inbox shows the failure.
      down.set(true);
      Einvoices.Invoice other = submitTo("04011000-12347-94");
      advance(caseworker, other.id(), "GEPRUEFT", "SACHLICH_RICHTIG", "EXPORTIERT");
      assertThat(calls).hasValue(3);
      jdbc.sql(
              "update delivery set attempts = ? where document_type = 'E_RECHNUNG' and document_id = ?")
          .params(properties.eRechnung().maxAttempts() - 1, other.id())
          .update();
      dueNow(other.id());
      assertThat(worker.runOnce().failed()).isEqualTo(1);
      assertThat(calls).hasValue(4);
      assertThat(worker.runOnce().failed()).as("given up").isZero();
      assertThat(calls).hasValue(4);
      assertThat(einvoices.ofTenant("landkreis-gotha", other.id()).status())
          .isEqualTo(Einvoices.Status.SACHLICH_RICHTIG);
      assertThat(
              Browser.page(caseworker.get("/verwaltung/e-rechnungen/" + other.id()))
                  .select("#export-error")
                  .text())
          .contains("Versuch " + properties.eRechnung().maxAttempts(), "HTTP 503");

      // Declined after the failures: no retry may take it to the finance system any more.
      Document failedOne = Browser.page(caseworker.get("/verwaltung/e-rechnungen/" + other.id()));
      caseworker.submit(
          "/verwaltung/e-rechnungen/" + other.id() + "/status",
          Browser.csrf(failedOne),
          Map.of(
              "status",
              "ABGELEHNT",
              "version",
              failedOne.select("input[name=version]").val(),
              "reason",
              "Leistung nicht erbracht"));
      assertThat(einvoices.ofTenant("landkreis-gotha", other.id()).status())
          .isEqualTo(Einvoices.Status.ABGELEHNT);
      assertThat(
              jdbc.sql(
                      "select state from delivery where document_type = 'E_RECHNUNG'"
                          + " and document_id = ?")
                  .param(other.id())
                  .query(String.class)
                  .single())
          .isEqualTo("WITHDRAWN");
      dueNow(other.id());
      assertThat(worker.runOnce().failed()).isZero();
      assertThat(calls).as("nothing more reached the finance system").hasValue(4);
      assertThat(
              jdbc.sql(
                      "select from_status || '>' || to_status from einvoice_status_history"
                          + " where einvoice_id = ? order by id")
                  .param(other.id())
                  .query(String.class)
                  .list())
          .as("every change of the invoice's status, written by its gate")
          .containsExactly(
              "EINGEGANGEN>GEPRUEFT", "GEPRUEFT>SACHLICH_RICHTIG", "SACHLICH_RICHTIG>ABGELEHNT");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aFileDropWritesXmlAndMetadataIntoTheChosenFolder() throws Exception {
    Browser admin = browser();
    admin.signIn("verwaltung-gotha", DEMO_PASSWORD);
    Document form = Browser.page(admin.get("/verwaltung/e-rechnungen/export"));
    for (String wrong : new String[] {"../erfurt", "/etc", "eingang/../../erfurt", "a b"}) {
      Document page =
          Browser.page(
              admin.submit(
                  "/verwaltung/e-rechnungen/export",
                  Browser.csrf(form),
                  Map.of("kind", "FILE_DROP", "directory", wrong)));
      assertThat(page.select("#error-summary").text())
          .as(wrong)
          .contains("kein erlaubter Unterordner");
    }
    Document saved =
        Browser.page(
            admin.followAll(
                admin.submit(
                    "/verwaltung/e-rechnungen/export",
                    Browser.csrf(form),
                    Map.of("kind", "FILE_DROP", "directory", "eingang/2026"))));
    assertThat(saved.select("#current").text()).contains("eingang/2026");

    Einvoices.Invoice invoice = submitTo("04011000-12348-91");
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-gotha", DEMO_PASSWORD);
    Document detail =
        advance(caseworker, invoice.id(), "GEPRUEFT", "SACHLICH_RICHTIG", "EXPORTIERT");
    assertThat(detail.select("#status").text()).isEqualTo("Exportiert");

    Path folder =
        properties.fileDropDirectory().resolve("gotha").resolve("eingang").resolve("2026");
    assertThat(Files.readString(folder.resolve(invoice.id() + ".xml")))
        .contains(invoice.invoiceNumber());
    JsonNode metadata =
        JsonMapper.builder()
            .build()
            .readTree(Files.readString(folder.resolve(invoice.id() + ".json")));
    assertThat(metadata.path("invoiceNumber").asString()).isEqualTo(invoice.invoiceNumber());
    assertThat(metadata.path("recipientArs").asString()).isEqualTo("160670029029");
    assertThat(metadata.path("xmlFile").asString()).isEqualTo(invoice.id() + ".xml");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".part"));
    }
  }

  /** The worker may push the invoice's export now (instead of waiting for the backoff). */
  private void dueNow(UUID invoiceId) {
    jdbc.sql(
            "update delivery set next_attempt_at = now() where document_type = 'E_RECHNUNG'"
                + " and document_id = ?")
        .param(invoiceId)
        .update();
  }

  private Document advance(Browser staff, UUID id, String... statuses) {
    Document detail = Browser.page(staff.get("/verwaltung/e-rechnungen/" + id));
    for (String status : statuses) {
      detail =
          Browser.page(
              staff.followAll(
                  staff.submit(
                      "/verwaltung/e-rechnungen/" + id + "/status",
                      Browser.csrf(detail),
                      Map.of(
                          "status",
                          status,
                          "version",
                          detail.select("input[name=version]").val()))));
    }
    return detail;
  }

  private Einvoices.Invoice submitTo(String leitwegId) {
    byte[] xml =
        new String(EinvoiceApiIT.numbered(EinvoiceApiIT.STANDARD), StandardCharsets.UTF_8)
            .replace(">04011000-12345-03<", ">" + leitwegId + "<")
            .getBytes(StandardCharsets.UTF_8);
    UUID organisation =
        jdbc.sql("select organisation_id from api_client where client_id = 'lieferant-demo'")
            .query(UUID.class)
            .single();
    Einvoices.Invoice invoice =
        einvoices.submit(
            new Einvoices.Submitter(Einvoices.Channel.API, organisation, "lieferant-demo"), xml);
    assertThat(invoice.status()).isEqualTo(Einvoices.Status.EINGEGANGEN);
    return invoice;
  }

  private static String hmac(String key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
