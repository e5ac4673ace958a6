package de.amtsweg.platform.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.platform.security.StaffFactor;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Passkeys in a real Chromium with its virtual authenticator (a platform authenticator with
 * discoverable credentials and user verification, as a laptop's fingerprint reader): staff and
 * citizens add one, sign in with it alone, cannot use it at the other population's login, and a
 * removed passkey no longer signs in (ADR 0024).
 */
class PasskeyLoginIT extends AmtswegIT {

  private static final String STAFF = "sachbearbeitung-ohrdruf";
  private static final String ERIKA = "erika.mustermann@example.org";

  @Autowired private List<StaffFactor> factors;
  @Autowired private JdbcClient jdbc;

  @Test
  void staffSignInWithAPasskeyAloneButNotAtTheCitizenLoginAndNoLongerOnceRemoved() {
    UUID staffId =
        jdbc.sql("select id from staff_account where username = ?")
            .param(STAFF)
            .query(UUID.class)
            .single();
    try (AxeBrowser chromium = AxeBrowser.start(base())) {
      VirtualAuthenticator authenticator = authenticator(chromium);
      chromium.signInStaff(STAFF, DEMO_PASSWORD);
      chromium.open("/mitarbeitende/passkeys");
      assertThat(chromium.has("tr.passkey")).isFalse();
      add(chromium, "Dienstlaptop");
      assertThat(chromium.currentPath()).isEqualTo("/mitarbeitende/passkeys");
      assertThat(chromium.driver().findElement(By.cssSelector("tr.passkey")).getText())
          .contains("Dienstlaptop");
      assertThat(authenticator.getCredentials()).hasSize(1);
      assertThat(passkeyFactor().registered(staffId)).isTrue();
      assertThat(chromium.violations()).isEmpty();

      // Signed out, the passkey alone signs in: no password, no second step.
      chromium.forgetSession();
      chromium.open("/anmelden");
      chromium.click("#passkey-login");
      assertThat(chromium.currentPath()).startsWith("/verwaltung");
      assertThat(chromium.text()).contains(STAFF);

      // The staff passkey is unknown to the Servicekonto.
      chromium.forgetSession();
      chromium.open("/konto/anmelden");
      refused(chromium, "/konto/anmelden");
      chromium.open("/konto");
      assertThat(chromium.currentPath()).isEqualTo("/konto/anmelden");

      // Removed, it no longer signs in (the authenticator still has it).
      chromium.open("/anmelden");
      chromium.click("#passkey-login");
      chromium.open("/mitarbeitende/passkeys");
      chromium.submit("tr.passkey form");
      assertThat(chromium.has("tr.passkey")).isFalse();
      assertThat(passkeyFactor().registered(staffId)).isFalse();
      chromium.forgetSession();
      chromium.open("/anmelden");
      refused(chromium, "/anmelden");
      chromium.open("/verwaltung");
      assertThat(chromium.currentPath()).isEqualTo("/anmelden");
    }
  }

  @Test
  void citizenSignInWithAPasskeyAloneButNotAtTheStaffLoginAndNoLongerOnceRemoved() {
    try (AxeBrowser chromium = AxeBrowser.start(base())) {
      VirtualAuthenticator authenticator = authenticator(chromium);
      chromium.logInCitizen(ERIKA, DEMO_PASSWORD);
      chromium.open("/konto/sicherheit");
      chromium.click("a[href='/konto/sicherheit/passkeys']");
      add(chromium, "Telefon");
      assertThat(chromium.currentPath()).isEqualTo("/konto/sicherheit/passkeys");
      assertThat(chromium.driver().findElement(By.cssSelector("tr.passkey")).getText())
          .contains("Telefon");
      assertThat(authenticator.getCredentials()).hasSize(1);
      assertThat(chromium.violations()).isEmpty();

      chromium.forgetSession();
      chromium.open("/konto/anmelden");
      chromium.click("#passkey-login");
      assertThat(chromium.currentPath()).isEqualTo("/konto");

      // The citizen's passkey is unknown to the staff sign-in.
      chromium.forgetSession();
      chromium.open("/anmelden");
      refused(chromium, "/anmelden");
      chromium.open("/verwaltung");
      assertThat(chromium.currentPath()).isEqualTo("/anmelden");

      // Asked for an account page, the passkey login lands there.
      chromium.open("/konto/sicherheit/passkeys");
      assertThat(chromium.currentPath()).isEqualTo("/konto/anmelden");
      chromium.click("#passkey-login");
      assertThat(chromium.currentPath()).isEqualTo("/konto/sicherheit/passkeys");
      chromium.submit("tr.passkey form");
      assertThat(chromium.has("tr.passkey")).isFalse();
      chromium.forgetSession();
      chromium.open("/konto/anmelden");
      refused(chromium, "/konto/anmelden");
    }
  }

  @Test
  void withoutJavaScriptThePasskeyButtonsAreHiddenAndThePasswordFormsRemain() {
    try (AxeBrowser chromium = AxeBrowser.startWithoutJavaScript(base())) {
      for (String login : List.of("/anmelden", "/konto/anmelden")) {
        chromium.open(login);
        assertThat(chromium.driver().findElement(By.id("passkey-login")).isDisplayed()).isFalse();
        assertThat(chromium.driver().findElement(By.name("password")).isDisplayed()).isTrue();
      }
      chromium.logInCitizen(ERIKA, DEMO_PASSWORD);
      chromium.open("/konto/sicherheit/passkeys");
      assertThat(chromium.driver().findElement(By.id("passkey-add")).isDisplayed()).isFalse();
      assertThat(chromium.text()).contains("braucht Ihr Browser JavaScript");
      assertThat(chromium.violations()).isEmpty();
    }
  }

  private URI base() {
    return URI.create("http://localhost:" + port);
  }

  private StaffFactor passkeyFactor() {
    return factors.stream().filter(f -> f.id().equals("passkey")).findFirst().orElseThrow();
  }

  /** A platform authenticator with a fingerprint reader that always recognises its owner. */
  private static VirtualAuthenticator authenticator(AxeBrowser chromium) {
    return ((HasVirtualAuthenticator) chromium.driver())
        .addVirtualAuthenticator(
            new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
  }

  /** Adds a passkey on the page's form; the page reloads with it listed. */
  private static void add(AxeBrowser chromium, String label) {
    chromium.fill("label", label);
    chromium.driver().findElement(By.cssSelector("#passkey-add button[type=submit]")).click();
    chromium.waitFor("tr.passkey");
  }

  /** The passkey button is pressed, the sign-in refused: the error shows, the page stays. */
  private static void refused(AxeBrowser chromium, String loginPath) {
    chromium.driver().findElement(By.id("passkey-login")).click();
    chromium.waitFor("#passkey-error:not([hidden])");
    assertThat(chromium.currentPath()).isEqualTo(loginPath);
  }
}
