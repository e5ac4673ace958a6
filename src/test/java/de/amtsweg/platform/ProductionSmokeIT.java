package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.amtsweg.AmtswegApplication;
import de.amtsweg.support.Browser;
import de.amtsweg.support.StaffSignIn;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Going live, as a Land's operator does it (issue #22): the app in the {@code prod} profile on a
 * fresh database without demo data; the bootstrap operator registers a second factor, creates Stadt
 * Erfurt from the Gemeindeverzeichnis and invites its admin; the admin (invitation by mail,
 * password, authenticator app) switches Hundesteuer on with a case-inbox route and invites a
 * caseworker; a citizen submits; the caseworker signs in with password and code and opens the
 * Antrag. Every step over HTTP; mail through a real SMTP server.
 */
class ProductionSmokeIT {

  private static final String ERFURT = "160510000000";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aMunicipalityGoesLiveFromAnEmptyInstallation() throws Exception {
    GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AmtswegApplication.class)
            .profiles("prod")
            .run(
                "--server.port=0",
                "--amtsweg.data-dir=target/it-data/smoke-" + System.nanoTime(),
                "--amtsweg.embedded-database.ephemeral=true",
                "--amtsweg.account.secret-key=q7V3m0xkC0oJ9WcU1o8m2cXo3rBvR0bS9Q8m3q4m5d0=",
                "--amtsweg.bootstrap-operator.username=Landesbetrieb",
                "--amtsweg.bootstrap-operator.password=Ein-langes-Startpasswort",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--amtsweg.mail.poll-interval=200ms",
                "--amtsweg.public-url=https://portal.example")) {
      URI base =
          URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));

      // The bootstrap operator: password, then the second factor it must register.
      Browser operator = new Browser(base);
      assertThat(location(operator.signIn("landesbetrieb", "Ein-langes-Startpasswort")))
          .endsWith("/anmelden/zweiter-faktor");
      StaffSignIn.registerAuthenticator(operator);

      // Stadt Erfurt from the Gemeindeverzeichnis: search, pick, save.
      Document found = Browser.page(operator.get("/admin/mandanten/neu?q=Erfurt"));
      assertThat(found.select("li[data-ars=" + ERFURT + "]")).isNotEmpty();
      Document form = Browser.page(operator.get("/admin/mandanten/neu?ars=" + ERFURT));
      Map<String, String> tenant = new LinkedHashMap<>();
      form.select(
              "form[action=/admin/mandanten] input[name], form[action=/admin/mandanten] textarea")
          .forEach(e -> tenant.put(e.attr("name"), e.is("textarea") ? e.text() : e.val()));
      tenant.remove("_csrf");
      tenant.put("slug", "erfurt");
      tenant.put("contactEmail", "buergerservice@erfurt.example");
      HttpResponse<String> created =
          operator.submit("/admin/mandanten", Browser.csrf(form), tenant);
      assertThat(location(created)).endsWith("/admin/mandanten/erfurt");
      String invite = Browser.page(operator.follow(created)).select("#invite-staff").attr("href");

      // "Verwaltung einladen": the tenant and the role are preselected.
      Document inviteForm = Browser.page(operator.get(invite));
      assertThat(inviteForm.select("#tenant option[selected]").val()).isEqualTo("erfurt");
      HttpResponse<String> invited =
          operator.submit(
              "/admin/mitarbeitende/einladen",
              Browser.csrf(inviteForm),
              Map.of(
                  "email", "verwaltung@erfurt.example",
                  "displayName", "Verwaltung Erfurt",
                  "role", "TENANT_ADMIN",
                  "tenant", "erfurt"));
      assertThat(location(invited)).endsWith("/admin/mitarbeitende");

      // The admin accepts by mail: password, authenticator app.
      Browser admin = new Browser(base);
      StaffSignIn.acceptInvitation(
          admin,
          StaffSignIn.invitationPath(mailTo(smtp, "verwaltung@erfurt.example")),
          "Rathaus Anger Dom Krämerbrücke");
      Document checklist = Browser.page(admin.followAll(admin.get("/verwaltung")));
      assertThat(checklist.select("#readiness-apps").hasClass("readiness-item--done")).isFalse();

      // Hundesteuer on, its Anträge to the case inbox.
      Document appPage = Browser.page(admin.get("/verwaltung/apps/hundesteuer"));
      assertThat(
              admin
                  .post("/verwaltung/apps/hundesteuer/aktivieren", activationFields(appPage))
                  .statusCode())
          .isEqualTo(302);
      String route = "/verwaltung/zustellung/wege/hundesteuer";
      assertThat(
              admin
                  .submit(
                      route,
                      Browser.csrf(Browser.page(admin.get(route))),
                      Map.of("channel", "CASE_INBOX"))
                  .statusCode())
          .isEqualTo(302);
      assertThat(
              Browser.page(admin.followAll(admin.get("/verwaltung")))
                  .select("#readiness-apps")
                  .hasClass("readiness-item--done"))
          .isTrue();

      // The admin invites a caseworker, who accepts with an authenticator app.
      Document caseworkerForm = Browser.page(admin.get("/verwaltung/mitarbeitende/einladen"));
      assertThat(
              location(
                  admin.submit(
                      "/verwaltung/mitarbeitende/einladen",
                      Browser.csrf(caseworkerForm),
                      Map.of(
                          "email", "steuern@erfurt.example",
                          "displayName", "Sachbearbeitung Steuern",
                          "role", "CASEWORKER"))))
          .endsWith("/verwaltung/mitarbeitende");
      String secret =
          StaffSignIn.acceptInvitation(
              new Browser(base),
              StaffSignIn.invitationPath(mailTo(smtp, "steuern@erfurt.example")),
              "Steuerakte Hund Marke Zwanzig");

      // A citizen submits a Hundesteuer Antrag.
      Browser citizen = new Browser(base);
      String example = citizen.get("/api/v1/apps/hundesteuer/example").body();
      HttpResponse<String> submitted =
          citizen.postJson("/api/v1/tenants/" + ERFURT + "/apps/hundesteuer/antraege", example);
      assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
      JsonNode receipt = JSON.readTree(submitted.body());
      String reference = receipt.path("reference").asString();
      assertThat(reference).startsWith("HUND-");

      // The caseworker signs in with password and code, sees the Antrag and opens it.
      Browser caseworker = new Browser(base);
      HttpResponse<String> signedIn =
          StaffSignIn.signIn(
              caseworker,
              "steuern@erfurt.example",
              "Steuerakte Hund Marke Zwanzig",
              StaffSignIn.nextCode(secret));
      assertThat(signedIn.statusCode()).isEqualTo(302);
      assertThat(location(signedIn)).doesNotContain("/anmelden");
      Document inbox = Browser.page(caseworker.get("/verwaltung/vorgaenge"));
      assertThat(inbox.select("#cases a.reference").eachText()).contains(reference);
      HttpResponse<String> opened = caseworker.get("/verwaltung/vorgaenge/" + reference);
      assertThat(opened.statusCode()).isEqualTo(200);
      assertThat(Browser.page(opened).text()).contains(reference, "Mustermann");
    } finally {
      smtp.stop();
    }
  }

  private static String mailTo(GreenMail smtp, String address) throws Exception {
    long until = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < until) {
      for (MimeMessage mail : smtp.getReceivedMessages()) {
        if (mail.getAllRecipients()[0].toString().equals(address)) {
          return String.valueOf(mail.getContent());
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no mail to " + address);
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElse("(no redirect, " + response.statusCode() + ")");
  }

  /** What the activation form sends as it is, with the CSRF token. */
  private static Map<String, String> activationFields(Document page) {
    Element form = page.selectFirst("form[action$=/aktivieren]");
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[name], textarea[name]")) {
      fields.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
    }
    for (Element select : form.select("select[name]")) {
      Element chosen = select.selectFirst("option[selected]");
      fields.put(
          select.attr("name"), chosen == null ? select.selectFirst("option").val() : chosen.val());
    }
    return fields;
  }
}
