package de.amtsweg.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import de.amtsweg.fachverfahren.Hundesteuerregister;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The tenant admin's delivery cockpit and route page, in the browser without JavaScript: states in
 * words, attempts and errors, a retry button, the alert for late acknowledgements, validated routes
 * with a secret shown once, and every page scoped to the admin's own tenant.
 */
class DeliveryCockpitIT extends PushFixture {

  static final String ERFURT = "160510000000";
  static final String COCKPIT = "/verwaltung/zustellung";
  static final String ROUTE = "/verwaltung/zustellung/wege/hundesteuer";

  @Test
  void theCockpitShowsStatesAttemptsAndErrorsAndRetriesAFailedPush() {
    Hundesteuerregister register = webhookRoute().failNext(1);
    String reference = submit(JENA);
    assertThat(worker.runOnce().failed()).isEqualTo(1);
    Browser admin = admin("jena");

    Document page = Browser.page(admin.get(COCKPIT));
    Element row = page.getElementById("delivery-" + reference);
    assertThat(row).as(page.text()).isNotNull();
    assertThat(row.text())
        .contains(
            "Hundesteuer",
            "Webhook an das Fachverfahren",
            "Fehlgeschlagen, neuer Versuch folgt",
            "HTTP 503",
            "eingereicht");
    assertThat(row.select("td").get(4).text()).isEqualTo("1");
    assertThat(row.select("form button").text()).isEqualTo("Erneut senden: " + reference);
    assertThat(
            Browser.page(admin.get(COCKPIT + "?status=FAILED"))
                .getElementById("delivery-" + reference))
        .isNotNull();
    assertThat(
            Browser.page(admin.get(COCKPIT + "?status=ACKNOWLEDGED"))
                .getElementById("delivery-" + reference))
        .isNull();
    assertThat(
            Browser.page(admin.get(COCKPIT + "?typ=ANTRAG"))
                .getElementById("delivery-" + reference))
        .as("one cockpit for Anträge and e-invoices, filtered by kind")
        .isNotNull();
    assertThat(
            Browser.page(admin.get(COCKPIT + "?typ=E_RECHNUNG"))
                .getElementById("delivery-" + reference))
        .isNull();
    assertThat(
            Browser.page(admin("jena").get(COCKPIT + "?status=FAILED&lang=en"))
                .getElementById("delivery-" + reference)
                .text())
        .contains("Failed, will be tried again", "Webhook to the Fachverfahren");

    String retry = row.selectFirst("form").attr("action");
    assertThat(admin.post(retry, Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
    HttpResponse<String> retried = admin.submit(retry, Browser.csrf(page), Map.of());
    assertThat(retried.statusCode()).isEqualTo(302);
    Document after = Browser.page(admin.follow(retried));
    assertThat(after.getElementById("notice").text()).contains(reference);
    Delivery queued = delivery(reference);
    assertThat(queued.state()).isEqualTo(DeliveryState.QUEUED);
    assertThat(queued.attempts()).as("a fresh series of attempts").isZero();
    assertThat(after.getElementById("delivery-" + reference).text())
        .contains("Wartet")
        .doesNotContain("Erneut senden");

    assertThat(worker.runOnce().delivered()).isEqualTo(1);
    assertThat(register.distinctKeys()).isEqualTo(1);
    assertThat(Browser.page(admin.get(COCKPIT)).getElementById("delivery-" + reference).text())
        .contains("Zugestellt");
  }

  @Test
  void aTenantAdminSeesAndChangesOnlyTheOwnTenantsDeliveriesAndRoutes() {
    String erfurts = submit(ERFURT);
    Delivery erfurt = delivery(erfurts);
    Browser jena = admin("jena");

    assertThat(jena.get(COCKPIT).body()).doesNotContain(erfurts);
    Document page = Browser.page(jena.get(COCKPIT));
    HttpResponse<String> foreignRetry =
        jena.submit(COCKPIT + "/" + erfurt.id() + "/erneut", Browser.csrf(page), Map.of());
    assertThat(foreignRetry.statusCode()).isEqualTo(404);

    Document form = Browser.page(jena.get(ROUTE));
    HttpResponse<String> saved =
        jena.submit(ROUTE, Browser.csrf(form), Map.of("channel", "CASE_INBOX"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(routes.of(JENA, APP)).isEqualTo(DeliveryChannel.CASE_INBOX);
    assertThat(routes.of(ERFURT, APP))
        .as("Erfurt's route is Erfurt's")
        .isEqualTo(DeliveryChannel.PULL_API);
    assertThat(jena.get("/verwaltung/zustellung/wege/foerderung-egovernment").statusCode())
        .as("an app Jena has not switched on")
        .isEqualTo(404);

    Browser erfurtAdmin = admin("erfurt");
    assertThat(erfurtAdmin.get(COCKPIT).body()).contains(erfurts);
    Browser caseworker = browser();
    caseworker.signIn("sachbearbeitung-jena", DEMO_PASSWORD);
    assertThat(caseworker.get(COCKPIT).statusCode()).as("admins only").isEqualTo(403);
    assertThat(caseworker.get(ROUTE).statusCode()).isEqualTo(403);
  }

  @Test
  void theRoutePageValidatesEveryFieldAndShowsANewSecretOnlyOnce() throws Exception {
    Browser admin = admin("jena");
    Document list = Browser.page(admin.get("/verwaltung/zustellung/wege"));
    assertThat(list.getElementById("route-hundesteuer").text())
        .contains("Abruf durch das Fachverfahren (API)");

    assertThat(
            errors(admin, fields("WEBHOOK", "http://fachverfahren.jena.example/amtsweg", "", "")))
        .containsEntry(
            "webhookUrl",
            "Die Adresse muss mit https:// beginnen, damit die Anträge verschlüsselt übertragen werden.");
    assertThat(errors(admin, fields("WEBHOOK", "fachverfahren jena", "", "")))
        .containsKey("webhookUrl");
    assertThat(errors(admin, fields("WEBHOOK", "", "", "")))
        .containsEntry("webhookUrl", "Geben Sie die Adresse des Fachverfahrens an.");
    ECKey pair = new ECKeyGenerator(Curve.P_256).generate();
    assertThat(
            errors(
                admin,
                fields(
                    "WEBHOOK",
                    "https://fachverfahren.jena.example/amtsweg",
                    pair.toJSONString(),
                    "")))
        .containsOnlyKeys("webhookJwk")
        .extractingByKey("webhookJwk")
        .asString()
        .contains("privaten Teil");
    assertThat(
            errors(
                admin,
                fields(
                    "WEBHOOK",
                    "https://fachverfahren.jena.example/amtsweg",
                    "{\"kty\":\"EC\"}",
                    "")))
        .containsOnlyKeys("webhookJwk");
    assertThat(errors(admin, fields("EMAIL_NOTICE", "", "", "keine-adresse")))
        .containsEntry(
            "noticeEmail",
            "Geben Sie eine E-Mail-Adresse an, zum Beispiel poststelle@stadt.example.");
    assertThat(errors(admin, fields("", "", "", "")))
        .containsEntry("channel", "Wählen Sie einen Zustellweg.");
    assertThat(routes.of(JENA, APP)).as("nothing saved").isEqualTo(DeliveryChannel.PULL_API);

    Document form = Browser.page(admin.get(ROUTE));
    HttpResponse<String> saved =
        admin.submit(
            ROUTE,
            Browser.csrf(form),
            fields(
                "WEBHOOK",
                "https://fachverfahren.jena.example/amtsweg",
                pair.toPublicJWK().toJSONString(),
                ""));
    assertThat(saved.statusCode()).isEqualTo(302);
    Document shown = Browser.page(admin.follow(saved));
    String secret = shown.getElementById("new-secret").text();
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
    Document again = Browser.page(admin.get(ROUTE));
    assertThat(again.getElementById("new-secret")).as("shown once").isNull();
    assertThat(again.getElementById("secret-state").text()).contains("nicht mehr angezeigt");
    assertThat(again.getElementById("webhookUrl").val())
        .isEqualTo("https://fachverfahren.jena.example/amtsweg");
    String stored =
        jdbc.sql(
                "select webhook_secret from delivery_route where tenant_ars = ?"
                    + " and document_type = 'ANTRAG' and subject = ?")
            .params(JENA, APP)
            .query(String.class)
            .single();
    assertThat(stored).startsWith("aesgcm2:account:").doesNotContain(secret.substring(6));
    assertThat(routes.route(JENA, APP).channel()).isEqualTo(DeliveryChannel.WEBHOOK);
    assertThat(
            Browser.page(admin.get("/verwaltung/zustellung/wege"))
                .getElementById("route-hundesteuer")
                .text())
        .contains("Webhook an das Fachverfahren", "https://fachverfahren.jena.example/amtsweg");

    HttpResponse<String> wrongAlert =
        admin.submit(
            "/verwaltung/zustellung/wege/benachrichtigung",
            Browser.csrf(again),
            Map.of("alertEmail", "alarm at jena"));
    assertThat(Browser.page(wrongAlert).getElementById("error-summary").text())
        .contains("E-Mail-Adresse");
    assertThat(
            admin
                .submit(
                    "/verwaltung/zustellung/wege/benachrichtigung",
                    Browser.csrf(again),
                    Map.of("alertEmail", "zustellung@jena.example"))
                .statusCode())
        .isEqualTo(302);
    assertThat(routes.alertEmail(JENA)).isEqualTo("zustellung@jena.example");
  }

  @Test
  void deliveriesNotAcknowledgedInTimeAreShownAndMailedOnce() {
    routes.setAlertEmail(JENA, "alarm@jena.example");
    String reference = submit(JENA);
    jdbc.sql("update delivery set submitted_at = now() - interval '3 days' where id = ?")
        .param(delivery(reference).id())
        .update();

    Element banner = Browser.page(admin("jena").get(COCKPIT)).getElementById("overdue");
    assertThat(banner).isNotNull();
    assertThat(banner.text())
        .contains("länger als 48 Stunden nicht bestätigt", reference, "Wartet");

    worker.runOnce();
    worker.runOnce();
    assertThat(mailsTo("alarm@jena.example"))
        .filteredOn(m -> m.contains("nicht rechtzeitig bestätigt"))
        .singleElement()
        .asString()
        .contains("/verwaltung/zustellung")
        .doesNotContain("Mustermann", "Bello");
  }

  private static Map<String, String> fields(String channel, String url, String jwk, String email) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("channel", channel);
    fields.put("webhookUrl", url);
    fields.put("webhookJwk", jwk);
    fields.put("noticeEmail", email);
    return fields;
  }

  /**
   * Submits the route form; the errors by field, as the page shows them (and the summary links to
   * them).
   */
  private static Map<String, String> errors(Browser admin, Map<String, String> fields) {
    Document form = Browser.page(admin.get(ROUTE));
    HttpResponse<String> response = admin.submit(ROUTE, Browser.csrf(form), fields);
    assertThat(response.statusCode()).isEqualTo(200);
    Document page = Browser.page(response);
    Element summary = page.getElementById("error-summary");
    assertThat(summary).as("error summary").isNotNull();
    Map<String, String> errors = new LinkedHashMap<>();
    for (Element link : summary.select("a[href^=#]")) {
      String field = link.attr("href").substring(1);
      assertThat(page.getElementById(field)).as("the summary links to " + field).isNotNull();
      errors.put(field, link.text());
    }
    return errors;
  }
}
