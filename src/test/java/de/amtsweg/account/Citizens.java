package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.platform.Totp;
import de.amtsweg.support.Browser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Test helpers: register accounts and read the mails of the local mailbox, over real HTTP. */
final class Citizens {

  static final String PASSWORD = "Kaffee Treppe Wolke Igel";
  static final String OTHER_PASSWORD = "Laterne Pinguin Sofa Regen";

  private final Supplier<Browser> browsers;

  Citizens(Supplier<Browser> browsers) {
    this.browsers = browsers;
  }

  static String newEmail() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  /** A client address of its own (TEST-NET-3), so that throttling tests do not meet each other. */
  static String newClientAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "203.0." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
  }

  /** Registers an account through the form and returns the registration's response. */
  HttpResponse<String> register(Browser browser, String email, String password) {
    Document form = Browser.page(browser.get("/konto/registrieren"));
    return browser.submit(
        "/konto/registrieren",
        Browser.csrf(form),
        Map.of("email", email, "password", password, "passwordRepeat", password));
  }

  /** Registers and confirms an account, as its owner would with the mail. */
  String confirmedAccount() {
    String email = newEmail();
    Browser browser = browsers.get();
    assertThat(register(browser, email, PASSWORD).statusCode()).isEqualTo(302);
    HttpResponse<String> confirmed = confirm(browser, link(email, "/konto/bestaetigen"));
    assertThat(confirmed.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/anmelden?bestaetigt");
    return email;
  }

  /** A browser logged in to this account. */
  Browser loggedIn(String email, String password) {
    Browser browser = browsers.get();
    HttpResponse<String> login = browser.logIn(email, password);
    assertThat(login.statusCode()).as("login of " + email).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/konto");
    return browser;
  }

  /**
   * Turns the second factor on through the pages, as its owner would with an authenticator app (the
   * code of the current time step confirms it).
   *
   * @return the TOTP secret (Base32)
   */
  static String turnOnSecondFactor(Browser browser) {
    Document page = Browser.page(browser.get("/konto/sicherheit/zwei-faktor"));
    Document setup =
        Browser.page(
            browser.follow(
                browser.submit(
                    "/konto/sicherheit/zwei-faktor/einrichten", Browser.csrf(page), Map.of())));
    String secret = setup.select("#totp-secret").text().replace(" ", "");
    HttpResponse<String> confirmed =
        browser.submit(
            "/konto/sicherheit/zwei-faktor/bestaetigen",
            Browser.csrf(setup),
            Map.of("code", totp(secret, 0)));
    assertThat(confirmed.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/sicherheit/zwei-faktor/codes");
    return secret;
  }

  /** The code an authenticator app shows for this secret, {@code steps} time steps from now. */
  static String totp(String secret, int steps) {
    return Totp.code(
        Totp.base32Decode(secret),
        Totp.step(java.time.Instant.now().getEpochSecond()) + steps,
        Totp.DIGITS);
  }

  /** Opens a confirmation link and presses its button. */
  static HttpResponse<String> confirm(Browser browser, String link) {
    Document page = Browser.page(browser.get(link));
    return browser.submit(
        "/konto/bestaetigen",
        Browser.csrf(page),
        Map.of("token", page.selectFirst("input[name=token]").attr("value")));
  }

  /** The newest link to {@code path} in the local mailbox of {@code email}, as a local path. */
  String link(String email, String path) {
    Document mailbox = Browser.page(browsers.get().get("/demo/postfach-mails?an=" + email));
    Element link = mailbox.selectFirst(".local-mail a[href*=" + path + "?token=]");
    assertThat(link).as("mail with a link to " + path + " for " + email).isNotNull();
    URI uri = URI.create(link.attr("href"));
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  /** The subjects of the mails to {@code email}, newest first. */
  java.util.List<String> subjects(String email) {
    return Browser.page(browsers.get().get("/demo/postfach-mails?an=" + email))
        .select(".local-mail h2")
        .eachText();
  }
}
