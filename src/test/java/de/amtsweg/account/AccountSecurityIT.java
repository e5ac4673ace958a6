package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** "Anmeldung und Sicherheit": change password and e-mail address, log out everywhere. */
class AccountSecurityIT extends AmtswegIT {

  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void changingThePasswordKeepsThisSessionAndEndsTheOthers() {
    String email = citizens.confirmedAccount();
    Browser here = citizens.loggedIn(email, Citizens.PASSWORD);
    Browser there = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(here.get("/konto/sicherheit"));
    assertThat(page.select("#sessions-heading + p").text()).contains("2 Sitzungen");
    String sessionBefore = here.cookieValue("AMTSWEG_SESSION");

    HttpResponse<String> changed =
        here.submit(
            "/konto/sicherheit/passwort",
            Browser.csrf(page),
            Map.of(
                "currentPassword",
                Citizens.PASSWORD,
                "newPassword",
                Citizens.OTHER_PASSWORD,
                "newPasswordRepeat",
                Citizens.OTHER_PASSWORD));

    assertThat(changed.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/sicherheit?passwort-geaendert");
    assertThat(here.cookieValue("AMTSWEG_SESSION")).isNotEqualTo(sessionBefore);
    assertThat(Browser.page(here.follow(changed)).select("[role=status]").text())
        .contains("Ihr Passwort wurde geändert");
    assertThat(there.get("/konto").statusCode()).isEqualTo(302);
    citizens.loggedIn(email, Citizens.OTHER_PASSWORD);
  }

  @Test
  void aWrongCurrentPasswordIsExplainedAndChangesNothing() {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(browser.get("/konto/sicherheit"));

    Document refused =
        Browser.page(
            browser.submit(
                "/konto/sicherheit/passwort",
                Browser.csrf(page),
                Map.of(
                    "currentPassword",
                    "falsch-falsch",
                    "newPassword",
                    Citizens.OTHER_PASSWORD,
                    "newPasswordRepeat",
                    Citizens.OTHER_PASSWORD)));

    assertThat(refused.select("#error-summary a[href=#currentPassword]").text())
        .isEqualTo("Das aktuelle Passwort stimmt nicht.");
    assertThat(refused.select("#currentPassword, #newPassword").eachAttr("value")).containsOnly("");
    citizens.loggedIn(email, Citizens.PASSWORD);
  }

  @Test
  void aNewEmailAddressCountsOnlyOnceConfirmed() {
    String email = citizens.confirmedAccount();
    String newEmail = Citizens.newEmail();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(browser.get("/konto/sicherheit"));

    HttpResponse<String> requested =
        browser.submit(
            "/konto/sicherheit/email",
            Browser.csrf(page),
            Map.of("newEmail", newEmail, "emailPassword", Citizens.PASSWORD));

    assertThat(requested.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/sicherheit?email-link-gesendet");
    assertThat(citizens.subjects(email).getFirst())
        .isEqualTo("Ihre E-Mail-Adresse soll geändert werden");
    assertThat(Browser.page(browser.get("/konto")).text()).contains(email);

    HttpResponse<String> confirmed =
        Citizens.confirm(browser, citizens.link(newEmail, "/konto/bestaetigen"));

    assertThat(confirmed.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/sicherheit?email-geaendert");
    assertThat(Browser.page(browser.get("/konto")).text()).contains(newEmail);
    citizens.loggedIn(newEmail, Citizens.PASSWORD);
    assertThat(
            browser()
                .from(Citizens.newClientAddress())
                .logIn(email, Citizens.PASSWORD)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void aNewAddressNeedsTheCurrentPassword() {
    Browser browser = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);
    Document page = Browser.page(browser.get("/konto/sicherheit"));

    Document refused =
        Browser.page(
            browser.submit(
                "/konto/sicherheit/email",
                Browser.csrf(page),
                Map.of("newEmail", "keine-adresse", "emailPassword", "")));

    assertThat(refused.select("#error-summary a").eachAttr("href"))
        .containsExactly("#newEmail", "#emailPassword");
  }

  @Test
  void logOutEverywhereEndsEverySession() {
    String email = citizens.confirmedAccount();
    Browser here = citizens.loggedIn(email, Citizens.PASSWORD);
    Browser there = citizens.loggedIn(email, Citizens.PASSWORD);
    Document page = Browser.page(here.get("/konto/sicherheit"));

    HttpResponse<String> out =
        here.submit("/konto/sicherheit/ueberall-abmelden", Browser.csrf(page), Map.of());

    assertThat(out.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/anmelden?ueberall-abgemeldet");
    assertThat(here.get("/konto").statusCode()).isEqualTo(302);
    assertThat(there.get("/konto").statusCode()).isEqualTo(302);
    assertThat(Browser.page(here.follow(out)).select("[role=status]").text())
        .contains("auf allen Geräten abgemeldet");
  }
}
