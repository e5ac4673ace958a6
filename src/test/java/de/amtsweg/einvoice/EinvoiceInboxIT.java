package de.amtsweg.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Leitweg-ID registry, supplier upload, and the tenant-scoped invoice inbox with its status
 * workflow.
 */
class EinvoiceInboxIT extends AmtswegIT {

  static final String SUPPLIER = "rechnungen@lieferdienst-thueringen.example";

  @Autowired Einvoices einvoices;
  @Autowired de.amtsweg.delivery.DeliveryProperties properties;

  @Test
  void tenantAdminsKeepTheirLeitwegIdsAndCaseworkersMayNot() {
    Browser admin = browser();
    admin.signIn("verwaltung-jena", DEMO_PASSWORD);
    Document page = Browser.page(admin.get("/verwaltung/leitweg-ids"));
    assertThat(page.select("tbody code").eachText())
        .contains("04011000-12346-97")
        .doesNotContain("04011000-12345-03");

    String fein =
        "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    String id = "16053000-" + fein + "-" + LeitwegId.checkDigits("16053000" + fein);
    Document added =
        Browser.page(
            admin.followAll(
                admin.submit(
                    "/verwaltung/leitweg-ids",
                    Browser.csrf(page),
                    Map.of("leitwegId", id.toLowerCase(), "description", "Schulverwaltungsamt"))));
    assertThat(added.select("tbody code").eachText()).contains(id);

    Document wrong =
        Browser.page(
            admin.submit(
                "/verwaltung/leitweg-ids",
                Browser.csrf(page),
                Map.of(
                    "leitwegId",
                    "16053000-"
                        + fein
                        + "-00"
                            .replace(
                                "-00",
                                "-"
                                    + (LeitwegId.checkDigits("16053000" + fein).equals("00")
                                        ? "01"
                                        : "00")))));
    assertThat(wrong.select("#error-summary").text()).contains("Prüfziffer");
    Document malformed =
        Browser.page(
            admin.submit(
                "/verwaltung/leitweg-ids", Browser.csrf(page), Map.of("leitwegId", "Jena")));
    assertThat(malformed.select("#error-summary").text()).contains("keine Leitweg-ID");

    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-jena", DEMO_PASSWORD);
    assertThat(caseworker.get("/verwaltung/leitweg-ids").statusCode()).isEqualTo(403);
    Browser operator = browser();
    operator.signIn("betrieb", DEMO_PASSWORD);
    assertThat(Browser.page(operator.get("/admin/leitweg-ids")).select("tbody code").eachText())
        .contains(id, "04011000-12345-03");
  }

