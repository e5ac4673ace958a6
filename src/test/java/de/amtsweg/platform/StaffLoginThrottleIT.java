package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff login is throttled like the citizen login: an attacker locks the user name at their own
 * address only, and a user name attacked from many addresses slows down unknown addresses and tells
 * the tenant.
 */
class StaffLoginThrottleIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;

  /** Other tests log in as the demo staff: the attack on them is over when a test ends. */
  @AfterEach
  void attacksAreOver() {
    jdbc.sql(
            "delete from login_throttle where throttle_key like 'staff:%' or subject_key like 'staff:%'")
        .update();
  }

  @Test
  void afterAWrongPasswordTheUserNameIsStillFilledIn() {
    Browser staff = browser().from(newAddress());

    HttpResponse<String> failed = staff.signIn("verwaltung-ohrdruf", "vertippt");

    assertThat(location(failed)).endsWith("/anmelden?fehler");
    org.jsoup.nodes.Document again = Browser.page(staff.follow(failed));
    assertThat(again.select("#username").val()).isEqualTo("verwaltung-ohrdruf");
    assertThat(again.select("#password").val()).as("never the password").isEmpty();
    assertThat(Browser.page(staff.get("/anmelden")).select("#username").val())
        .as("only on the page right after the attempt")
        .isEmpty();
  }

  @Test
  void wrongPasswordsLockTheStaffUserNameAtThatAddressWithAMessage() {
    String address = newAddress();
    Browser attacker = browser().from(address);

    for (int attempt = 1; attempt < 5; attempt++) {
      assertThat(
              attacker
                  .signIn("verwaltung-landkreis-gotha", "falsch-" + attempt)
                  .headers()
                  .firstValue("Location")
                  .orElseThrow())
          .endsWith("/anmelden?fehler");
    }
    HttpResponse<String> fifth = attacker.signIn("verwaltung-landkreis-gotha", "falsch-5");

    assertThat(fifth.headers().firstValue("Location").orElseThrow())
        .endsWith("/anmelden?gesperrt=15");
    assertThat(Browser.page(attacker.follow(fifth)).select("#error-summary").text())
        .contains("für 15 Minuten gesperrt");
    assertThat(
            location(browser().from(address).signIn("verwaltung-landkreis-gotha", DEMO_PASSWORD)))
        .as("even the right password waits at that address")
        .endsWith("/anmelden?gesperrt=15");
    assertThat(
            location(
                browser().from(newAddress()).signIn("verwaltung-landkreis-gotha", DEMO_PASSWORD)))
        .as("the owner elsewhere is not locked out")
        .endsWith("/verwaltung");
    assertThat(
            location(
                browser().from(address).signIn("sachbearbeitung-landkreis-gotha", DEMO_PASSWORD)))
        .as("other user names are not locked")
        .endsWith("/verwaltung");
  }

  @Test
  void failuresFromManyAddressesSlowDownUnknownAddressesAndTellTheTenantOnce()
      throws InterruptedException {
    String office = newAddress();
    assertThat(location(browser().from(office).signIn("sachbearbeitung-ohrdruf", DEMO_PASSWORD)))
        .endsWith("/verwaltung");
    int mailsBefore = alertsToOhrdruf();

    for (int attempt = 1; attempt < 10; attempt++) {
      assertThat(location(browser().from(newAddress()).signIn("sachbearbeitung-ohrdruf", "falsch")))
          .endsWith("/anmelden?fehler");
    }
    assertThat(location(browser().from(newAddress()).signIn("sachbearbeitung-ohrdruf", "falsch")))
        .as("the tenth failure already has to wait")
        .endsWith("/anmelden?gesperrt=1");
    for (int attempt = 11; attempt <= 12; attempt++) {
      Thread.sleep(Duration.ofMillis(1100L << (attempt - 11)));
      assertThat(location(browser().from(newAddress()).signIn("sachbearbeitung-ohrdruf", "falsch")))
          .as("failure %d, after the wait", attempt)
          .endsWith("/anmelden?gesperrt=1");
    }

    assertThat(
            location(browser().from(newAddress()).signIn("sachbearbeitung-ohrdruf", DEMO_PASSWORD)))
        .as("an unknown address waits, even with the right password")
        .contains("/anmelden?gesperrt");
    assertThat(location(browser().from(office).signIn("sachbearbeitung-ohrdruf", DEMO_PASSWORD)))
        .as("the office logs in")
        .endsWith("/verwaltung");
    assertThat(alertsToOhrdruf())
        .as("the tenant's contact address is told once")
        .isEqualTo(mailsBefore + 1);
  }

  private int alertsToOhrdruf() {
    return jdbc.sql(
            """
            select count(*) from outbound_mail
            where recipient = 'buergerbuero@ohrdruf.example'
              and subject = 'Viele fehlgeschlagene Anmeldeversuche beim Mitarbeiterkonto sachbearbeitung-ohrdruf'
            """)
        .query(Integer.class)
        .single();
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }

  /**
   * A client address of its own (from the benchmarking range 198.18.0.0/15), so that throttling
   * tests do not meet each other.
   */
  private static String newAddress() {
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    return "198.18." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
  }
}
