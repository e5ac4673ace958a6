package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The citizen login: throttling, CSRF, session fixation, timeouts, and its separation from staff.
 */
class CitizenLoginIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void theCountersHoldNoAddressOrEmailNorAHashAnyoneCouldRecompute() throws Exception {
    String email = citizens.confirmedAccount();
    String address = Citizens.newClientAddress();
    browser().from(address).logIn(email, "falsch");

    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    java.util.function.Function<String, String> plain =
        value ->
            java.util.HexFormat.of()
                .formatHex(sha.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    java.util.List<String> keys =
        jdbc.sql("select throttle_key from login_throttle").query(String.class).list();
    assertThat(keys)
        .anyMatch(key -> key.startsWith("address:"))
        .anyMatch(k -> k.startsWith("pair:"));
    assertThat(keys)
        .noneMatch(key -> key.contains(address) || key.contains(email))
        .noneMatch(key -> key.endsWith(plain.apply(address)) || key.endsWith(plain.apply(email)));
  }

  @Test
  void wrongPasswordsLockTheAccountAtThatAddressForAWhileWithAClearMessage() {
    String email = citizens.confirmedAccount();
    String address = Citizens.newClientAddress();
    Browser attacker = browser().from(address);

    for (int attempt = 1; attempt < 5; attempt++) {
      HttpResponse<String> wrong = attacker.logIn(email, "falsch-" + attempt);
      assertThat(wrong.statusCode()).isEqualTo(200);
      assertThat(Browser.page(wrong).select("#email-error").text())
          .contains("E-Mail-Adresse oder Passwort stimmen nicht");
    }
    HttpResponse<String> fifth = attacker.logIn(email, "falsch-5");

    assertThat(fifth.statusCode()).isEqualTo(429);
    assertThat(Browser.page(fifth).select("#error-summary").text())
        .contains("für 15 Minuten gesperrt");
    assertThat(browser().from(address).logIn(email, Citizens.PASSWORD).statusCode())
        .as("even the right password waits at that address")
        .isEqualTo(429);
    HttpResponse<String> english =
        browser().acceptLanguage("en").from(address).logIn(email, Citizens.PASSWORD);
    assertThat(Browser.page(english).select("#error-summary").text())
        .contains("logging in is blocked for 15 minutes");
    assertThat(
            browser()
                .from(Citizens.newClientAddress())
                .logIn(email, Citizens.PASSWORD)
                .statusCode())
        .as("the owner elsewhere is not locked out")
        .isEqualTo(302);

    jdbc.sql("update login_throttle set locked_until = now() - interval '1 second'").update();
    assertThat(browser().from(address).logIn(email, Citizens.PASSWORD).statusCode()).isEqualTo(302);
  }

  @Test
  void failuresFromManyAddressesSlowDownUnknownAddressesAndTellTheOwnerOnce()
      throws InterruptedException {
    String email = citizens.confirmedAccount();
    String home = Citizens.newClientAddress();
    assertThat(browser().from(home).logIn(email, Citizens.PASSWORD).statusCode()).isEqualTo(302);

    // Ten failures, each from an address of its own, put the account under attack: from then on
    // addresses it never logged in from wait 1 s, 2 s, 4 s … after each further failure.
    for (int attempt = 1; attempt < 10; attempt++) {
      assertThat(
              browser()
                  .from(Citizens.newClientAddress())
                  .logIn(email, "falsch-" + attempt)
                  .statusCode())
          .isEqualTo(200);
    }
    assertThat(browser().from(Citizens.newClientAddress()).logIn(email, "falsch-10").statusCode())
        .as("the tenth failure already has to wait")
        .isEqualTo(429);
    for (int attempt = 11; attempt <= 12; attempt++) {
      Thread.sleep(Duration.ofMillis(1100L << (attempt - 11)));
      assertThat(
              browser()
                  .from(Citizens.newClientAddress())
                  .logIn(email, "falsch-" + attempt)
                  .statusCode())
          .as("failure %d, after the wait", attempt)
          .isEqualTo(429);
    }

    assertThat(
            browser()
                .from(Citizens.newClientAddress())
                .logIn(email, Citizens.PASSWORD)
                .statusCode())
        .as("an unknown address waits (4 s now), even with the right password")
        .isEqualTo(429);
    assertThat(browser().from(home).logIn(email, Citizens.PASSWORD).statusCode())
        .as("the owner at home logs in")
        .isEqualTo(302);
    assertThat(citizens.subjects(email))
        .as("the owner is told once")
        .filteredOn(subject -> subject.startsWith("Viele fehlgeschlagene Anmeldeversuche"))
        .hasSize(1);
  }

  @Test
  void manyFailuresFromOneAddressLockThatAddressOnly() {
    String email = citizens.confirmedAccount();
    String address = Citizens.newClientAddress();
    Browser bot = browser().from(address);

    HttpResponse<String> last = null;
    for (int attempt = 1; attempt <= 20; attempt++) {
      last = bot.logIn(Citizens.newEmail(), "falsch");
    }

    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(browser().from(address).logIn(email, Citizens.PASSWORD).statusCode()).isEqualTo(429);
    assertThat(
            browser()
                .from(Citizens.newClientAddress())
                .logIn(email, Citizens.PASSWORD)
                .statusCode())
        .isEqualTo(302);
  }

