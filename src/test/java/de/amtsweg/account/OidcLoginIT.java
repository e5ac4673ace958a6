package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.AmtswegApplication;
import de.amtsweg.support.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import testsupport.idp.TestIdentityProvider;

/**
 * Login through an OpenID Connect provider, against a real one (Spring Authorization Server)
 * started by the test, and the app started as an operator would, with the provider configured.
 */
class OidcLoginIT {

  private static ConfigurableApplicationContext idp;
  private static ConfigurableApplicationContext app;
  private static String appBase;
  private static String idpIssuer;

  @BeforeAll
  static void start() {
    idp = TestIdentityProvider.start();
    String issuer = "http://127.0.0.1:" + idp.getEnvironment().getProperty("local.server.port");
    idpIssuer = issuer;
    String registration = "--spring.security.oauth2.client.registration.testidp.";
    app =
        new SpringApplicationBuilder(AmtswegApplication.class)
            .profiles("prod")
            .run(
                "--server.port=0",
                "--amtsweg.data-dir=target/it-data/oidc-" + System.nanoTime(),
                "--amtsweg.embedded-database.ephemeral=true",
                // Production needs the key for second-factor secrets (openssl rand -base64 32).
                "--amtsweg.account.secret-key=q7V3m0xkC0oJ9WcU1o8m2cXo3rBvR0bS9Q8m3q4m5d0=",
                registration + "client-id=" + TestIdentityProvider.CLIENT_ID,
                registration + "client-secret=" + TestIdentityProvider.CLIENT_SECRET,
                registration + "client-name=Test-IdP",
                registration + "scope=openid,profile,email",
                "--spring.security.oauth2.client.provider.testidp.issuer-uri=" + issuer);
    appBase = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (idp != null) {
      idp.close();
    }
  }

