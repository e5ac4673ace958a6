package de.amtsweg.support;

import de.amtsweg.platform.Totp;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/**
 * Test helper for staff with a second factor: the codes an authenticator app shows for a TOTP
 * secret, the invitation link in a mail, and the steps a person takes to accept an invitation and
 * to sign in with a code. For tests of any module (e.g. the production smoke test).
 */
public final class StaffSignIn {

  private static final Pattern LINK =
      Pattern.compile("https?://\\S+/anmelden/einladung\\?token=[A-Za-z0-9_-]{43}");

  private StaffSignIn() {}

  /** The code of the current 30-second step. */
  public static String code(String base32Secret) {
    return codeAt(base32Secret, 0);
  }

  /** The code of the next step (accepted too, for a second login within the same step). */
  public static String nextCode(String base32Secret) {
    return codeAt(base32Secret, 1);
  }

  /** The code {@code offset} steps from now (the server accepts -1, 0 and +1, each once). */
  public static String codeAt(String base32Secret, int offset) {
    return Totp.code(
        Totp.base32Decode(base32Secret.replace(" ", "")),
        Totp.step(Instant.now().getEpochSecond()) + offset,
        Totp.DIGITS);
  }

  /** The invitation link in a mail's text, as a path with query (to request from the test app). */
  public static String invitationPath(String mailBody) {
    Matcher matcher = LINK.matcher(mailBody);
    if (!matcher.find()) {
      throw new AssertionError("no invitation link in: " + mailBody);
    }
    String link = matcher.group();
    return link.substring(link.indexOf("/anmelden/einladung"));
  }

  /**
   * Accepts an invitation: opens the link, sets the password, registers the authenticator app with
   * its first code, and completes the login.
   *
   * @return the TOTP secret (Base32) the app was set up with
   */
  public static String acceptInvitation(Browser browser, String invitationPath, String password) {
    Document invitation = Browser.page(browser.get(invitationPath));
    String token = invitationPath.substring(invitationPath.indexOf("token=") + 6);
    HttpResponse<String> accepted =
        browser.submit(
            "/anmelden/einladung",
            Browser.csrf(invitation),
            Map.of("token", token, "password", password, "passwordRepeated", password));
    expectRedirect(accepted, "/anmelden/zweiter-faktor");
    return registerAuthenticator(browser);
  }

  /**
   * On the page {@code /anmelden/zweiter-faktor}: reads the secret, confirms it with a code and
   * completes the login.
   *
   * @return the TOTP secret
   */
  public static String registerAuthenticator(Browser browser) {
    Document register = Browser.page(browser.get("/anmelden/zweiter-faktor"));
    String secret = register.selectFirst("#totp-secret").text().replace(" ", "");
    HttpResponse<String> codes =
        browser.submit(
            "/anmelden/zweiter-faktor", Browser.csrf(register), Map.of("code", code(secret)));
    if (codes.statusCode() != 200) {
      throw new AssertionError("registering the factor failed: " + codes.statusCode());
    }
    HttpResponse<String> done =
        browser.submit(
            "/anmelden/zweiter-faktor/fertig", Browser.csrf(Browser.page(codes)), Map.of());
    String landing = done.headers().firstValue("Location").orElse("");
    if (done.statusCode() != 302 || landing.contains("/anmelden")) {
      throw new AssertionError("completing the login failed: " + done.statusCode() + " " + landing);
    }
    return secret;
  }

  /**
   * Signs in with password and a code of the secret ({@code nextCode} if the current step's code
   * was used already).
   *
   * @return the answer to the code (a redirect to the staff's first page on success)
   */
  public static HttpResponse<String> signIn(
      Browser browser, String username, String password, String code) {
    HttpResponse<String> password1 = browser.signIn(username, password);
    expectRedirect(password1, "/anmelden/code");
    Document form = Browser.page(browser.get("/anmelden/code"));
    return browser.submit("/anmelden/code", Browser.csrf(form), Map.of("code", code));
  }

  private static void expectRedirect(HttpResponse<String> response, String path) {
    String location = response.headers().firstValue("Location").orElse("");
    if (!location.endsWith(path)) {
      throw new AssertionError(
          "expected a redirect to " + path + ", got " + response.statusCode() + " " + location);
    }
  }
}
