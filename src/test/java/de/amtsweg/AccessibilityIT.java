package de.amtsweg;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.account.TotpCodes;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.AxeBrowser;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every page a visitor, a citizen, a caseworker and the operator reach passes axe-core's WCAG 2.0,
 * 2.1 and 2.2 A/AA rules in a real Chromium, with JavaScript on and off, also with error summaries
 * shown. No rule is switched off.
 */
class AccessibilityIT extends AmtswegIT {

  private static final String ERIKA = "erika.mustermann@example.org";
  private static final String PASSWORD = "Kaffee Treppe Wolke Igel";

  /** The public pages anybody reaches without logging in. */
  private static final List<String> PUBLIC_PAGES =
      List.of(
          "/",
          "/?lang=en",
          "/ort",
          "/ort?q=Gotha",
          "/ort?q=Xyzzyvill",
          "/leistungen",
          "/leistungen?q=Hundesteuer",
          "/leistungen?q=Xyzzy+Quux",
          "/leistungen/99050012104000",
          "/leistungen/99102013000000",
          "/leistungen/99008001012000",
          "/antrag/status",
          "/behoerden",
          "/behoerden?q=Gotha",
          "/behoerden/160510000000",
          "/behoerden/160530000000/impressum",
          "/behoerden/160530000000/datenschutz",
          "/impressum",
          "/datenschutz",
          "/barrierefreiheit",
          "/barrierefreiheit/erfurt",
          "/leichte-sprache",
          "/leichte-sprache?lang=en",
          "/leichte-sprache/hundesteuer",
          "/leichte-sprache/foerderung-egovernment",
          "/gebaerdensprache",
          "/gebaerdensprache/meldebescheinigung",
          "/konto/anmelden",
          "/konto/registrieren",
          "/konto/passwort-vergessen",
          "/konto/passwort-neu?token=ungueltig",
          "/konto/bestaetigen?token=ungueltig",
          "/konto/bestaetigen/neu",
          "/konto/geloescht",
          "/anmelden",
          "/anmelden?fehler",
          "/leistungen/99999999999999",
          "/gibt-es-nicht");

  private static AxeBrowser withJs;
  private static AxeBrowser withoutJs;

  @Autowired Postfach postfach;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void startBrowsers() {
    URI base = URI.create("http://localhost:" + port);
    if (withJs == null) {
      withJs = AxeBrowser.start(base);
    }
    if (withoutJs == null) {
      withoutJs = AxeBrowser.startWithoutJavaScript(base);
    }
    withJs.forgetSession();
    withoutJs.forgetSession();
  }

  @AfterAll
  static void closeBrowsers() {
    if (withJs != null) {
      withJs.close();
      withJs = null;
    }
    if (withoutJs != null) {
      withoutJs.close();
      withoutJs = null;
    }
  }

  @Test
  void theCheckFindsViolationsAndNamesRuleElementAndPage() {
    withoutJs.open(
        "data:text/html,%3Chtml%3E%3Cbody%3E%3Cmain%3E%3Cimg%20src%3Dx.png%3E%3Ca%20href%3D%23%3E%3C%2Fa%3E%3C%2Fmain%3E%3C%2Fbody%3E%3C%2Fhtml%3E");
    List<String> found = withoutJs.violations();
    assertThat(String.join("\n", found))
        .contains(
            "html-has-lang (serious)",
            "image-alt (critical)",
            "link-name (serious)",
            "target: [img]",
            "page:   data:text/html");
  }

  @Test
  void publicPagesWithJavaScript() {
    // A tenant's pages carry its own colours (theme.css); the list checks them too.
    assertThat(withJs.open("/behoerden/160510000000").has("link[href*='/theme.css']"))
        .as("Erfurt's theme")
        .isTrue();
    withJs.assertNoViolationsOn(PUBLIC_PAGES);
  }

  @Test
  void publicPagesWithoutJavaScript() {
    assertThat(withJs.open("/leistungen").htmxRuns()).as("htmx with JavaScript on").isTrue();
    assertThat(withoutJs.open("/leistungen").htmxRuns()).as("htmx with JavaScript off").isFalse();
    withoutJs.assertNoViolationsOn(PUBLIC_PAGES);
  }