  @Test
  void theSupplierUploadsAndReadsTheReportInGerman() {
    Browser supplier = browser();
    supplier.logIn(SUPPLIER, DEMO_PASSWORD);
    Document page = Browser.page(supplier.get("/konto/e-rechnungen"));
    HttpResponse<String> ok =
        supplier.upload(
            "/konto/e-rechnungen",
            Browser.csrf(page),
            "file",
            "rechnung.xml",
            "application/xml",
            EinvoiceApiIT.numbered(EinvoiceApiIT.STANDARD));
    Document report = Browser.page(supplier.follow(ok));
    assertThat(report.select("#verdict").text()).contains("gültige XRechnung");
    assertThat(report.select("#status").text()).isEqualTo("Eingegangen");

    byte[] invalid =
        new String(EinvoiceApiIT.numbered(EinvoiceApiIT.STANDARD), StandardCharsets.UTF_8)
            .replace("<ram:BuyerReference>04011000-12345-03</ram:BuyerReference>", "")
            .getBytes(StandardCharsets.UTF_8);
    Document rejected =
        Browser.page(
            supplier.follow(
                supplier.upload(
                    "/konto/e-rechnungen",
                    Browser.csrf(page),
                    "file",
                    "rechnung.xml",
                    "application/xml",
                    invalid)));
    assertThat(rejected.select("#verdict").text()).contains("nicht gültig");
    assertThat(rejected.select("#findings").text())
        .contains("BR-DE-15", "Die Leitweg-ID (BT-10, Käuferreferenz) fehlt");
    assertThat(rejected.select("#status").text()).isEqualTo("Zurückgewiesen");

    Document binary =
        Browser.page(
            supplier.upload(
                "/konto/e-rechnungen",
                Browser.csrf(page),
                "file",
                "bild.png",
                "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}));
    assertThat(binary.select("#error-summary").text()).contains("weder XML");
    assertThat(Browser.page(supplier.get("/konto/e-rechnungen")).select("#invoices li"))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void staffOfAnotherTenantGetNotFound() {
    Einvoices.Invoice invoice = submit();
    Browser erfurt = browser();
    erfurt.signIn("sachbearbeitung-erfurt", DEMO_PASSWORD);
    Browser jena = browser();
    jena.signIn("sachbearbeitung-jena", DEMO_PASSWORD);

    assertThat(
            Browser.page(erfurt.get("/verwaltung/e-rechnungen"))
                .select("#invoices a")
                .eachAttr("href"))
        .anyMatch(href -> href.endsWith(invoice.id().toString()));
    assertThat(erfurt.get("/verwaltung/e-rechnungen/" + invoice.id()).statusCode()).isEqualTo(200);
    assertThat(jena.get("/verwaltung/e-rechnungen/" + invoice.id()).statusCode()).isEqualTo(404);
    assertThat(jena.get("/verwaltung/e-rechnungen/" + invoice.id() + "/original").statusCode())
        .isEqualTo(404);
    assertThat(
            Browser.page(jena.get("/verwaltung/e-rechnungen"))
                .select("#invoices a")
                .eachAttr("href"))
        .noneMatch(href -> href.endsWith(invoice.id().toString()));
    Document form = Browser.page(jena.get("/verwaltung/e-rechnungen"));
    assertThat(
            jena.submit(
                    "/verwaltung/e-rechnungen/" + invoice.id() + "/status",
                    Browser.csrf(form),
                    Map.of("status", "GEPRUEFT", "version", "0"))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void theWorkflowEndsInTheExportOrARejectionTheSupplierSees() throws Exception {
    Browser erfurt = browser();
    erfurt.signIn("sachbearbeitung-erfurt", DEMO_PASSWORD);
    Einvoices.Invoice exported = submit();
    Document detail = Browser.page(erfurt.get("/verwaltung/e-rechnungen/" + exported.id()));
    assertThat(detail.select("#data").text()).contains(exported.invoiceNumber());
    assertThat(detail.select("#lines tbody tr")).isNotEmpty();
    assertThat(erfurt.get("/verwaltung/e-rechnungen/" + exported.id() + "/original").body())
        .contains("CrossIndustryInvoice");
    for (String status : new String[] {"GEPRUEFT", "SACHLICH_RICHTIG", "EXPORTIERT"}) {
      detail =
          Browser.page(
              erfurt.followAll(
                  erfurt.submit(
                      "/verwaltung/e-rechnungen/" + exported.id() + "/status",
                      Browser.csrf(detail),
                      Map.of(
                          "status",
                          status,
                          "version",
                          detail.select("input[name=version]").val()))));
    }
    assertThat(detail.select("#status").text()).isEqualTo("Exportiert");
    Path file = properties.fileDropDirectory().resolve("erfurt").resolve(exported.id() + ".xml");
    assertThat(Files.readString(file)).contains(exported.invoiceNumber());

    Einvoices.Invoice declined = submit();
    Document page = Browser.page(erfurt.get("/verwaltung/e-rechnungen/" + declined.id()));
    HttpResponse<String> noReason =
        erfurt.submit(
            "/verwaltung/e-rechnungen/" + declined.id() + "/status",
            Browser.csrf(page),
            Map.of("status", "ABGELEHNT", "version", "0"));
    assertThat(noReason.statusCode()).isEqualTo(400);
    erfurt.submit(
        "/verwaltung/e-rechnungen/" + declined.id() + "/status",
        Browser.csrf(page),
        Map.of("status", "ABGELEHNT", "version", "0", "reason", "Leistung nicht erbracht"));
    Browser supplier = browser();
    supplier.logIn(SUPPLIER, DEMO_PASSWORD);
    Document seen = Browser.page(supplier.get("/konto/e-rechnungen/" + declined.id()));
    assertThat(seen.select("#status").text()).isEqualTo("Abgelehnt");
    assertThat(seen.select("#reason").text()).contains("Leistung nicht erbracht");
    // The mail says only that something was declined, and where to read why: no invoice data.
    org.jsoup.nodes.Element mail = newestMail(SUPPLIER);
    assertThat(mail.text())
        .contains("Eine E-Rechnung wurde abgelehnt", "/konto/e-rechnungen")
        .doesNotContain(declined.invoiceNumber(), "Leistung nicht erbracht", "Erfurt");
  }

  @Test
  void aSupplierLearnsByMailThatAnInvoiceWasRejectedAtIntakeButIsNotFlooded() {
    UUID organisation = supplierSubmitter().organisationId();
    jdbc.sql("delete from einvoice_supplier_notice where organisation_id = ?")
        .param(organisation)
        .update();
    int before = mailCount(SUPPLIER, "Eine E-Rechnung wurde nicht angenommen");
    byte[] unroutable =
        new String(EinvoiceApiIT.numbered(EinvoiceApiIT.STANDARD), StandardCharsets.UTF_8)
            .replace(">04011000-12345-03<", ">991-33333TEST-33<")
            .getBytes(StandardCharsets.UTF_8);
    Einvoices.Invoice rejected = einvoices.submit(supplierSubmitter(), unroutable);
    assertThat(rejected.status()).isEqualTo(Einvoices.Status.ZURUECKGEWIESEN);

    org.jsoup.nodes.Element mail = newestMail(SUPPLIER);
    assertThat(mail.text())
        .contains("Eine E-Rechnung wurde nicht angenommen", "/konto/e-rechnungen")
        .doesNotContain(rejected.invoiceNumber(), "991-33333TEST-33");
    assertThat(mailCount(SUPPLIER, "Eine E-Rechnung wurde nicht angenommen")).isEqualTo(before + 1);

    byte[] invalid =
        new String(EinvoiceApiIT.numbered(EinvoiceApiIT.STANDARD), StandardCharsets.UTF_8)
            .replace("<ram:BuyerReference>04011000-12345-03</ram:BuyerReference>", "")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(einvoices.submit(supplierSubmitter(), invalid).status())
        .isEqualTo(Einvoices.Status.ZURUECKGEWIESEN);
    assertThat(mailCount(SUPPLIER, "Eine E-Rechnung wurde nicht angenommen"))
        .as("one notice per interval")
        .isEqualTo(before + 1);
  }

  /** The newest mail in the demo's local mailbox for this address. */
  private org.jsoup.nodes.Element newestMail(String to) {
    return java.util.Objects.requireNonNull(
        Browser.page(browser().get("/demo/postfach-mails?an=" + to))
            .selectFirst("article.local-mail"));
  }

  private int mailCount(String to, String subject) {
    return (int)
            Browser.page(browser().get("/demo/postfach-mails?an=" + to))
                .text()
                .split(java.util.regex.Pattern.quote(subject), -1)
                .length
        - 1;
  }

  @Test
  void theOperatorSeesInvoicesNobodyCouldReceive() {
    byte[] xml =
        new String(EinvoiceApiIT.numbered(EinvoiceApiIT.STANDARD), StandardCharsets.UTF_8)
            .replace(">04011000-12345-03<", ">991-33333TEST-33<")
            .getBytes(StandardCharsets.UTF_8);
    Einvoices.Invoice lost = einvoices.submit(supplierSubmitter(), xml);
    assertThat(lost.recipient()).isNull();
    Browser operator = browser();
    operator.signIn("betrieb", DEMO_PASSWORD);
    assertThat(
            Browser.page(operator.get("/admin/e-rechnungen"))
                .select("#invoices a")
                .eachAttr("href"))
        .anyMatch(href -> href.endsWith(lost.id().toString()));
    assertThat(
            Browser.page(operator.get("/admin/e-rechnungen/" + lost.id()))
                .select("#routing")
                .text())
        .contains("bei keiner Behörde");
  }

  private Einvoices.Invoice submit() {
    return einvoices.submit(supplierSubmitter(), EinvoiceApiIT.numbered(EinvoiceApiIT.STANDARD));
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private Einvoices.Submitter supplierSubmitter() {
    UUID organisation =
        jdbc.sql("select organisation_id from api_client where client_id = 'lieferant-demo'")
            .query(UUID.class)
            .single();
    return new Einvoices.Submitter(Einvoices.Channel.API, organisation, "lieferant-demo");
  }
}
