package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The staff login is throttled like the citizen login. */
class StaffLoginThrottleIT extends AmtswegIT {

  @Test
  void wrongPasswordsLockTheStaffUserNameWithAMessage() {
    String address = "198.51.100." + (System.nanoTime() % 200 + 20);
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

    assertThat(fifth.headers().firstValue("Location").orElseThrow()).endsWith("/anmelden?gesperrt");
    assertThat(Browser.page(attacker.follow(fifth)).select("#error-summary").text())
        .contains("für 15 Minuten gesperrt");
    HttpResponse<String> owner =
        browser().from("198.51.100.250").signIn("verwaltung-landkreis-gotha", DEMO_PASSWORD);
    assertThat(owner.headers().firstValue("Location").orElseThrow())
        .as("even the right password waits")
        .endsWith("/anmelden?gesperrt");
    HttpResponse<String> colleague =
        browser().from(address).signIn("sachbearbeitung-landkreis-gotha", DEMO_PASSWORD);
    assertThat(colleague.headers().firstValue("Location").orElseThrow())
        .as("other user names are not locked")
        .endsWith("/verwaltung");
  }
}
