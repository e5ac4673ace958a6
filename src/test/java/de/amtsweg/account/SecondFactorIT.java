package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.platform.Totp;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The TOTP second factor: setup with QR code, login with a code, recovery codes, turning it off.
 */
class SecondFactorIT extends AmtswegIT {

  private final Citizens citizens = new Citizens(this::browser);
  @Autowired JdbcClient jdbc;
  @Autowired SecondFactor secondFactor;
  @Autowired PlatformProperties platform;

  @Test
  void withTheSecondFactorOnThePasswordAloneIsNotEnough() {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(browser.get("/konto/sicherheit/zwei-faktor"));
    HttpResponse<String> started =
        browser.submit("/konto/sicherheit/zwei-faktor/einrichten", Browser.csrf(page), Map.of());
    Document setup = Browser.page(browser.follow(started));
    String secret = setup.select("#totp-secret").text().replace(" ", "");
    HttpResponse<String> qr = browser.get(setup.select("img.qr-code").attr("src"));
    assertThat(qr.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(qr.body()).startsWith("<svg").doesNotContain("script");

    Document wrong =
        Browser.page(
            browser.submit(
                "/konto/sicherheit/zwei-faktor/bestaetigen",
                Browser.csrf(setup),
                Map.of("code", "000000")));
    assertThat(wrong.select("#error-summary").text()).contains("Der Code stimmt nicht");
    HttpResponse<String> confirmed =
        browser.submit(
            "/konto/sicherheit/zwei-faktor/bestaetigen",
            Browser.csrf(setup),
            Map.of("code", now(secret)));
    List<String> recovery =
        Browser.page(browser.follow(confirmed)).select(".recovery-codes code").eachText();
    assertThat(storedSecret(email))
        .as("encrypted at rest")
        .startsWith("aesgcm2:account:")
        .doesNotContain(secret);
    assertThat(recovery).hasSize(10).allMatch(code -> code.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));
    assertThat(browser.get("/konto/sicherheit/zwei-faktor/codes").statusCode())
        .as("shown once")
        .isEqualTo(302);

    Browser next = browser();
    HttpResponse<String> password = next.logIn(email, Citizens.PASSWORD);
    assertThat(password.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/anmelden/code");
    assertThat(next.get("/konto").statusCode()).as("not logged in yet").isEqualTo(302);
    Document codePage = Browser.page(next.get("/konto/anmelden/code"));
    Document refused =
        Browser.page(
            next.submit("/konto/anmelden/code", Browser.csrf(codePage), Map.of("code", "123456")));
    assertThat(refused.select("#error-summary").text()).contains("Der Code stimmt nicht");
    String halfway = next.cookieValue("AMTSWEG_SESSION");
    // The current step was used to confirm the setup; the app's next code (one step of drift)
    // counts.
    HttpResponse<String> withCode =
        next.submit("/konto/anmelden/code", Browser.csrf(codePage), Map.of("code", next(secret)));
    assertThat(withCode.headers().firstValue("Location").orElseThrow()).endsWith("/konto");
    assertThat(next.get("/konto").statusCode()).isEqualTo(200);
    assertThat(next.cookieValue("AMTSWEG_SESSION"))
        .as("a new session once the login is complete")
        .isNotEqualTo(halfway);
    assertThat(browser().cookie("AMTSWEG_SESSION", halfway).get("/konto").statusCode())
        .isEqualTo(302);

    Browser withRecovery = browser();
    withRecovery.logIn(email, Citizens.PASSWORD);
    Document recoveryPage = Browser.page(withRecovery.get("/konto/anmelden/code"));
    HttpResponse<String> recovered =
        withRecovery.submit(
            "/konto/anmelden/code",
            Browser.csrf(recoveryPage),
            Map.of("code", recovery.getFirst().toLowerCase()));
    assertThat(recovered.headers().firstValue("Location").orElseThrow()).endsWith("/konto");
    assertThat(withRecovery.get("/konto").statusCode()).isEqualTo(200);

    Browser reuse = browser();
    reuse.logIn(email, Citizens.PASSWORD);
    Document reusePage = Browser.page(reuse.get("/konto/anmelden/code"));
    assertThat(
            Browser.page(
                    reuse.submit(
                        "/konto/anmelden/code",
                        Browser.csrf(reusePage),
                        Map.of("code", recovery.getFirst())))
                .select("#error-summary"))
        .as("a recovery code works once")
        .isNotEmpty();

    Document manage = Browser.page(withRecovery.get("/konto/sicherheit/zwei-faktor"));
    assertThat(manage.select("#second-factor-status").text()).contains("noch 9 unbenutzte");
    withRecovery.submit(
        "/konto/sicherheit/zwei-faktor/ausschalten",
        Browser.csrf(manage),
        Map.of("password", Citizens.PASSWORD));
    citizens.loggedIn(email, Citizens.PASSWORD);
  }

  @Test
  void aCodeIsAcceptedOnlyOnce() {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(browser.get("/konto/sicherheit/zwei-faktor"));
    Document setup =
        Browser.page(
            browser.follow(
                browser.submit(
                    "/konto/sicherheit/zwei-faktor/einrichten", Browser.csrf(page), Map.of())));
    String secret = setup.select("#totp-secret").text().replace(" ", "");
    String code = now(secret);
    browser.submit(
        "/konto/sicherheit/zwei-faktor/bestaetigen", Browser.csrf(setup), Map.of("code", code));

    Browser replay = browser();
    replay.logIn(email, Citizens.PASSWORD);
    Document codePage = Browser.page(replay.get("/konto/anmelden/code"));
    HttpResponse<String> replayed =
        replay.submit("/konto/anmelden/code", Browser.csrf(codePage), Map.of("code", code));

    assertThat(Browser.page(replayed).select("#error-summary").text())
        .contains("Der Code stimmt nicht");
    assertThat(replay.get("/konto").statusCode()).isEqualTo(302);
  }

  @Test
  void secretsStoredInClearByEarlierVersionsAreEncryptedAndStillWork() throws java.io.IOException {
    String email = citizens.confirmedAccount();
    String secret = Citizens.turnOnSecondFactor(citizens.loggedIn(email, Citizens.PASSWORD));
    // As an earlier version stored it.
    jdbc.sql(
            "update account_totp set secret = ? where account_id = (select id from account where email = ?)")
        .params(secret, email)
        .update();

    assertThat(secondFactor.sealPlainSecrets()).isGreaterThanOrEqualTo(1);

    assertThat(storedSecret(email)).startsWith("aesgcm2:account:").doesNotContain(secret);
    Browser next = browser();
    next.logIn(email, Citizens.PASSWORD);
    Document codePage = Browser.page(next.get("/konto/anmelden/code"));
    assertThat(
            next.submit(
                    "/konto/anmelden/code", Browser.csrf(codePage), Map.of("code", next(secret)))
                .headers()
                .firstValue("Location")
                .orElseThrow())
        .endsWith("/konto");
    assertThat(next.get("/konto").statusCode()).isEqualTo(200);
    // The demo's generated key, readable by its owner only.
    java.nio.file.Path key = platform.dataDir().resolve("account-secret.key");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
  }

  private String storedSecret(String email) {
    return jdbc.sql(
            "select t.secret from account_totp t join account a on a.id = t.account_id where a.email = ?")
        .param(email)
        .query(String.class)
        .single();
  }

  private static String next(String secret) {
    return Totp.code(
        Totp.base32Decode(secret), Totp.step(Instant.now().getEpochSecond()) + 1, Totp.DIGITS);
  }

  private static String now(String secret) {
    return Totp.code(
        Totp.base32Decode(secret), Totp.step(Instant.now().getEpochSecond()), Totp.DIGITS);
  }
}