  @Test
  void unknownAddressAndWrongPasswordGetTheSameAnswer() {
    String email = citizens.confirmedAccount();

    Document unknown =
        Browser.page(
            browser()
                .from(Citizens.newClientAddress())
                .logIn(Citizens.newEmail(), Citizens.PASSWORD));
    Document wrong =
        Browser.page(
            browser().from(Citizens.newClientAddress()).logIn(email, Citizens.OTHER_PASSWORD));

    assertThat(unknown.select("#error-summary").text())
        .isEqualTo(wrong.select("#error-summary").text());
    assertThat(wrong.select("#password").attr("value")).isEmpty();
  }

  @Test
  void loginWithoutCsrfTokenIsRefused() {
    String email = citizens.confirmedAccount();
    Browser forger = browser();
    forger.get("/konto/anmelden");

    HttpResponse<String> forged =
        forger.post("/konto/anmelden", Map.of("email", email, "password", Citizens.PASSWORD));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forger.get("/konto").statusCode()).isEqualTo(302);
  }

  @Test
  void loginRenewsTheSessionSoAPlantedSessionIdIsWorthless() {
    String email = citizens.confirmedAccount();
    Browser victim = browser();
    Document home = Browser.page(victim.get("/"));
    victim.submit("/ort", Browser.csrf(home), Map.of("ars", "160510000000"));
    String planted = victim.cookieValue("AMTSWEG_SESSION");
    assertThat(planted).isNotNull();

    assertThat(victim.logIn(email, Citizens.PASSWORD).statusCode()).isEqualTo(302);

    assertThat(victim.cookieValue("AMTSWEG_SESSION")).isNotEqualTo(planted);
    assertThat(victim.get("/konto").statusCode()).isEqualTo(200);
    assertThat(victim.get("/").body()).as("the session's data moved along").contains("Erfurt");
    Browser attacker = browser().cookie("AMTSWEG_SESSION", planted);
    assertThat(attacker.get("/konto").statusCode()).isEqualTo(302);
  }

  @Test
  void accountPagesNeedTheCitizenLoginAndLeadBackAfterIt() {
    String email = citizens.confirmedAccount();
    Browser browser = browser();

    HttpResponse<String> asked = browser.get("/konto/sicherheit");
    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(asked.headers().firstValue("Location").orElseThrow()).endsWith("/konto/anmelden");

    HttpResponse<String> login = browser.logIn(email, Citizens.PASSWORD);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/konto/sicherheit");
  }

  @Test
  void citizensAndStaffStayInTheirOwnAreas() {
    Browser citizen = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);
    Browser operator = browser();
    operator.signIn("betrieb", DEMO_PASSWORD);

    assertThat(citizen.get("/admin/mandanten").statusCode()).isEqualTo(403);
    assertThat(operator.get("/konto").statusCode()).isEqualTo(403);
    assertThat(Browser.page(operator.get("/")).select("nav").text())
        .contains("Verwaltung")
        .doesNotContain("Mein Konto");
  }

  @Test
  void logoutEndsTheSession() {
    Browser browser = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);
    Document page = Browser.page(browser.get("/konto"));

    HttpResponse<String> logout = browser.submit("/abmelden", Browser.csrf(page), Map.of());

    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/?abgemeldet");
    assertThat(browser.get("/konto").statusCode()).isEqualTo(302);
  }

  @Test
  void aSessionEndsAfterThirtyIdleMinutes() {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    String id =
        new String(java.util.Base64.getDecoder().decode(browser.cookieValue("AMTSWEG_SESSION")));
    assertThat(
            jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(30 * 60);
    long minutes = 29L * 60 * 1000;
    jdbc.sql(
            "update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ? where session_id = ?")
        .params(minutes, minutes, id)
        .update();
    assertThat(browser.get("/konto").statusCode())
        .as("29 minutes idle: still logged in")
        .isEqualTo(200);

    long moreThanHalfAnHour = 31L * 60 * 1000;
    jdbc.sql(
            "update spring_session set last_access_time = last_access_time - ?, expiry_time = expiry_time - ? where session_id = ?")
        .params(moreThanHalfAnHour, moreThanHalfAnHour, id)
        .update();

    assertThat(browser.get("/konto").statusCode()).isEqualTo(302);
  }

  @Test
  void aSessionEndsAtTheAbsoluteTimeoutHoweverActiveItIs() {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    assertThat(browser.get("/konto").statusCode()).isEqualTo(200);

    String session = browser.cookieValue("AMTSWEG_SESSION");
    jdbc.sql("update spring_session set creation_time = creation_time - ? where session_id = ?")
        .params(8L * 3600 * 1000 + 1000, new String(java.util.Base64.getDecoder().decode(session)))
        .update();

    assertThat(browser.get("/konto").statusCode()).isEqualTo(302);
  }
}