  @Test
  void onAPhoneSizedScreen() {
    try {
      withJs.windowSize(320, 720);
      withJs.assertNoViolationsOn(
          List.of(
              "/",
              "/leistungen?q=Hundesteuer",
              "/leistungen/99050012104000",
              "/behoerden/160510000000",
              "/konto/anmelden"));
      withJs.open("/konto/registrieren").submit(Map.of("email", "kein-at-zeichen"));
      withJs.assertNoViolations();
      withJs
          .logInCitizen(ERIKA, DEMO_PASSWORD)
          .assertNoViolationsOn(
              List.of("/konto", "/konto/postfach", "/konto/antraege", "/warenkorb"));
    } finally {
      withJs.windowSize(1280, 1024);
    }
  }

  @Test
  void onAPhoneTheHeaderIsAMenuAndTablesAreCards() {
    for (AxeBrowser browser : List.of(withJs, withoutJs)) {
      try {
        browser.windowSize(390, 844);
        browser.open("/");
        WebElement services =
            browser.driver().findElement(By.cssSelector(".site-nav a[href='/leistungen']"));
        assertThat(
                browser.driver().findElement(By.cssSelector(".site-header")).getSize().getHeight())
            .as("the header on a phone")
            .isLessThan(120);
        assertThat(shown(browser, services)).as("the menu starts closed").isFalse();
        WebElement toggle = browser.driver().findElement(By.cssSelector(".site-menu > summary"));
        toggle.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(shown(browser, services)).as("Enter opens the menu").isTrue();
        browser.assertNoViolations();

        browser.logInCitizen(ERIKA, DEMO_PASSWORD).open("/konto/antraege");
        List<WebElement> cells =
            browser.driver().findElements(By.cssSelector("main td[data-label]"));
        assertThat(cells).as("Meine Anträge has labelled cells").isNotEmpty();
        WebElement cell = cells.getFirst();
        assertThat(cell.getCssValue("display")).as("a cell on a phone").isEqualTo("block");
        assertThat(browser.driver().findElement(By.cssSelector("main table")).getRect().getWidth())
            .as("the table fits the screen")
            .isLessThanOrEqualTo(390);

        browser.windowSize(1280, 1024).open("/");
        assertThat(
                shown(
                    browser,
                    browser
                        .driver()
                        .findElement(By.cssSelector(".site-nav a[href='/leistungen']"))))
            .as("on a wide screen the navigation shows without a click")
            .isTrue();
        assertThat(
                shown(
                    browser, browser.driver().findElement(By.cssSelector(".site-menu > summary"))))
            .as("and needs no menu button")
            .isFalse();
      } finally {
        browser.windowSize(1280, 1024);
        browser.forgetSession();
      }
    }
  }

  @Test
  void liveSearchResultsThatHtmxLoadsWhileTyping() {
    withJs
        .open("/leistungen")
        .fill("q", "Hundesteuer")
        .waitFor("#service-results a[href*='/leistungen/']");
    assertThat(withJs.text()).contains("Hundesteuer");
    withJs.assertNoViolations();

    withJs.open("/ort").fill("q", "Gotha").waitFor("#place-suggestions .place-option");
    withJs.assertNoViolations();
    // With a chosen place, pages show the services of its authorities.
    withJs.submit("#place-suggestions form");
    withJs.assertNoViolations();
    withJs.assertNoViolations("/leistungen/99050012104000");

    withJs.open("/behoerden");
    WebElement region = withJs.driver().findElement(By.id("authority-results"));
    withJs.fill("q", "Jena").waitFor("#authority-results a[href*='/behoerden/1']");
    assertThat(region.getAttribute("aria-live"))
        .as("the live region stays; only its content changes")
        .isEqualTo("polite");
    withJs.assertNoViolations();
  }

