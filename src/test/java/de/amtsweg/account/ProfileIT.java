package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Meine Daten": values with provenance, Gemeinde resolved to its ARS, IBAN checked, edit and
 * delete.
 */
class ProfileIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  private final Citizens citizens = new Citizens(this::browser);

  @Test
  void theProfileShowsEachValueWithWhereItCameFrom() {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Document empty = Browser.page(browser.get("/konto/profil"));
    assertThat(empty.select("#person").text()).contains("Keine Angaben.");
    assertThat(empty.select("section[aria-labelledby=login-email-heading]").text())
        .contains(email, "bestätigt am");

    HttpResponse<String> saved =
        save(
            browser,
            "person",
            Map.of(
                "givenNames",
                "Erika Maria",
                "familyName",
                "Mustermann",
                "birthName",
                "Gabler",
                "birthDate",
                "12.8.1964",
                "birthPlace",
                "Berlin",
                "nationality",
                "DE"));

    assertThat(saved.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/profil?gespeichert#person");
    Document profile = Browser.page(browser.follow(saved));
    assertThat(profile.select("[role=status]").text()).contains("Ihre Angaben wurden gespeichert");
    assertThat(profile.select("#person dd").eachText())
        .anySatisfy(
            text -> assertThat(text).startsWith("Erika Maria").contains("von Ihnen eingegeben am"))
        .anySatisfy(text -> assertThat(text).startsWith("12. August 1964"))
        .anySatisfy(text -> assertThat(text).startsWith("Deutschland"));
    Document english = Browser.page(browser.get("/konto/profil?lang=en"));
    assertThat(english.select("#person dd").eachText())
        .anySatisfy(text -> assertThat(text).startsWith("Germany").contains("entered by you on"));
  }

  @Test
  void anUnchangedValueKeepsItsProvenance() {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    save(browser, "person", Map.of("givenNames", "Erika", "familyName", "Mustermann"));
    jdbc.sql(
            "update profile_value set updated_at = timestamptz '2020-03-01 12:00+01' where account_id = (select id from account where email = ?)")
        .param(email)
        .update();

    save(browser, "person", Map.of("givenNames", "Erika", "familyName", "Musterfrau"));

    Document profile = Browser.page(browser.get("/konto/profil"));
    assertThat(profile.select("#person dd").eachText())
        .anySatisfy(text -> assertThat(text).startsWith("Erika").contains("01.03.2020"))
        .anySatisfy(text -> assertThat(text).startsWith("Musterfrau").doesNotContain("2020"));
  }

  @Test
  void theAddressIsResolvedToItsGemeinde() {
    Browser browser = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);

    save(
        browser,
        "anschrift",
        Map.of("street", "Fischmarkt", "houseNumber", "1", "postcode", "99084", "city", "Erfurt"));

    assertThat(Browser.page(browser.get("/konto/profil")).select("#anschrift dd").eachText())
        .anySatisfy(text -> assertThat(text).startsWith("Stadt Erfurt (160510000000)"));
  }

  @Test
  void anAmbiguousPostcodeAsksForTheGemeinde() {
    Browser browser = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);

    Map<String, String> address =
        new HashMap<>(Map.of("street", "Hauptstraße", "postcode", "07586", "city", "Ortsteil"));
    Document choice = Browser.page(save(browser, "anschrift", address));

    assertThat(choice.select("#error-summary a[href=#municipalityArs]").text())
        .contains("mehrere Gemeinden");
    assertThat(choice.select("#municipalityArs label").eachText())
        .contains("Stadt Bad Köstritz", "Gemeinde Caaschwitz");
    assertThat(choice.select("#city").attr("value")).isEqualTo("Ortsteil");
    String badKoestritz =
        choice.select("#municipalityArs input").stream()
            .filter(
                radio ->
                    choice
                        .select("label[for=" + radio.id() + "]")
                        .text()
                        .equals("Stadt Bad Köstritz"))
            .findFirst()
            .orElseThrow()
            .attr("value");

    address.put("municipalityArs", badKoestritz);
    save(browser, "anschrift", address);

    assertThat(Browser.page(browser.get("/konto/profil")).select("#anschrift dd").eachText())
        .anySatisfy(
            text -> assertThat(text).startsWith("Stadt Bad Köstritz (" + badKoestritz + ")"));
  }

  @Test
  void theIbanAndTheBirthDateAreChecked() {
    Browser browser = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);

    Document wrongIban =
        Browser.page(
            save(
                browser,
                "bankverbindung",
                Map.of(
                    "accountHolder", "Erika Mustermann", "iban", "DE89 3704 0044 0532 0130 01")));
    Document wrongDate = Browser.page(save(browser, "person", Map.of("birthDate", "31.2.1964")));
    Document future = Browser.page(save(browser, "person", Map.of("birthDate", "1.1.2999")));
    HttpResponse<String> valid =
        save(
            browser,
            "bankverbindung",
            Map.of("accountHolder", "Erika Mustermann", "iban", "de89370400440532013000"));

    assertThat(wrongIban.select("#iban-error").text()).contains("nicht gültig");
    assertThat(wrongIban.select("#iban").attr("value")).isEqualTo("DE89 3704 0044 0532 0130 01");
    assertThat(wrongDate.select("#birthDate-error").text()).contains("Tag.Monat.Jahr");
    assertThat(future.select("#birthDate-error").text()).contains("zwischen 1900 und heute");
    assertThat(valid.statusCode()).isEqualTo(302);
    assertThat(Browser.page(browser.get("/konto/profil")).select("#bankverbindung dd").eachText())
        .anySatisfy(text -> assertThat(text).startsWith("DE89 3704 0044 0532 0130 00"));
    assertThat(
            Browser.page(browser.get("/konto/profil/bankverbindung")).select("#iban").attr("value"))
        .isEqualTo("DE89 3704 0044 0532 0130 00");
  }

  @Test
  void aSectionIsDeletedWithAllItsValues() {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    save(browser, "kontakt", Map.of("phone", "0361 123456"));
    save(browser, "person", Map.of("familyName", "Mustermann"));
    Document profile = Browser.page(browser.get("/konto/profil"));

    HttpResponse<String> deleted =
        browser.submit("/konto/profil/kontakt/loeschen", Browser.csrf(profile), Map.of());

    assertThat(deleted.headers().firstValue("Location").orElseThrow())
        .endsWith("/konto/profil?geloescht");
    assertThat(
            jdbc.sql(
                    "select field from profile_value where account_id = (select id from account where email = ?)")
                .param(email)
                .query(String.class)
                .list())
        .containsExactly("FAMILY_NAME");
  }

  @Test
  void theProfileNeedsTheLoginAndUnknownSectionsAreNotFound() {
    assertThat(browser().get("/konto/profil").statusCode()).isEqualTo(302);
    Browser browser = citizens.loggedIn(citizens.confirmedAccount(), Citizens.PASSWORD);
    assertThat(browser.get("/konto/profil/geheim").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> save(
      Browser browser, String section, Map<String, String> values) {
    Document form = Browser.page(browser.get("/konto/profil/" + section));
    return browser.submit("/konto/profil/" + section, Browser.csrf(form), values);
  }
}
