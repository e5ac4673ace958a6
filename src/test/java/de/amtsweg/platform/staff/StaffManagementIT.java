package de.amtsweg.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import de.amtsweg.support.StaffSignIn;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Staff management and the staff's second factor, with the factor required as in production:
 * invitations, the login's second step, resets, disabling, the audit log, and the limits of a
 * tenant admin.
 */
@TestPropertySource(properties = "amtsweg.staff.second-factor.required=true")
class StaffManagementIT extends AmtswegIT {

  private static final String PASSWORD = "Laterne-Kiesel-Fagott-91";

  /**
   * The TOTP secrets of the accounts registered so far (the database lives as long as the class).
   */
  private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

  @Autowired JdbcClient jdbc;

  @Test
  void staffWithoutASecondFactorCannotReachTheBackOfficeUntilTheyRegisterOne() {
    Browser caseworker = browser();

    HttpResponse<String> password = caseworker.signIn("sachbearbeitung-gotha", DEMO_PASSWORD);

    assertThat(location(password)).endsWith("/anmelden/zweiter-faktor");
    assertThat(location(caseworker.get("/verwaltung"))).endsWith("/anmelden");
    assertThat(location(caseworker.get("/verwaltung/vorgaenge"))).endsWith("/anmelden");
    assertThat(location(caseworker.get("/anmelden/code")))
        .as("no code to give without a factor")
        .endsWith("/anmelden/zweiter-faktor");

    String secret = StaffSignIn.registerAuthenticator(caseworker);
    SECRETS.put("sachbearbeitung-gotha", secret);
    assertThat(caseworker.get("/verwaltung/postfach-antworten").statusCode()).isEqualTo(200);
  }

