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

/** Registration with a confirmed e-mail address, over real HTTP with the local mailbox. */
class RegistrationIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void registerConfirmByMailAndLogIn() {
    String email = Citizens.newEmail();
    Browser browser = browser();

    HttpResponse<String> registered = citizens.register(browser, email, Citizens.PASSWORD);
    assertThat(registered.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/registrieren/gesendet");
    assertThat(Browser.page(browser.follow(registered)).select("h1").text())
        .isEqualTo("Bitte sehen Sie in Ihr E-Mail-Postfach");

    String link = citizens.link(email, "/konto/bestaetigen");
    Document confirmPage = Browser.page(browser.get(link));
    assertThat(confirmPage.select("h1").text()).isEqualTo("E-Mail-Adresse bestätigen");
    assertThat(browser.logIn(email, Citizens.PASSWORD).body())
        .contains("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse");

    HttpResponse<String> confirmed = Citizens.confirm(browser, link);
    assertThat(confirmed.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/anmelden?bestaetigt");
    assertThat(Browser.page(browser.follow(confirmed)).select("[role=status]").text())
        .contains("Ihre E-Mail-Adresse ist bestätigt");

    HttpResponse<String> login = browser.logIn(email.toUpperCase(), Citizens.PASSWORD);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/konto");
    Document overview = Browser.page(browser.get("/konto"));
    assertThat(overview.select("h1").text()).isEqualTo("Mein Servicekonto");
    assertThat(overview.text()).contains("Angemeldet mit " + email);
    assertThat(overview.select("nav a").eachText())
        .contains("Mein Konto")
        .doesNotContain("Anmelden");
  }

  @Test
  void aConfirmationLinkWorksOnceAndNotAfterItExpired() {
    String email = Citizens.newEmail();
    Browser browser = browser();
    citizens.register(browser, email, Citizens.PASSWORD);
    String link = citizens.link(email, "/konto/bestaetigen");
    assertThat(Citizens.confirm(browser, link).statusCode()).isEqualTo(302);

    Document again = Browser.page(browser.get(link));
    assertThat(again.select("h1").text()).isEqualTo("Dieser Link gilt nicht mehr");
    String token = link.substring(link.indexOf("token=") + 6);
    HttpResponse<String> replay =
        browser.submit("/konto/bestaetigen", Browser.csrf(again), Map.of("token", token));
    assertThat(replay.statusCode()).isEqualTo(400);

    String other = Citizens.newEmail();
    citizens.register(browser, other, Citizens.PASSWORD);
    String expiring = citizens.link(other, "/konto/bestaetigen");
    jdbc.sql(
            "update account_token set expires_at = now() - interval '1 second' where account_id = (select id from account where email = ?)")
        .param(other)
        .update();
    assertThat(browser.get(expiring).statusCode()).isEqualTo(400);
    assertThat(browser.logIn(other, Citizens.PASSWORD).body())
        .contains("Bitte bestätigen Sie zuerst");
  }

  @Test
  void weakOrMismatchedPasswordsAndBadAddressesAreExplainedFieldByField() {
    Browser browser = browser();
    Document form = Browser.page(browser.get("/konto/registrieren"));

    Document weak =
        Browser.page(
            browser.submit(
                "/konto/registrieren",
                Browser.csrf(form),
                Map.of(
                    "email",
                    "keine-adresse",
                    "password",
                    "passwort123",
                    "passwordRepeat",
                    "passwort123")));
    assertThat(weak.select("#error-summary a").eachAttr("href"))
        .containsExactly("#email", "#password");
    assertThat(weak.select("#password-error").text()).contains("zu leicht zu erraten");
    assertThat(weak.select("#email").attr("value")).isEqualTo("keine-adresse");
    assertThat(weak.select("#password").attr("value")).isEmpty();

    Document mismatch =
        Browser.page(
            browser.submit(
                "/konto/registrieren",
                Browser.csrf(form),
                Map.of(
                    "email",
                    Citizens.newEmail(),
                    "password",
                    Citizens.PASSWORD,
                    "passwordRepeat",
                    Citizens.OTHER_PASSWORD)));
    assertThat(mismatch.select("#error-summary a").eachAttr("href"))
        .containsExactly("#passwordRepeat");
  }

  @Test
  void registeringATakenAddressLooksTheSameAndWarnsItsOwner() {
    String email = citizens.confirmedAccount();

    HttpResponse<String> again = citizens.register(browser(), email, Citizens.OTHER_PASSWORD);

    assertThat(again.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/registrieren/gesendet");
    assertThat(citizens.subjects(email).getFirst()).isEqualTo("Sie haben bereits ein Servicekonto");
    assertThat(
            browser()
                .from(Citizens.newClientAddress())
                .logIn(email, Citizens.OTHER_PASSWORD)
                .statusCode())
        .isEqualTo(200);
    citizens.loggedIn(email, Citizens.PASSWORD);
  }

  @Test
  void formsThatSendMailCannotFloodAnAddress() {
    String email = citizens.confirmedAccount();

    for (int attempt = 0; attempt < 8; attempt++) {
      assertThat(
              citizens
                  .register(browser(), email, Citizens.OTHER_PASSWORD)
                  .headers()
                  .firstValue("Location")
                  .orElseThrow())
          .endsWith("/konto/registrieren/gesendet");
    }

    assertThat(citizens.subjects(email)).hasSize(AccountMails.MAILS_PER_WINDOW);
  }

  @Test
  void aNewConfirmationLinkCanBeRequested() {
    String email = Citizens.newEmail();
    Browser browser = browser();
    citizens.register(browser, email, Citizens.PASSWORD);
    String first = citizens.link(email, "/konto/bestaetigen");

    Document form = Browser.page(browser.get("/konto/bestaetigen/neu"));
    HttpResponse<String> resent =
        browser.submit("/konto/bestaetigen/neu", Browser.csrf(form), Map.of("email", email));

    assertThat(resent.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/registrieren/gesendet");
    String second = citizens.link(email, "/konto/bestaetigen");
    assertThat(second).isNotEqualTo(first);
    assertThat(browser.get(first).statusCode()).as("the older link is void").isEqualTo(400);
    assertThat(Citizens.confirm(browser, second).statusCode()).isEqualTo(302);
  }

  @Test
  void theDatabaseHoldsNoTokenNorPasswordInClear() {
    String email = Citizens.newEmail();
    citizens.register(browser(), email, Citizens.PASSWORD);
    String link = citizens.link(email, "/konto/bestaetigen");
    String token = link.substring(link.indexOf("token=") + 6);

    String hash =
        jdbc.sql("select password_hash from account where email = ?")
            .param(email)
            .query(String.class)
            .single();
    assertThat(hash).startsWith("$argon2id$");
    assertThat(
            jdbc.sql("select count(*) from account_token where token_hash = ?")
                .param(token)
                .query(Integer.class)
                .single())
        .isZero();
  }
}