  @Test
  void formsWithTheirErrorSummaries() {
    for (AxeBrowser browser : List.of(withJs, withoutJs)) {
      browser.forgetSession();
      browser
          .open("/konto/registrieren")
          .submit(
              Map.of("email", "kein-at-zeichen", "password", "kurz", "passwordRepeat", "anders"));
      assertThat(browser.has("#error-summary")).as("registration errors").isTrue();
      if (browser == withJs) {
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
            .as("after a failed submit the focus is on the error summary")
            .isEqualTo("error-summary");
      }
      browser.assertNoViolations();

      // An unknown account: failed logins of a real one would count towards its lock.
      browser
          .open("/konto/anmelden")
          .submit(Map.of("email", "niemand@example.org", "password", "falsch"));
      assertThat(browser.currentPath()).startsWith("/konto/anmelden");
      browser.assertNoViolations();

      browser.open("/konto/passwort-vergessen").submit(Map.of("email", "kein-at-zeichen"));
      assertThat(browser.has("#error-summary")).as("password reset errors").isTrue();
      browser.assertNoViolations();

      browser.open("/konto/bestaetigen/neu").submit(Map.of("email", "kein-at-zeichen"));
      assertThat(browser.has("#error-summary")).as("new confirmation link errors").isTrue();
      browser.assertNoViolations();

      browser.open("/anmelden").submit(Map.of("username", "niemand", "password", "falsch"));
      assertThat(browser.currentPath()).startsWith("/anmelden");
      if (browser == withJs) {
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
            .as("the failed staff login starts at its message")
            .isEqualTo("error-summary");
      }
      browser.assertNoViolations();

      browser.assertNoViolations("/ort?q=" + "x".repeat(101));

      browser
          .open("/barrierefreiheit/erfurt")
          .fill("email", "kein-at")
          .submit("main form[novalidate]");
      assertThat(browser.has("h1 ~ #error-summary")).as("accessibility feedback errors").isTrue();
      browser.assertNoViolations();

      // The status lookup: a wrong reference or code reads as one error, linked to the field.
      browser
          .open("/antrag/status")
          .submit(Map.of("reference", "HUND-1999-000001", "code", "AAAAA-AAAAA"));
      assertThat(browser.has("#error-summary")).as("status lookup errors").isTrue();
      browser.assertNoViolations();
    }
  }

  @Test
  void registrationConfirmationAndPasswordResetOfANewAccount() {
    AxeBrowser browser = withoutJs;
    String email = registerAndConfirm(browser);
    browser.assertNoViolations();

    browser.open("/konto/passwort-vergessen").submit(Map.of("email", email));
    browser.assertNoViolations();
    browser.open(mailLink(browser, email, "/konto/passwort-neu"));
    browser.submit(Map.of("password", "kurz", "passwordRepeat", "anders"));
    assertThat(browser.has("#error-summary")).as("new password errors").isTrue();
    browser.assertNoViolations();
  }

  @Test
  void theCitizensAccountPages() {
    // htmx only enhances the search fields; the account pages are the same HTML with JavaScript
    // off,
    // which the second browser checks on a sample to keep the run short.
    withoutJs.logInCitizen(ERIKA, DEMO_PASSWORD);
    withoutJs.assertNoViolationsOn(
        List.of("/konto", "/konto/postfach?q=Wohngeld", "/konto/profil/anschrift"));
    AxeBrowser browser = withJs;
    browser.logInCitizen(ERIKA, DEMO_PASSWORD);
    List<String> failures =
        check(
            browser,
            List.of(
                "/konto",
                "/konto/profil",
                "/konto/profil?gespeichert",
                "/konto/profil/person",
                "/konto/profil/anschrift",
                "/konto/profil/kontakt",
                "/konto/profil/bankverbindung",
                "/konto/postfach",
                "/konto/postfach?q=Wohngeld",
                "/konto/postfach?q=Xyzzy",
                "/konto/datenschutz",
                "/konto/sicherheit",
                "/konto/sicherheit/zwei-faktor",
                "/konto/sicherheit/zugangsschluessel",
                "/konto/organisationen",
                "/konto/organisationen/neu",
                "/konto/loeschen"));
    browser.open("/konto/postfach");
    String message = firstHref(browser, ".postfach-item__subject");
    failures.addAll(check(browser, List.of(message)));
    browser.open("/konto/organisationen");
    String organisation =
        firstHref(browser, "main a[href*='/konto/organisationen/']:not([href$='/neu'])");
    failures.addAll(check(browser, List.of(organisation, organisation + "/bearbeiten")));
    browser.assertNone(failures, "the account of " + ERIKA);
  }