  @Test
  void aNewIdentityGetsAnAccountWithTheProvidersDataAndComesBackToIt() {
    Browser browser = browser();
    browser.submit(
        "/ort", Browser.csrf(Browser.page(browser.get("/"))), Map.of("ars", "160510000000"));
    String planted = browser.cookieValue("AMTSWEG_SESSION");
    assertThat(planted).isNotNull();

    HttpResponse<String> landed = logInAtProvider(browser, "gabi");

    assertThat(landed.uri().getPath()).isEqualTo("/konto");
    assertThat(browser.cookieValue("AMTSWEG_SESSION"))
        .as("a new session after the provider's login")
        .isNotEqualTo(planted);
    assertThat(browser().cookie("AMTSWEG_SESSION", planted).get("/konto").statusCode())
        .isEqualTo(302);
    assertThat(Browser.page(landed).text()).contains("Angemeldet mit gabi.beispiel@example.org");
    Document profile = Browser.page(browser.get("/konto/profil"));
    assertThat(profile.select("#person dd").eachText())
        .anySatisfy(
            t ->
                assertThat(t)
                    .startsWith("Gabriele")
                    .contains("vom Identitätsanbieter übermittelt am"))
        .anySatisfy(t -> assertThat(t).startsWith("17. Mai 1980"));
    UUID first = accountId("gabi.beispiel@example.org");

    Browser again = browser();
    assertThat(logInAtProvider(again, "gabi").uri().getPath()).isEqualTo("/konto");
    assertThat(accountId("gabi.beispiel@example.org")).isEqualTo(first);
    assertThat(
            jdbc()
                .sql("select count(*) from account where email = 'gabi.beispiel@example.org'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anExistingAccountMustLinkTheProviderAfterItsPasswordLogin() {
    String email = "max.muster@example.org";
    jdbc()
        .sql(
            "insert into account (id, email, password_hash, email_confirmed_at) values (?, ?, ?, now())")
        .params(
            UUID.randomUUID(), email, app.getBean(PasswordEncoder.class).encode(Citizens.PASSWORD))
        .update();
    Browser browser = browser();

    HttpResponse<String> refused = logInAtProvider(browser, "max");

    assertThat(refused.uri().getPath()).isEqualTo("/konto/anmelden");
    assertThat(Browser.page(refused).select("#provider-error").text())
        .contains("gibt es bereits ein Servicekonto");
    assertThat(browser.get("/konto").statusCode())
        .as("the provider's login was forgotten")
        .isEqualTo(302);

    assertThat(browser.logIn(email, Citizens.PASSWORD).statusCode()).isEqualTo(302);
    Document security = Browser.page(browser.get("/konto/sicherheit"));
    HttpResponse<String> linked =
        browser.followAll(
            browser.submit(
                "/konto/sicherheit/verknuepfen/testidp", Browser.csrf(security), Map.of()));
    assertThat(linked.uri().getPath()).isEqualTo("/konto/sicherheit");
    assertThat(Browser.page(linked).text())
        .contains("Test-IdP: verknüpft", "Der Identitätsanbieter ist mit Ihrem Konto verknüpft");
    assertThat(exported(browser).path("account").path("linkedIdentityProviders").get(0).asString())
        .as("the GDPR export names the linked provider")
        .isEqualTo(idpIssuer);

    Browser later = browser();
    HttpResponse<String> landed = logInAtProvider(later, "max");
    assertThat(landed.uri().getPath()).isEqualTo("/konto");
    assertThat(Browser.page(landed).text()).contains("Angemeldet mit " + email);
    assertThat(Browser.page(later.get("/konto/profil")).select("#person dd").eachText())
        .as("the provider's name fills the empty profile")
        .anySatisfy(t -> assertThat(t).startsWith("Max"));
  }

  @Test
  void anAccountWithASecondFactorStillAsksForItsCodeAfterTheProvidersLogin() {
    Browser first = browser();
    assertThat(logInAtProvider(first, "toni").uri().getPath()).isEqualTo("/konto");
    String secret = Citizens.turnOnSecondFactor(first);

    Browser later = browser();
    HttpResponse<String> afterProvider = logInAtProvider(later, "toni");

    assertThat(afterProvider.uri().getPath()).isEqualTo("/konto/anmelden/code");
    assertThat(Browser.page(afterProvider).select("h1").text()).isEqualTo("Code aus Ihrer App");
    assertThat(later.get("/konto").statusCode()).as("not logged in before the code").isEqualTo(302);
    assertThat(later.get("/api/v1/me", "Accept", "application/json").statusCode()).isEqualTo(401);
    Document codePage = Browser.page(afterProvider);
    assertThat(
            Browser.page(
                    later.submit(
                        "/konto/anmelden/code", Browser.csrf(codePage), Map.of("code", "000000")))
                .select("#error-summary")
                .text())
        .contains("Der Code stimmt nicht");
    assertThat(later.get("/konto").statusCode()).isEqualTo(302);
    String halfway = later.cookieValue("AMTSWEG_SESSION");
    HttpResponse<String> withCode =
        later.submit(
            "/konto/anmelden/code",
            Browser.csrf(codePage),
            Map.of("code", Citizens.totp(secret, 1)));
    assertThat(withCode.headers().firstValue("Location").orElseThrow()).endsWith("/konto");
    assertThat(later.cookieValue("AMTSWEG_SESSION")).isNotEqualTo(halfway);
    assertThat(Browser.page(later.get("/konto")).text())
        .contains("Angemeldet mit toni.zweifach@example.org");
  }

  /** The servicekonto.json of the account's GDPR export. */
  private static tools.jackson.databind.JsonNode exported(Browser browser) {
    try (java.util.zip.ZipInputStream zip =
        new java.util.zip.ZipInputStream(
            new java.io.ByteArrayInputStream(
                browser.download("/konto/datenschutz/export").body()))) {
      for (java.util.zip.ZipEntry entry = zip.getNextEntry();
          entry != null;
          entry = zip.getNextEntry()) {
        if (entry.getName().equals("servicekonto.json")) {
          return tools.jackson.databind.json.JsonMapper.builder()
              .build()
              .readTree(zip.readAllBytes());
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no servicekonto.json in the export");
  }

  /** A browser that asks for HTML, as real ones do (the provider answers others with 401). */
  private static Browser browser() {
    return new Browser(URI.create(appBase)).accept("text/html,application/xhtml+xml");
  }

  /** Clicks "Mit Test-IdP anmelden", logs in at the provider, and follows back to the app. */
  private static HttpResponse<String> logInAtProvider(Browser browser, String person) {
    Document login = Browser.page(browser.get("/konto/anmelden"));
    String start = login.select("a[href^=/oauth2/authorization/]").attr("href");
    assertThat(login.select("a[href^=/oauth2/authorization/]").text())
        .isEqualTo("Mit Test-IdP anmelden");
    HttpResponse<String> providerLogin = browser.followAll(browser.get(start));
    Document form = Browser.page(providerLogin);
    assertThat(form.selectFirst("form"))
        .as("the provider's login form at " + providerLogin.uri())
        .isNotNull();
    String action = providerLogin.uri().resolve(form.selectFirst("form").attr("action")).toString();
    HttpResponse<String> back =
        browser.post(
            action,
            Map.of(
                "username",
                person,
                "password",
                TestIdentityProvider.PASSWORD,
                "_csrf",
                form.select("input[name=_csrf]").attr("value")));
    return browser.followAll(back);
  }

  private static UUID accountId(String email) {
    return jdbc()
        .sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }

  private static JdbcClient jdbc() {
    return app.getBean(JdbcClient.class);
  }
}
