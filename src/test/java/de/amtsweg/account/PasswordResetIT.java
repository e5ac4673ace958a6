package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Passwort vergessen": a single-use, expiring link that ends every session. */
class PasswordResetIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void aResetLinkSetsANewPasswordOnceAndEndsAllSessions() {
    String email = citizens.confirmedAccount();
    Browser elsewhere = citizens.loggedIn(email, Citizens.PASSWORD);
    Browser browser = browser();

    HttpResponse<String> requested = request(browser, email);
    assertThat(requested.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/passwort-vergessen/gesendet");
    String link = citizens.link(email, "/konto/passwort-neu");
    Document form = Browser.page(browser.get(link));
    assertThat(form.select("h1").text()).isEqualTo("Neues Passwort festlegen");
    String token = form.select("#token").attr("value");

    Document weak = Browser.page(setPassword(browser, form, token, "passwort123"));
    assertThat(weak.select("#password-error").text()).contains("zu leicht zu erraten");
    HttpResponse<String> reset = setPassword(browser, form, token, Citizens.OTHER_PASSWORD);

    assertThat(reset.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/anmelden?passwort-geaendert");
    assertThat(elsewhere.get("/konto").statusCode()).as("other sessions ended").isEqualTo(302);
    assertThat(
            browser()
                .from(Citizens.newClientAddress())
                .logIn(email, Citizens.PASSWORD)
                .statusCode())
        .isEqualTo(200);
    citizens.loggedIn(email, Citizens.OTHER_PASSWORD);
    assertThat(citizens.subjects(email).getFirst()).isEqualTo("Ihr Passwort wurde geändert");

    HttpResponse<String> replay = setPassword(browser, form, token, "Dritter Versuch mit Zebra");
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(Browser.page(replay).select("h1").text()).isEqualTo("Dieser Link gilt nicht mehr");
    assertThat(browser.get(link).statusCode()).isEqualTo(400);
  }

  @Test
  void anExpiredResetLinkIsRefused() {
    String email = citizens.confirmedAccount();
    request(browser(), email);
    String link = citizens.link(email, "/konto/passwort-neu");
    Document form = Browser.page(browser().get(link));

    jdbc.sql(
            "update account_token set expires_at = now() - interval '1 second'"
                + " where purpose = 'RESET_PASSWORD' and account_id = (select id from account where email = ?)")
        .param(email)
        .update();

    assertThat(browser().get(link).statusCode()).isEqualTo(400);
    Browser browser = browser();
    HttpResponse<String> late =
        setPassword(
            browser,
            Browser.page(browser.get("/konto/passwort-vergessen")),
            form.select("#token").attr("value"),
            Citizens.OTHER_PASSWORD);
    assertThat(late.statusCode()).isEqualTo(400);
    citizens.loggedIn(email, Citizens.PASSWORD);
  }

  @Test
  void anUnknownAddressGetsTheSameAnswerAndNoMail() {
    String unknown = Citizens.newEmail();

    HttpResponse<String> requested = request(browser(), unknown);

    assertThat(requested.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/passwort-vergessen/gesendet");
    assertThat(citizens.subjects(unknown)).isEmpty();
  }

  @Test
  void aResetLiftsTheLockOfTheAccount() {
    String email = citizens.confirmedAccount();
    Browser attacker = browser().from(Citizens.newClientAddress());
    for (int attempt = 1; attempt <= 5; attempt++) {
      attacker.logIn(email, "falsch-" + attempt);
    }
    request(browser(), email);
    Browser browser = browser();
    Document form = Browser.page(browser.get(citizens.link(email, "/konto/passwort-neu")));

    setPassword(browser, form, form.select("#token").attr("value"), Citizens.OTHER_PASSWORD);

    citizens.loggedIn(email, Citizens.OTHER_PASSWORD);
  }

  private static HttpResponse<String> request(Browser browser, String email) {
    Document form = Browser.page(browser.get("/konto/passwort-vergessen"));
    return browser.submit("/konto/passwort-vergessen", Browser.csrf(form), Map.of("email", email));
  }

  private static HttpResponse<String> setPassword(
      Browser browser, Document page, String token, String password) {
    return browser.submit(
        "/konto/passwort-neu",
        Browser.csrf(page),
        Map.of("token", token, "password", password, "passwordRepeat", password));
  }
}