  @Test
  void anInvitedTenantAdminSetsAPasswordRegistersTheAppAndThenNeedsACodeAtEveryLogin() {
    Browser operator = signedIn("betrieb");
    Document form = Browser.page(operator.get("/admin/mitarbeitende/einladen"));
    assertThat(form.select("select#role option[value=TENANT_ADMIN]")).hasSize(1);
    assertThat(form.select("select#tenant option[value=jena]")).hasSize(1);

    HttpResponse<String> invited =
        operator.submit(
            "/admin/mitarbeitende/einladen",
            Browser.csrf(form),
            Map.of(
                "email", "Amtsleitung@Jena.example",
                "displayName", "Amtsleitung Jena",
                "role", "TENANT_ADMIN",
                "tenant", "jena"));
    assertThat(location(invited)).endsWith("/admin/mitarbeitende");
    assertThat(Browser.page(operator.follow(invited)).text())
        .contains("Die Einladung an amtsleitung@jena.example ist verschickt.");
    String link = StaffSignIn.invitationPath(mailTo("amtsleitung@jena.example"));

    Browser admin = browser();
    Document invitation = Browser.page(admin.get(link));
    assertThat(invitation.select("#login-name").text()).isEqualTo("amtsleitung@jena.example");
    String token = link.substring(link.indexOf("token=") + 6);
    HttpResponse<String> weak =
        admin.submit(
            "/anmelden/einladung",
            Browser.csrf(invitation),
            Map.of("token", token, "password", "jena12345678", "passwordRepeated", "jena12345678"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(Browser.page(weak).select("#error-summary").text()).contains("zu leicht zu erraten");

    String secret = StaffSignIn.acceptInvitation(admin, link, PASSWORD);
    assertThat(admin.get("/verwaltung/postfach-antworten").statusCode()).isEqualTo(200);
    assertThat(admin.get("/verwaltung/mitarbeitende").statusCode()).isEqualTo(200);
    assertThat(browser().get(link).statusCode()).as("the link works once").isEqualTo(410);

    Browser later = browser();
    assertThat(location(later.signIn("amtsleitung@jena.example", PASSWORD)))
        .endsWith("/anmelden/code");
    assertThat(location(later.get("/verwaltung")))
        .as("the password alone is no login")
        .endsWith("/anmelden");
    Document codeForm = Browser.page(later.get("/anmelden/code"));
    assertThat(
            location(
                later.submit("/anmelden/code", Browser.csrf(codeForm), Map.of("code", "000000"))))
        .endsWith("/anmelden/code?fehler");
    String sessionBefore = later.cookieValue("AMTSWEG_SESSION");
    HttpResponse<String> withCode =
        later.submit(
            "/anmelden/code",
            Browser.csrf(Browser.page(later.get("/anmelden/code?fehler"))),
            Map.of("code", StaffSignIn.nextCode(secret)));
    assertThat(location(withCode)).contains("/verwaltung").doesNotContain("/anmelden");
    assertThat(later.cookieValue("AMTSWEG_SESSION")).isNotEqualTo(sessionBefore);
    assertThat(later.get("/verwaltung/postfach-antworten").statusCode()).isEqualTo(200);

    Document list = Browser.page(operator.get("/admin/mitarbeitende"));
    var row = list.selectFirst("tr[data-username=amtsleitung@jena.example]");
    assertThat(row.text())
        .contains(
            "Amtsleitung Jena", "Verwaltung des Mandanten", "jena", "Authenticator-App", "aktiv")
        .doesNotContain("noch nie");
    assertThat(actions("amtsleitung@jena.example"))
        .containsExactly("INVITED", "INVITATION_ACCEPTED", "FACTOR_REGISTERED");
  }

  @Test
  void aRecoveryCodeWorksOnceAndAResetFactorMustBeRegisteredAgain() {
    String user = invite("verwaltung-erfurt", "kasse@erfurt.example", "CASEWORKER");
    Browser person = browser();
    String link = StaffSignIn.invitationPath(mailTo(user));
    Document invitation = Browser.page(person.get(link));
    String token = link.substring(link.indexOf("token=") + 6);
    person.submit(
        "/anmelden/einladung",
        Browser.csrf(invitation),
        Map.of("token", token, "password", PASSWORD, "passwordRepeated", PASSWORD));
    Document register = Browser.page(person.get("/anmelden/zweiter-faktor"));
    String secret = register.selectFirst("#totp-secret").text().replace(" ", "");
    HttpResponse<String> codesPage =
        person.submit(
            "/anmelden/zweiter-faktor",
            Browser.csrf(register),
            Map.of("code", StaffSignIn.code(secret)));
    var codes = Browser.page(codesPage).select(".recovery-codes code").eachText();
    assertThat(codes).hasSize(10);

    Browser withRecovery = browser();
    assertThat(location(StaffSignIn.signIn(withRecovery, user, PASSWORD, codes.get(3))))
        .endsWith("/verwaltung");
    assertThat(location(StaffSignIn.signIn(browser(), user, PASSWORD, codes.get(3))))
        .as("a recovery code works once")
        .endsWith("/anmelden/code?fehler");

    Browser admin = signedIn("verwaltung-erfurt");
    String id = idOf(user);
    HttpResponse<String> reset =
        admin.submit(
            "/verwaltung/mitarbeitende/" + id + "/zweiter-faktor",
            Browser.csrf(Browser.page(admin.get("/verwaltung/mitarbeitende"))),
            Map.of());
    assertThat(location(reset)).endsWith("/verwaltung/mitarbeitende");
    assertThat(location(withRecovery.get("/verwaltung")))
        .as("the reset ends the person's sessions")
        .endsWith("/anmelden");
    assertThat(location(browser().signIn(user, PASSWORD)))
        .as("the next login registers a new factor")
        .endsWith("/anmelden/zweiter-faktor");
    assertThat(actions(user)).contains("FACTOR_RESET");
    assertThat(
            Browser.page(admin.get("/verwaltung/mitarbeitende/protokoll")).select("#audit").text())
        .contains("zweiten Faktor zurückgesetzt", user)
        .doesNotContain("amtsleitung@jena.example");
  }

  @Test
  void aTenantAdminCannotCreateAnOperatorNorTouchAnotherTenantsStaff() {
    Browser admin = signedIn("verwaltung-ohrdruf");
    Document form = Browser.page(admin.get("/verwaltung/mitarbeitende/einladen"));
    assertThat(form.select("select#role option").eachAttr("value"))
        .containsExactly("CASEWORKER", "TENANT_ADMIN");
    assertThat(form.select("select#tenant")).isEmpty();

    for (String role : new String[] {"PLATFORM_OPERATOR", "APP_EDITOR"}) {
      HttpResponse<String> forged =
          admin.submit(
              "/verwaltung/mitarbeitende/einladen",
              Browser.csrf(form),
              Map.of("email", role + "@evil.example", "displayName", "X", "role", role));
      assertThat(forged.statusCode()).as(role).isEqualTo(403);
    }
    HttpResponse<String> otherTenant =
        admin.submit(
            "/verwaltung/mitarbeitende/einladen",
            Browser.csrf(form),
            Map.of(
                "email", "neu@ohrdruf.example",
                "displayName", "Neu",
                "role", "CASEWORKER",
                "tenant", "jena"));
    assertThat(location(otherTenant)).endsWith("/verwaltung/mitarbeitende");
    assertThat(
            jdbc.sql("select tenant_slug from staff_account where username like '%evil.example'")
                .query(String.class)
                .list())
        .isEmpty();
    assertThat(
            jdbc.sql("select tenant_slug from staff_account where username = 'neu@ohrdruf.example'")
                .query(String.class)
                .single())
        .as("a forged tenant field is ignored")
        .isEqualTo("ohrdruf");

    String jenaCaseworker = idOf("sachbearbeitung-jena");
    String operator = idOf("betrieb");
    String csrf = Browser.csrf(Browser.page(admin.get("/verwaltung/mitarbeitende")));
    for (String action : new String[] {"sperren", "einladen", "zweiter-faktor"}) {
      assertThat(
              admin
                  .submit(
                      "/verwaltung/mitarbeitende/" + jenaCaseworker + "/" + action, csrf, Map.of())
                  .statusCode())
          .as(action)
          .isEqualTo(404);
      assertThat(
              admin
                  .submit("/verwaltung/mitarbeitende/" + operator + "/" + action, csrf, Map.of())
                  .statusCode())
          .isEqualTo(404);
    }
    assertThat(
            jdbc.sql("select enabled from staff_account where username = 'sachbearbeitung-jena'")
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(admin.get("/admin/mitarbeitende").statusCode()).isEqualTo(403);
    assertThat(Browser.page(admin.get("/verwaltung/mitarbeitende")).select("#staff").text())
        .doesNotContain("sachbearbeitung-jena", "betrieb");
    assertThat(browserOf("sachbearbeitung-ohrdruf").get("/verwaltung/mitarbeitende").statusCode())
        .as("caseworkers manage no one")
        .isEqualTo(403);
  }

  @Test
  void anExpiredOrReplacedInvitationNoLongerWorks() {
    String user = invite("betrieb", "redaktion@thueringen.example", "APP_EDITOR", "thueringen");
    String first = StaffSignIn.invitationPath(mailTo(user));
    assertThat(browser().get(first).statusCode()).isEqualTo(200);

    Browser operator = signedIn("betrieb");
    operator.submit(
        "/admin/mitarbeitende/" + idOf(user) + "/einladen",
        Browser.csrf(Browser.page(operator.get("/admin/mitarbeitende"))),
        Map.of());
    String second = StaffSignIn.invitationPath(mailTo(user));
    assertThat(second).isNotEqualTo(first);
    HttpResponse<String> replaced = browser().get(first);
    assertThat(replaced.statusCode()).isEqualTo(410);
    assertThat(Browser.page(replaced).select("#invitation-invalid").text())
        .contains("abgelaufen, schon benutzt oder durch eine neuere Einladung ersetzt");

    jdbc.sql(
            """
            update staff_invitation set expires_at = now() - interval '1 minute'
            where staff_account_id = (select id from staff_account where username = ?)
            """)
        .param(user)
        .update();
    assertThat(browser().get(second).statusCode()).isEqualTo(410);
    assertThat(actions(user)).containsExactly("INVITED", "REINVITED");
  }

  @Test
  void aDisabledAccountLosesItsSessionsAndCannotLogIn() {
    Browser caseworker = signedIn("sachbearbeitung-landkreis-gotha");
    assertThat(caseworker.get("/verwaltung/postfach-antworten").statusCode()).isEqualTo(200);

    Browser operator = signedIn("betrieb");
    HttpResponse<String> disabled =
        operator.submit(
            "/admin/mitarbeitende/" + idOf("sachbearbeitung-landkreis-gotha") + "/sperren",
            Browser.csrf(Browser.page(operator.get("/admin/mitarbeitende"))),
            Map.of());
    assertThat(location(disabled)).endsWith("/admin/mitarbeitende");

    assertThat(location(caseworker.get("/verwaltung"))).endsWith("/anmelden");
    assertThat(location(browser().signIn("sachbearbeitung-landkreis-gotha", DEMO_PASSWORD)))
        .endsWith("/anmelden?fehler");
    assertThat(Browser.page(operator.get("/admin/mitarbeitende/protokoll")).select("#audit").text())
        .contains("gesperrt", "sachbearbeitung-landkreis-gotha", "betrieb");

    operator.submit(
        "/admin/mitarbeitende/" + idOf("sachbearbeitung-landkreis-gotha") + "/entsperren",
        Browser.csrf(Browser.page(operator.get("/admin/mitarbeitende"))),
        Map.of());
    assertThat(actions("sachbearbeitung-landkreis-gotha")).endsWith("DISABLED", "ENABLED");
  }

  /** Invites through the page of the inviting staff member; returns the new login name. */
  private String invite(String by, String email, String role) {
    return invite(by, email, role, null);
  }

  private String invite(String by, String email, String role, String tenant) {
    Browser inviter = signedIn(by);
    String base = by.equals("betrieb") ? "/admin/mitarbeitende" : "/verwaltung/mitarbeitende";
    Map<String, String> fields = new java.util.HashMap<>();
    fields.put("email", email);
    fields.put("displayName", "Eingeladen " + role);
    fields.put("role", role);
    if (tenant != null) {
      fields.put("tenant", tenant);
    }
    HttpResponse<String> invited =
        inviter.submit(
            base + "/einladen",
            Browser.csrf(Browser.page(inviter.get(base + "/einladen"))),
            fields);
    assertThat(location(invited)).endsWith(base);
    return email;
  }

  /** A browser signed in as the demo account, registering its factor the first time. */
  private Browser signedIn(String username) {
    return browserOf(username);
  }

  private Browser browserOf(String username) {
    Browser browser = browser();
    String secret = SECRETS.get(username);
    if (secret == null) {
      assertThat(location(browser.signIn(username, DEMO_PASSWORD)))
          .endsWith("/anmelden/zweiter-faktor");
      SECRETS.put(username, StaffSignIn.registerAuthenticator(browser));
      return browser;
    }
    // A code works once per step; tests sign the same person in many times within seconds.
    jdbc.sql(
            "update staff_totp set last_step = 0 where staff_account_id = (select id from staff_account where username = ?)")
        .param(username)
        .update();
    assertThat(
            location(
                StaffSignIn.signIn(browser, username, DEMO_PASSWORD, StaffSignIn.code(secret))))
        .doesNotContain("/anmelden");
    return browser;
  }

  private String mailTo(String recipient) {
    return jdbc.sql(
            "select body from outbound_mail where recipient = ? order by created_at desc limit 1")
        .param(recipient)
        .query(String.class)
        .single();
  }

  private String idOf(String username) {
    return jdbc.sql("select id::text from staff_account where username = ?")
        .param(username)
        .query(String.class)
        .single();
  }

  private java.util.List<String> actions(String target) {
    return jdbc.sql("select action from staff_audit where target_username = ? order by id")
        .param(target)
        .query(String.class)
        .list();
  }

  private static String location(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElse("(no redirect " + response.statusCode() + ")");
  }
}