  @Test
  void accountFormsWithErrorsTwoFactorSetupAndLoginPostfachRepliesAndDeletion()
      throws java.io.IOException {
    AxeBrowser browser = withJs;
    String email = registerAndConfirm(browser);
    browser.logInCitizen(email, PASSWORD);

    browser.open("/konto/profil/person").submit(Map.of("birthDate", "kein Datum"));
    assertThat(browser.has("#error-summary")).as("profile errors").isTrue();
    browser.assertNoViolations();

    browser.open("/konto/organisationen/neu").submit("main form[novalidate]");
    assertThat(browser.has("#error-summary")).as("organisation errors").isTrue();
    browser.assertNoViolations();

    browser.open("/konto/sicherheit").submit("form[action$='/konto/sicherheit/passwort']");
    assertThat(browser.has("#error-summary")).as("password change errors").isTrue();
    browser.assertNoViolations();

    browser.open("/konto/sicherheit/zwei-faktor").submit("form[action$='/zwei-faktor/einrichten']");
    assertThat(browser.has("#code")).as("TOTP setup with its code field").isTrue();
    browser.assertNoViolations();
    browser.submit(Map.of("code", "000000"));
    browser.assertNoViolations();
    String secret = browser.driver().findElement(By.id("totp-secret")).getText();
    browser.submit(Map.of("code", TotpCodes.now(secret)));
    List<String> recoveryCodes =
        browser.driver().findElements(By.cssSelector(".recovery-codes code")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(recoveryCodes).as("recovery codes shown once").isNotEmpty();
    browser.assertNoViolations();

    browser
        .forgetSession()
        .open("/konto/anmelden")
        .submit(Map.of("email", email, "password", PASSWORD));
    assertThat(browser.currentPath()).startsWith("/konto/anmelden/code");
    browser.assertNoViolations();
    browser.submit(Map.of("code", "000000"));
    assertThat(browser.has("#error-summary")).as("wrong second factor").isTrue();
    browser.assertNoViolations();
    browser.submit(Map.of("code", TotpCodes.next(secret)));
    assertThat(browser.currentPath()).isEqualTo("/konto");
    browser.assertNoViolations("/konto/sicherheit/zwei-faktor");

    browser
        .open("/konto/sicherheit/zugangsschluessel")
        .submit("main form[action$='/zugangsschluessel']");
    browser.assertNoViolations();

    UUID message =
        postfach.deliver(
            accountId(email),
            new Postfach.NewMessage(
                PostfachMessage.Kind.QUESTION,
                "160510000000",
                "Stadt Erfurt",
                "A11Y-2026-1",
                "Rückfrage zu Ihrem Antrag",
                "Bitte senden Sie uns den Nachweis.",
                List.of()));
    browser.open("/konto/postfach/" + message).submit("form[action$='/antwort']");
    assertThat(browser.has("#error-summary")).as("empty reply errors").isTrue();
    browser.assertNoViolations();
    java.nio.file.Path heic = java.nio.file.Files.createTempFile("IMG_0001", ".HEIC");
    java.nio.file.Files.write(
        heic,
        new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i'});
    browser.fill("text", "Mein Foto.");
    browser.driver().findElement(By.id("reply-file")).sendKeys(heic.toString());
    browser.submit("form[action$='/antwort']");
    assertThat(browser.has("#reply-file-error")).as("a HEIC photo is refused").isTrue();
    browser.assertNoViolations();
    java.nio.file.Files.delete(heic);
    browser
        .fill("text", "Anbei der Nachweis – Barrierefreiheitstest.")
        .submit("form[action$='/antwort']");
    assertThat(browser.text()).contains("Barrierefreiheitstest");
    browser.assertNoViolations();

    browser.forgetSession().signInStaff("sachbearbeitung-erfurt", DEMO_PASSWORD);
    browser.assertNoViolations("/verwaltung/postfach-antworten");
    browser.open("/verwaltung/postfach-antworten");
    browser.assertNoViolations(
        firstHref(browser, "main a[href*='/verwaltung/postfach-antworten/']"));

    browser
        .forgetSession()
        .open("/konto/anmelden")
        .submit(Map.of("email", email, "password", PASSWORD));
    browser.submit(Map.of("code", recoveryCodes.getFirst()));
    assertThat(browser.currentPath()).isEqualTo("/konto");
    browser.open("/konto/loeschen").submit("main form[action$='/konto/loeschen']");
    browser.assertNoViolations();
    browser
        .fill("password", PASSWORD)
        .tick("bestaetigung")
        .submit("main form[action$='/konto/loeschen']");
    assertThat(browser.currentPath()).startsWith("/konto/geloescht");
    browser.assertNoViolations();
  }

  @Test
  void staffPages() {
    AxeBrowser browser = withoutJs;
    browser.signInStaff("verwaltung-jena", DEMO_PASSWORD);
    List<String> failures =
        check(
            browser,
            List.of("/verwaltung/postfach-antworten", "/verwaltung/api-clients", "/leistungen"));
    // Delivery cockpit and routes, and the route form with its error summary (nothing is saved).
    failures.addAll(
        check(
            browser,
            List.of(
                "/verwaltung/zustellung",
                "/verwaltung/zustellung/wege",
                "/verwaltung/zustellung/wege/hundesteuer")));
    browser.open("/verwaltung/zustellung/wege/hundesteuer");
    browser.driver().findElement(org.openqa.selenium.By.id("channel-WEBHOOK")).click();
    browser
        .fill("webhookUrl", "http://fachverfahren.jena.example/amtsweg")
        .submit("main form[novalidate]");
    assertThat(browser.has("#error-summary")).as("route form errors").isTrue();
    failures.addAll(browser.violations());
    // Staff management of the tenant, and the invitation form with its errors.
    failures.addAll(
        check(
            browser,
            List.of(
                "/verwaltung/mitarbeitende",
                "/verwaltung/mitarbeitende/einladen",
                "/verwaltung/mitarbeitende/protokoll",
                "/mitarbeitende/passkeys")));
    failures.addAll(check(browser, List.of("/verwaltung/barrierefreiheit")));
    browser
        .open("/verwaltung/barrierefreiheit")
        .fill("reviewedOn", "kein Datum")
        .submit("main form");
    assertThat(browser.has("#error-summary")).as("accessibility statement errors").isTrue();
    failures.addAll(browser.violations());
    // The websites that may embed the tenant's apps (#18), and a refused line.
    failures.addAll(check(browser, List.of("/verwaltung/einbettung")));
    browser
        .open("/verwaltung/einbettung")
        .fill("origins", "https://*.example.de")
        .submit("main form");
    assertThat(browser.has("#error-summary")).as("embedding origin errors").isTrue();
    failures.addAll(browser.violations());
    browser.open("/verwaltung/mitarbeitende/einladen").fill("email", "kein-at").submit("main form");
    assertThat(browser.has("#error-summary")).as("invitation errors").isTrue();
    failures.addAll(browser.violations());
    browser.forgetSession().signInStaff("sachbearbeitung-gotha", DEMO_PASSWORD);
    failures.addAll(check(browser, List.of("/verwaltung/postfach-antworten", "/")));
    browser.assertNone(failures, "the staff pages");
  }

  @Test
  void operatorPages() {
    AxeBrowser browser = withJs;
    browser.signInStaff("betrieb", DEMO_PASSWORD);
    List<String> failures =
        check(
            browser,
            List.of(
                "/admin",
                "/admin/mandanten",
                "/admin/mandanten/neu",
                "/admin/mandanten/neu?q=Ohrdruf",
                "/admin/mandanten/neu?ars=160620041041",
                "/admin/mandanten/erfurt",
                "/admin/mandanten/ohrdruf",
                "/admin/katalog",
                "/admin/mitarbeitende",
                "/admin/mitarbeitende/einladen?tenant=ohrdruf&role=TENANT_ADMIN",
                "/admin/mitarbeitende/protokoll",
                "/admin/anmeldung/anbieter",
                "/admin/anmeldung/anbieter/neu"));
    browser
        .open("/admin/mandanten/neu?ars=160620041041")
        .fill("slug", "Nord Hausen")
        .submit("main form[novalidate]");
    assertThat(browser.has("#error-summary")).as("tenant form errors").isTrue();
    failures.addAll(browser.violations());
    browser.open("/admin/katalog").submit("form[action$='/admin/katalog/zustaendigkeit']");
    assertThat(browser.has("#error-summary")).as("Zuständigkeit errors").isTrue();
    failures.addAll(browser.violations());
    browser.open("/admin/katalog").submit("form[action$='/admin/katalog/reifegrad']");
    failures.addAll(browser.violations());
    browser.assertNone(failures, "the operator pages");
  }

  /**
   * Whether the browser renders the element (Selenium's isDisplayed takes everything in a closed
   * details element for hidden, even where CSS shows it).
   */
  private static boolean shown(AxeBrowser browser, WebElement element) {
    return Boolean.TRUE.equals(
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeScript("return arguments[0].checkVisibility()", element));
  }

  @Test
  void staffPagesThatPreventMistakesWithAndWithoutJavaScript() {
    for (AxeBrowser browser : List.of(withJs, withoutJs)) {
      browser.forgetSession().signInStaff("verwaltung-jena", DEMO_PASSWORD);
      List<String> failures =
          check(
              browser,
              List.of(
                  "/verwaltung/apps/meldebescheinigung",
                  "/verwaltung/apps/hundesteuer",
                  "/verwaltung/apps/hundesteuer/deaktivieren"));
      browser.open("/verwaltung/apps/hundesteuer").fill("p.steuerErsterHund", "6,505");
      browser.submit("main form[action$='/aktivieren']");
      assertThat(browser.has("#p-steuerErsterHund-error")).as("amount errors").isTrue();
      failures.addAll(browser.violations());
      browser.forgetSession().signInStaff("sachbearbeitung-gotha", DEMO_PASSWORD);
      failures.addAll(check(browser, List.of("/verwaltung/vorgaenge?von=gestern")));
      browser.forgetSession().signInStaff("betrieb", DEMO_PASSWORD);
      failures.addAll(
          check(
              browser,
              List.of(
                  "/admin/katalog?leistungSuche=Hundesteuer&ortSuche=Gotha",
                  "/admin/katalog?leistung=99102013000000&ort=160670029029",
                  "/admin/katalog?leistungSuche=xqzvw")));
      browser.assertNone(
          failures, "the staff pages of #16 (JavaScript " + browser.javaScript() + ")");
    }
  }

  /** Checks every page and collects the violations, so one run shows all of them. */
  private static List<String> check(AxeBrowser browser, List<String> paths) {
    List<String> failures = new java.util.ArrayList<>();
    for (String path : paths) {
      failures.addAll(browser.open(path).violations());
    }
    return failures;
  }

  /**
   * Registers a new account through the form and confirms it with the link from the local mailbox.
   */
  private static String registerAndConfirm(AxeBrowser browser) {
    String email = "a11y-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    browser
        .forgetSession()
        .open("/konto/registrieren")
        .submit(Map.of("email", email, "password", PASSWORD, "passwordRepeat", PASSWORD));
    assertThat(browser.currentPath()).startsWith("/konto/registrieren/gesendet");
    browser.assertNoViolations();
    browser.assertNoViolations("/demo/postfach-mails?an=" + email);
    browser.open(mailLink(browser, email, "/konto/bestaetigen"));
    browser.assertNoViolations();
    browser.submit("main form");
    assertThat(browser.currentPath()).isEqualTo("/konto/anmelden?bestaetigt");
    return email;
  }

  /** The newest link to {@code path} in the local mailbox of {@code email}. */
  private static String mailLink(AxeBrowser browser, String email, String path) {
    browser.open("/demo/postfach-mails?an=" + email);
    return firstHref(browser, ".local-mail a[href*='" + path + "?token=']");
  }

  /** The link target of the first element matching the selector, as a path with query. */
  private static String firstHref(AxeBrowser browser, String cssSelector) {
    List<WebElement> links = browser.driver().findElements(By.cssSelector(cssSelector));
    assertThat(links).as(cssSelector + " on " + browser.currentPath()).isNotEmpty();
    URI href = URI.create(links.getFirst().getDomProperty("href"));
    return href.getRawPath() + (href.getRawQuery() == null ? "" : "?" + href.getRawQuery());
  }

  private UUID accountId(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }
}
