package de.amtsweg.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.amtsweg.account.PostfachMessage.File;
import de.amtsweg.account.PostfachMessage.Kind;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Datenschutz-Cockpit, the GDPR export and the deletion of an account. */
class DataProtectionIT extends AmtswegIT {

  @Autowired JdbcClient jdbc;
  @Autowired Postfach postfach;
  @Autowired DataSharing sharing;
  private final Citizens citizens = new Citizens(this::browser);
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theCockpitListsEverySharingNewestFirstInPlainWords() {
    String email = citizens.confirmedAccount();
    UUID account = accountId(email);
    sharing.record(
        account,
        new DataSharing.Disclosure(
            "160510000000",
            "Stadt Erfurt",
            "99108008000000",
            "Hund anmelden",
            Set.of(ProfileField.FAMILY_NAME, ProfileField.GIVEN_NAMES),
            "HS-1"));
    sharing.record(
        account,
        new DataSharing.Disclosure(
            "160530000000",
            "Stadt Jena",
            null,
            "Wohngeld beantragen",
            Set.of(ProfileField.IBAN),
            null));
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);

    Document cockpit = Browser.page(browser.get("/konto/datenschutz"));

    assertThat(cockpit.select(".sharing-item h3").eachText())
        .containsExactly("Wohngeld beantragen", "Hund anmelden");
    assertThat(cockpit.select(".sharing-item").get(1).text())
        .contains("An Stadt Erfurt am", "Vorgang: HS-1", "Vornamen", "Familienname");
    assertThat(cockpit.select(".sharing-item").get(1).select("ul li").eachText())
        .containsExactly("Vornamen", "Familienname");
  }

  @Test
  void theExportHoldsEverythingTheAccountPagesShow() throws IOException {
    String email = citizens.confirmedAccount();
    UUID account = accountId(email);
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    fillProfile(browser, "Export");
    UUID question =
        postfach.deliver(
            account, PostfachIT.message(Kind.QUESTION, "Rückfrage", "Bitte Nachweis.", List.of()));
    postfach.deliver(
        account,
        PostfachIT.message(
            Kind.BESCHEID,
            "Bescheid",
            "Anbei.",
            List.of(new File("bescheid.pdf", "application/pdf", PostfachIT.PDF))));
    postfach.reply(
        account,
        question,
        "Hier der Nachweis.",
        List.of(new File("nachweis.pdf", "application/pdf", PostfachIT.PDF)));
    sharing.record(
        account,
        new DataSharing.Disclosure(
            "160510000000",
            "Stadt Erfurt",
            null,
            "Hund anmelden",
            Set.of(ProfileField.FAMILY_NAME),
            null));

    HttpResponse<byte[]> download = browser.download("/konto/datenschutz/export");

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/zip");
    Map<String, byte[]> zip = unzip(download.body());
    JsonNode export = json.readTree(zip.get("servicekonto.json"));
    assertThat(export.path("account").path("email").asString()).isEqualTo(email);
    assertThat(export.path("account").path("emailConfirmedAt").asString()).isNotBlank();
    assertThat(export.path("account").path("secondFactor").asBoolean()).isFalse();
    assertThat(export.path("account").path("linkedIdentityProviders")).isEmpty();
    JsonNode profile = export.path("profile");
    Document page = Browser.page(browser.get("/konto/profil"));
    int shownValues = page.select("section[id] dd").size();
    assertThat(profile.properties()).hasSize(shownValues);
    for (ProfileField field : ProfileField.values()) {
      assertThat(profile.path(field.key()).path("value").asString()).as(field.key()).isNotBlank();
      assertThat(profile.path(field.key()).path("source").asString()).isEqualTo("USER");
    }
    assertThat(profile.path("iban").path("value").asString()).isEqualTo("DE89370400440532013000");
    assertThat(export.path("postfach")).hasSize(3);
    assertThat(export.path("postfach").findValuesAsString("subject"))
        .containsExactlyInAnyOrder("Rückfrage", "Bescheid", "AW: Rückfrage");
    List<String> files = export.path("postfach").findValuesAsString("file");
    assertThat(files)
        .hasSize(2)
        .allSatisfy(path -> assertThat(zip.get(path)).startsWith("%PDF-".getBytes()));
    assertThat(export.path("dataSharing").get(0).path("serviceName").asString())
        .isEqualTo("Hund anmelden");
    assertThat(export.path("dataSharing").get(0).path("fields").get(0).asString())
        .isEqualTo("familyName");
  }

  @Test
  void theExportHoldsWhatTheSecurityTokenAndOrganisationPagesShow() throws IOException {
    String email = citizens.confirmedAccount();
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Citizens.turnOnSecondFactor(browser);
    Document tokenForm = Browser.page(browser.get("/konto/sicherheit/zugangsschluessel"));
    browser.submit(
        "/konto/sicherheit/zugangsschluessel",
        Browser.csrf(tokenForm),
        Map.of("name", "Haushaltsbuch", "days", "30"));
    String organisationPath = OrganisationIT.create(browser, "Tischlerei Export GmbH");

    JsonNode export =
        json.readTree(
            unzip(browser.download("/konto/datenschutz/export").body()).get("servicekonto.json"));

    JsonNode account = export.path("account");
    assertThat(Browser.page(browser.get("/konto/sicherheit")).text())
        .contains(email, "Eingeschaltet: Bei der Anmeldung fragen wir nach einem Code");
    assertThat(account.path("email").asString()).isEqualTo(email);
    assertThat(account.path("secondFactor").asBoolean()).isTrue();
    assertThat(
            Browser.page(browser.get("/konto/sicherheit/zwei-faktor"))
                .select("#second-factor-status")
                .text())
        .contains("noch 10 unbenutzte");
    assertThat(account.path("recoveryCodesLeft").asInt()).isEqualTo(10);

    String tokenShown =
        Browser.page(browser.get("/konto/sicherheit/zugangsschluessel"))
            .select(".token-item")
            .text();
    JsonNode token = account.path("accessTokens").get(0);
    assertThat(tokenShown)
        .contains(
            token.path("name").asString(),
            berlinDate(token.path("createdAt").asString()),
            berlinDate(token.path("expiresAt").asString()));
    assertThat(token.path("name").asString()).isEqualTo("Haushaltsbuch");

    Document organisation = Browser.page(browser.get(organisationPath));
    JsonNode shared = export.path("organisations").get(0);
    assertThat(organisation.select("h1").text()).isEqualTo(shared.path("name").asString());
    assertThat(organisation.select("dd").eachText())
        .containsExactly(
            "GmbH",
            shared.path("registerNumber").asString(),
            shared.path("street").asString()
                + " "
                + shared.path("houseNumber").asString()
                + ", "
                + shared.path("postcode").asString()
                + " "
                + shared.path("city").asString());
    assertThat(shared.path("legalForm").asString()).isEqualTo("GMBH");
    assertThat(organisation.text()).contains("Ihre Rolle: Administration");
    assertThat(shared.path("role").asString()).isEqualTo("ADMIN");
  }

  @Test
  void deletingTheAccountLeavesNoTraceOfItInTheDatabase() {
    String email = citizens.confirmedAccount();
    UUID account = accountId(email);
    String marker = "Spur" + UUID.randomUUID().toString().substring(0, 8);
    Browser browser = citizens.loggedIn(email, Citizens.PASSWORD);
    Browser elsewhere = citizens.loggedIn(email, Citizens.PASSWORD);
    fillProfile(browser, marker);
    UUID question =
        postfach.deliver(
            account,
            PostfachIT.message(
                Kind.QUESTION,
                marker,
                marker,
                List.of(new File(marker + ".pdf", "application/pdf", PostfachIT.PDF))));
    postfach.reply(account, question, marker, List.of());
    sharing.record(
        account,
        new DataSharing.Disclosure(
            "160510000000",
            "Stadt Erfurt",
            null,
            "Hund anmelden",
            Set.of(ProfileField.IBAN),
            marker));
    Citizens.turnOnSecondFactor(browser);
    Document tokenForm = Browser.page(browser.get("/konto/sicherheit/zugangsschluessel"));
    browser.submit(
        "/konto/sicherheit/zugangsschluessel",
        Browser.csrf(tokenForm),
        Map.of("name", marker, "days", "30"));
    OrganisationIT.create(browser, marker + " GmbH");
    assertThat(tracesOf(List.of(marker)))
        .as("the marker is in profile, Postfach, sharing, token and organisation")
        .hasSizeGreaterThanOrEqualTo(6);
    Document page = Browser.page(browser.get("/konto/loeschen"));
    assertThat(page.text()).contains("bleiben bei den Behörden");

    Document unconfirmed =
        Browser.page(
            browser.submit(
                "/konto/loeschen", Browser.csrf(page), Map.of("password", Citizens.PASSWORD)));
    Document wrong =
        Browser.page(
            browser.submit(
                "/konto/loeschen",
                Browser.csrf(page),
                Map.of("password", "falsch-falsch", "bestaetigung", "1")));
    assertThat(unconfirmed.select("#error-summary a[href=#bestaetigung]")).isNotEmpty();
    assertThat(wrong.select("#error-summary a[href=#password]").text())
        .isEqualTo("Das aktuelle Passwort stimmt nicht.");
    assertThat(accountId(email)).isEqualTo(account);

    HttpResponse<String> deleted =
        browser.submit(
            "/konto/loeschen",
            Browser.csrf(page),
            Map.of("password", Citizens.PASSWORD, "bestaetigung", "1"));

    assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/konto/geloescht");
    assertThat(Browser.page(browser.follow(deleted)).select("h1").text())
        .isEqualTo("Ihr Servicekonto wurde gelöscht");
    assertThat(browser.get("/konto").statusCode()).isEqualTo(302);
    assertThat(elsewhere.get("/konto").statusCode()).isEqualTo(302);
    // The organisations follow after the deletion, as an @ApplicationModuleListener; a completed
    // event publication is deleted with its account id.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "select count(*) from event_publication where serialized_event like '%' || ? || '%'")
                            .param(account.toString())
                            .query(Long.class)
                            .single())
                    .as("outstanding reactions to the deletion")
                    .isZero());
    assertThat(tracesOf(List.of(email, account.toString(), marker))).isEmpty();
    assertThat(
            browser()
                .from(Citizens.newClientAddress())
                .logIn(email, Citizens.PASSWORD)
                .statusCode())
        .isEqualTo(200);
  }

  /** Every text and binary column of every table, searched for each needle. */
  private List<String> tracesOf(List<String> needles) {
    List<String> found = new java.util.ArrayList<>();
    List<Map<String, Object>> columns =
        jdbc.sql(
                """
            select table_name, column_name, data_type from information_schema.columns
            where table_schema = 'public' and table_name <> 'flyway_schema_history'
              and data_type in ('character varying', 'text', 'character', 'uuid', 'bytea', 'ARRAY')
            """)
            .query()
            .listOfRows();
    for (Map<String, Object> column : columns) {
      String table = (String) column.get("table_name");
      String name = (String) column.get("column_name");
      boolean binary = "bytea".equals(column.get("data_type"));
      for (String needle : needles) {
        String condition =
            binary
                ? "position(convert_to(:needle, 'UTF8') in \"" + name + "\") > 0"
                : "\"" + name + "\"::text ilike '%' || :needle || '%'";
        long hits =
            jdbc.sql("select count(*) from \"" + table + "\" where " + condition)
                .param("needle", needle)
                .query(Long.class)
                .single();
        if (hits > 0) {
          found.add(table + "." + name + " contains " + needle);
        }
      }
    }
    return found;
  }

  private static void fillProfile(Browser browser, String marker) {
    Map<String, Map<String, String>> sections = new HashMap<>();
    sections.put(
        "person",
        Map.of(
            "doctoralDegree",
            "Dr.",
            "givenNames",
            "Erika " + marker,
            "familyName",
            "Mustermann",
            "birthName",
            "Gabler",
            "birthDate",
            "12.08.1964",
            "birthPlace",
            "Berlin",
            "nationality",
            "DE"));
    sections.put(
        "anschrift",
        Map.of("street", "Fischmarkt", "houseNumber", "1", "postcode", "99084", "city", "Erfurt"));
    sections.put("kontakt", Map.of("phone", "0361 123456"));
    sections.put(
        "bankverbindung",
        Map.of("accountHolder", "Erika " + marker, "iban", "DE89 3704 0044 0532 0130 00"));
    sections.forEach(
        (section, values) -> {
          Document form = Browser.page(browser.get("/konto/profil/" + section));
          assertThat(
                  browser
                      .submit("/konto/profil/" + section, Browser.csrf(form), values)
                      .statusCode())
              .as(section)
              .isEqualTo(302);
        });
  }

  private static String berlinDate(String isoTime) {
    return java.time.OffsetDateTime.parse(isoTime)
        .atZoneSameInstant(java.time.ZoneId.of("Europe/Berlin"))
        .format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
  }

  private UUID accountId(String email) {
    return jdbc.sql("select id from account where email = ?")
        .param(email)
        .query(UUID.class)
        .single();
  }

  private static Map<String, byte[]> unzip(byte[] content) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    return entries;
  }
}
