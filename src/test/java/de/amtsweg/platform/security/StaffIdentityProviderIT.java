package de.amtsweg.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import testsupport.idp.TestIdentityProvider;

/**
 * Staff sign-in through the administration's identity provider, against a real OpenID Connect
 * provider (Spring Authorization Server) started by the test: the operator configures it over the
 * admin pages, and people of the provider's directory sign in by their {@code groups} claim.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffIdentityProviderIT extends AmtswegIT {

  static final String KEY = TestIdentityProvider.STAFF_KEY;
  static final String GROUP = "amtsweg-erfurt-sachbearbeitung";
  static final String BASE = "/admin/anmeldung/anbieter";

  private ConfigurableApplicationContext idp;
  private String issuer;

  @Autowired JdbcClient jdbc;

  @BeforeAll
  void startProvider() {
    idp = TestIdentityProvider.start();
    issuer = "http://127.0.0.1:" + idp.getEnvironment().getProperty("local.server.port");
  }

  /**
   * The other tests share this application: they get the login page and staff accounts as before.
   */
  @AfterAll
  void removeProviderAndStop() {
    jdbc.sql(
            "delete from staff_account where id in (select staff_account_id from staff_federated_identity)")
        .update();
    jdbc.sql("delete from staff_identity_provider").update();
    jdbc.sql("delete from staff_tenant_sign_in").update();
    if (idp != null) {
      idp.close();
    }
  }

  /** The provider for Stadt Erfurt, configured by the operator through the forms, once. */
  @BeforeEach
  void providerConfigured() {
    if (jdbc.sql("select count(*) from staff_identity_provider where key = ?")
            .param(KEY)
            .query(Integer.class)
            .single()
        == 0) {
      Browser operator = operator();
      HttpResponse<String> saved =
          operator.submit(
              BASE, Browser.csrf(Browser.page(operator.get(BASE + "/neu"))), providerForm());
      assertThat(saved.headers().firstValue("Location").orElseThrow())
          .endsWith(BASE + "/" + KEY + "?gespeichert");
      Document page = Browser.page(operator.get(BASE + "/" + KEY));
      assertThat(page.select("#redirect-uri").text()).endsWith("/login/oauth2/code/staff-" + KEY);
      HttpResponse<String> mapped =
          operator.submit(
              BASE + "/" + KEY + "/zuordnungen",
              Browser.csrf(page),
              Map.of("claimValue", GROUP, "role", "CASEWORKER", "mappingTenant", ""));
      assertThat(mapped.headers().firstValue("Location").orElseThrow())
          .endsWith(BASE + "/" + KEY + "?zuordnung");
    }
  }

  /** Whatever a test changed of the tenants' settings and accounts goes back. */
  @AfterEach
  void restore() {
    jdbc.sql("delete from staff_tenant_sign_in").update();
    jdbc.sql("update staff_account set enabled = true where username like ?")
        .param(KEY + ":%")
        .update();
  }

  @Test
  void aGroupOfTheProviderSignsInACaseworkerOfStadtErfurt() {
    assertThat(staffOf(KEY)).as("no account before the first sign-in").isEmpty();
    Browser staff = browser127();

    HttpResponse<String> landed = signInThroughProvider(staff, "erika");

    assertThat(landed.uri().getPath()).startsWith("/verwaltung/");
    List<Map<String, Object>> accounts = staffOf(KEY);
    assertThat(accounts).hasSize(1);
    assertThat(accounts.getFirst())
        .containsEntry("role", "CASEWORKER")
        .containsEntry("tenant_slug", "erfurt")
        .containsEntry("display_name", "Erika Amtmann")
        .containsEntry("password_hash", StaffIdentityProviderLogin.NO_PASSWORD);

    List<String> own = references(staff);
    List<String> gotha = references(staffWithPassword("sachbearbeitung-gotha"));
    assertThat(gotha).as("Gotha has demo cases").isNotEmpty();
    assertThat(own)
        .as("Erfurt's inbox, the same the password caseworker of Erfurt sees")
        .isEqualTo(references(staffWithPassword("sachbearbeitung-erfurt")))
        .doesNotContainAnyElementsOf(gotha);
    assertThat(staff.get("/verwaltung/vorgaenge/" + gotha.getFirst()).statusCode()).isEqualTo(404);
    assertThat(staff.get("/admin/mandanten").statusCode()).isEqualTo(403);

    Browser again = browser127();
    assertThat(signInThroughProvider(again, "erika").uri().getPath()).startsWith("/verwaltung/");
    assertThat(staffOf(KEY)).as("the same account at the next sign-in").hasSize(1);
    assertThat(
            browser127()
                .signIn(
                    (String) accounts.getFirst().get("username"),
                    StaffIdentityProviderLogin.NO_PASSWORD)
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .as("an account of the provider has no password")
        .endsWith("/anmelden?fehler");
  }

  @Test
  void withoutAMatchingGroupTheSignInIsRefusedAndNothingIsCreated() {
    int before = staffOf(KEY).size();
    Browser stranger = browser127();

    HttpResponse<String> refused = signInThroughProvider(stranger, "otto");

    assertThat(refused.uri().getPath()).isEqualTo("/anmelden");
    assertThat(Browser.page(refused).select("#provider-error").text())
        .contains("keine Gruppe oder Rolle, die in Amtsweg zugeordnet ist");
    assertThat(staffOf(KEY)).hasSize(before);
    assertThat(stranger.get("/verwaltung").statusCode()).isEqualTo(302);
  }

  @Test
  void aChangedMappingCountsAtTheNextSignInAndADisabledAccountStaysOut() {
    assertThat(signInThroughProvider(browser127(), "erika").uri().getPath())
        .startsWith("/verwaltung/");
    Browser operator = operator();
    Document page = Browser.page(operator.get(BASE + "/" + KEY));
    String remove = page.select("#mappings form").attr("action");
    operator.submit(
        BASE + "/" + KEY + "/zuordnungen",
        Browser.csrf(page),
        Map.of("claimValue", "alle-beschaeftigten", "role", "TENANT_ADMIN", "mappingTenant", ""));
    assertThat(operator.submit(remove, Browser.csrf(page), Map.of()).statusCode()).isEqualTo(302);
    try {
      Browser admin = browser127();
      assertThat(signInThroughProvider(admin, "erika").uri().getPath()).startsWith("/verwaltung/");
      assertThat(staffOf(KEY).getFirst()).containsEntry("role", "TENANT_ADMIN");
      assertThat(admin.get("/verwaltung/api-clients").statusCode()).isEqualTo(200);

      jdbc.sql("update staff_account set enabled = false where username like ?")
          .param(KEY + ":%")
          .update();
      HttpResponse<String> refused = signInThroughProvider(browser127(), "erika");
      assertThat(refused.uri().getPath()).isEqualTo("/anmelden");
      assertThat(Browser.page(refused).select("#provider-error").text()).contains("gesperrt");
    } finally {
      Document now = Browser.page(operator.get(BASE + "/" + KEY));
      operator.submit(now.select("#mappings form").attr("action"), Browser.csrf(now), Map.of());
      operator.submit(
          BASE + "/" + KEY + "/zuordnungen",
          Browser.csrf(now),
          Map.of("claimValue", GROUP, "role", "CASEWORKER", "mappingTenant", ""));
    }
  }

  @Test
  void localPasswordsOffRefusesErfurtsPasswordLoginButNotGothas() {
    Browser operator = operator();
    Document list = Browser.page(operator.get(BASE));
    assertThat(
            operator
                .submit(
                    "/admin/anmeldung/passwoerter",
                    Browser.csrf(list),
                    Map.of("tenantSlug", "erfurt", "localPasswords", "aus"))
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .endsWith(BASE + "?passwoerter");
    assertThat(Browser.page(operator.get(BASE)).select("#passwords-off").text())
        .contains("Anmeldung nur über den Identitätsanbieter");

    Document login = Browser.page(browser127().get("/anmelden"));
    assertThat(login.select("#staff-providers").text())
        .contains("Anmelden mit Verwaltungsnetz Erfurt", "nicht mit Passwort");
    HttpResponse<String> refused = browser127().signIn("sachbearbeitung-erfurt", DEMO_PASSWORD);
    assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/anmelden?fehler");
    assertThat(
            browser127()
                .signIn("sachbearbeitung-gotha", DEMO_PASSWORD)
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .endsWith("/verwaltung");
    assertThat(signInThroughProvider(browser127(), "erika").uri().getPath())
        .as("the provider still signs Erfurt's staff in")
        .startsWith("/verwaltung/");
  }

  @Test
  void passwordsStayOnForATenantNoProviderServes() {
    Browser operator = operator();
    HttpResponse<String> refused =
        operator.submit(
            "/admin/anmeldung/passwoerter",
            Browser.csrf(Browser.page(operator.get(BASE))),
            Map.of("tenantSlug", "jena", "localPasswords", "aus"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(Browser.page(refused).select("#error-summary a[href=#tenantSlug]").text())
        .contains("bedient noch kein eingeschalteter Anbieter");
    assertThat(
            browser127()
                .signIn("sachbearbeitung-jena", DEMO_PASSWORD)
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .endsWith("/verwaltung");
  }

  @Test
  void theClientSecretIsStoredSealed() {
    String stored =
        jdbc.sql("select client_secret from staff_identity_provider where key = ?")
            .param(KEY)
            .query(String.class)
            .single();
    assertThat(stored).startsWith("aesgcm2:").doesNotContain(TestIdentityProvider.CLIENT_SECRET);

    Browser operator = operator();
    Document page = Browser.page(operator.get(BASE + "/" + KEY));
    assertThat(page.select("input[name=clientSecret]").attr("value"))
        .as("never shown again")
        .isEmpty();
    Map<String, String> kept = new HashMap<>(providerForm());
    kept.remove("key");
    kept.put("clientSecret", "");
    assertThat(operator.submit(BASE + "/" + KEY, Browser.csrf(page), kept).statusCode())
        .isEqualTo(302);
    assertThat(
            jdbc.sql("select client_secret from staff_identity_provider where key = ?")
                .param(KEY)
                .query(String.class)
                .single())
        .as("an empty secret field keeps the stored secret")
        .isEqualTo(stored);
  }

  @Test
  void badInputGetsFieldErrorsAndNothingIsSaved() {
    Browser operator = operator();
    int before =
        jdbc.sql("select count(*) from staff_identity_provider").query(Integer.class).single();
    Map<String, String> bad = new HashMap<>(providerForm());
    bad.putAll(
        Map.of(
            "key", "Erfurt AD!",
            "tenantSlug", "atlantis",
            "issuer", "https://169.254.169.254/latest",
            "scopes", "profile email",
            "claim", "",
            "clientSecret", ""));
    HttpResponse<String> refused =
        operator.submit(BASE, Browser.csrf(Browser.page(operator.get(BASE + "/neu"))), bad);

    assertThat(refused.statusCode()).isEqualTo(200);
    Document page = Browser.page(refused);
    assertThat(page.select("#error-summary a").eachAttr("href"))
        .containsExactly("#key", "#tenantSlug", "#issuer", "#clientSecret", "#scopes", "#claim");
    assertThat(page.select("#issuer-error").text()).contains("internes Netz");
    assertThat(page.select("#tenantSlug-error").text()).contains("gibt es nicht");

    bad.putAll(
        Map.of(
            "key", "nirgendwo",
            "tenantSlug", "",
            "issuer", "https://nirgendwo.invalid",
            "scopes", "openid",
            "claim", "groups",
            "clientSecret", "x"));
    assertThat(
            Browser.page(
                    operator.submit(
                        BASE, Browser.csrf(Browser.page(operator.get(BASE + "/neu"))), bad))
                .select("#issuer-error")
                .text())
        .contains("gibt es nicht");
    assertThat(
            jdbc.sql("select count(*) from staff_identity_provider").query(Integer.class).single())
        .isEqualTo(before);

    Document edit = Browser.page(operator.get(BASE + "/" + KEY));
    Document mappingErrors =
        Browser.page(
            operator.submit(
                BASE + "/" + KEY + "/zuordnungen",
                Browser.csrf(edit),
                Map.of("claimValue", "", "role", "KAISER", "mappingTenant", "gotha")));
    assertThat(mappingErrors.select("#error-summary a").eachAttr("href"))
        .containsExactly("#claimValue", "#role", "#mappingTenant");
    Document operatorOfTenant =
        Browser.page(
            operator.submit(
                BASE + "/" + KEY + "/zuordnungen",
                Browser.csrf(edit),
                Map.of("claimValue", "admins", "role", "PLATFORM_OPERATOR", "mappingTenant", "")));
    assertThat(operatorOfTenant.select("#role-error").text())
        .contains("nur ein Anbieter des ganzen Landes");
  }

  private Map<String, String> providerForm() {
    return Map.of(
        "key", KEY,
        "displayName", "Verwaltungsnetz Erfurt",
        "tenantSlug", "erfurt",
        "issuer", issuer,
        "clientId", TestIdentityProvider.CLIENT_ID,
        "clientSecret", TestIdentityProvider.CLIENT_SECRET,
        "scopes", "openid profile email",
        "claim", "groups",
        "enabled", "true");
  }

  private Browser operator() {
    Browser operator = browser127();
    assertThat(operator.signIn("betrieb", DEMO_PASSWORD).statusCode()).isEqualTo(302);
    return operator;
  }

  private Browser staffWithPassword(String username) {
    Browser browser = browser127();
    assertThat(browser.signIn(username, DEMO_PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/verwaltung"));
    return browser;
  }

  private static List<String> references(Browser browser) {
    HttpResponse<String> inbox = browser.get("/verwaltung/vorgaenge");
    assertThat(inbox.statusCode()).isEqualTo(200);
    return Browser.page(inbox).select("#cases a.reference").eachText();
  }

  private List<Map<String, Object>> staffOf(String key) {
    return jdbc.sql(
            """
            select username, display_name, role, tenant_slug, password_hash from staff_account
            where username like ? order by created_at
            """)
        .param(key + ":%")
        .query()
        .listOfRows();
  }

  /**
   * The app at 127.0.0.1 (the provider allows loopback redirect URIs by IP address only), asking
   * for HTML as browsers do.
   */
  private Browser browser127() {
    return new Browser(URI.create("http://127.0.0.1:" + port))
        .accept("text/html,application/xhtml+xml");
  }

  /** Clicks "Anmelden mit …" on the staff login page, signs in at the provider and comes back. */
  private HttpResponse<String> signInThroughProvider(Browser browser, String person) {
    Document login = Browser.page(browser.get("/anmelden"));
    String start = login.select("#staff-providers a[href$=/staff-" + KEY + "]").attr("href");
    assertThat(start).isEqualTo("/oauth2/authorization/staff-" + KEY);
    HttpResponse<String> providerLogin = browser.followAll(browser.get(start));
    Document form = Browser.page(providerLogin);
    assertThat(form.selectFirst("form"))
        .as("the provider's login form at " + providerLogin.uri())
        .isNotNull();
    String action = providerLogin.uri().resolve(form.selectFirst("form").attr("action")).toString();
    return browser.followAll(
        browser.post(
            action,
            Map.of(
                "username",
                person,
                "password",
                TestIdentityProvider.PASSWORD,
                "_csrf",
                form.select("input[name=_csrf]").attr("value"))));
  }
}
