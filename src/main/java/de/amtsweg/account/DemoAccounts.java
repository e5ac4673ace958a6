package de.amtsweg.account;

import de.amtsweg.account.PostfachMessage.File;
import de.amtsweg.account.PostfachMessage.Kind;
import de.amtsweg.platform.ApiScope;
import de.amtsweg.platform.DemoPassword;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo profile's API clients {@code fachverfahren-erfurt}, {@code fachverfahren-jena} and
 * {@code lieferant-demo}, and its Servicekonten: Erika Mustermann with a complete profile, messages
 * in her Postfach, one recorded data sharing, the business account "Musterbau GmbH" she administers
 * and the municipality "Stadt Ohrdruf (Demo)" she applies for (E-Government funding); and the
 * supplier "Lieferdienst Thüringen GmbH" with its own admin account. Created once; the passwords
 * are set to {@code amtsweg.demo.password} at every start, like the other demo accounts (a stored
 * hash that already verifies it is kept: see {@code platform.DemoPassword}). All data is made up.
 */
@Component
@Profile("demo")
@Order(110)
class DemoAccounts implements ApplicationRunner {

  static final String ERIKA = "erika.mustermann@example.org";
  static final String SUPPLIER = "rechnungen@lieferdienst-thueringen.example";

  private final JdbcClient jdbc;
  private final DemoPassword demoPassword;
  private final ProfileManagement profiles;
  private final Postfach postfach;
  private final DataSharing sharing;
  private final Organisations organisations;
  private final ApiClients apiClients;

  DemoAccounts(
      JdbcClient jdbc,
      DemoPassword demoPassword,
      ProfileManagement profiles,
      Postfach postfach,
      DataSharing sharing,
      Organisations organisations,
      ApiClients apiClients) {
    this.jdbc = jdbc;
    this.demoPassword = demoPassword;
    this.profiles = profiles;
    this.postfach = postfach;
    this.sharing = sharing;
    this.organisations = organisations;
    this.apiClients = apiClients;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    UUID erika = createOrReset(ERIKA);
    if (erika != null) {
      fill(erika);
      organisations.create(
          erika,
          new Organisations.Details(
              "Musterbau GmbH (Demo)",
              "GMBH",
              "Amtsgericht Jena HRB 999001",
              "Juri-Gagarin-Ring",
              "86",
              "99084",
              "Erfurt"));
    }
    // Erika also works for a municipality: she may apply for the Land's E-Government funding for
    // it.
    // Added to existing demo data too, so that the Förderung app can be tried everywhere.
    UUID erikaAccount =
        jdbc.sql("select id from account where email = ?").param(ERIKA).query(UUID.class).single();
    if (organisations.of(erikaAccount).stream()
        .noneMatch(m -> "OEFFENTLICH".equals(m.organisation().details().legalForm()))) {
      organisations.create(
          erikaAccount,
          new Organisations.Details(
              "Stadt Ohrdruf (Demo)", "OEFFENTLICH", null, "Marktplatz", "1", "99885", "Ohrdruf"));
    }
    UUID supplier = createOrReset(SUPPLIER);
    if (supplier != null) {
      organisations.create(
          supplier,
          new Organisations.Details(
              "Lieferdienst Thüringen GmbH (Demo)",
              "GMBH",
              "Amtsgericht Jena HRB 999002",
              "Am Anger",
              "1",
              "07743",
              "Jena"));
    }
    List<String> authority =
        List.of(ApiScope.ANTRAEGE_LESEN.value(), ApiScope.POSTFACH_SENDEN.value());
    client(
        "fachverfahren-erfurt", "Fachverfahren der Stadt Erfurt (Demo)", "erfurt", null, authority);
    client("fachverfahren-jena", "Fachverfahren der Stadt Jena (Demo)", "jena", null, authority);
    UUID supplierAccount =
        jdbc.sql("select id from account where email = ?")
            .param(SUPPLIER)
            .query(UUID.class)
            .single();
    organisations.of(supplierAccount).stream()
        .findFirst()
        .ifPresent(
            organisation ->
                client(
                    "lieferant-demo",
                    "ERP-System des Lieferdienstes (Demo)",
                    null,
                    organisation.organisation().id(),
                    List.of(ApiScope.RECHNUNGEN_SENDEN.value())));
  }

  private void client(
      String clientId,
      String name,
      @Nullable String tenant,
      @Nullable UUID organisation,
      List<String> scopes) {
    String stored =
        jdbc.sql("select secret_hash from api_client where client_id = ?")
            .param(clientId)
            .query(String.class)
            .optional()
            .orElse(null);
    apiClients.createOrUpdateHashed(
        clientId, name, demoPassword.hashFor(stored), tenant, organisation, scopes);
  }

  /**
   * The id of a newly created account, or null if it existed (its password is reset to the demo
   * password, unless its hash already is one of it).
   */
  @Nullable UUID createOrReset(String email) {
    String stored =
        jdbc.sql("select password_hash from account where email = ?")
            .param(email)
            .query(String.class)
            .optional()
            .orElse(null);
    String hash = demoPassword.hashFor(stored);
    int updated =
        jdbc.sql("update account set password_hash = ? where email = ?")
            .params(hash, email)
            .update();
    if (updated > 0) {
      return null;
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into account (id, email, password_hash, email_confirmed_at, password_changed_at)
            values (?, ?, ?, now(), now())
            """)
        .params(id, email, hash)
        .update();
    return id;
  }

  private void fill(UUID erika) {
    profiles.save(
        erika,
        ProfileField.Section.PERSON,
        values(
            ProfileField.GIVEN_NAMES, "Erika",
            ProfileField.FAMILY_NAME, "Mustermann",
            ProfileField.BIRTH_NAME, "Gabler",
            ProfileField.BIRTH_DATE, "1964-08-12",
            ProfileField.BIRTH_PLACE, "Berlin",
            ProfileField.NATIONALITY, "DE"));
    profiles.save(
        erika,
        ProfileField.Section.ADDRESS,
        values(
            ProfileField.STREET, "Heidestraße",
            ProfileField.HOUSE_NUMBER, "17",
            ProfileField.POSTCODE, "99084",
            ProfileField.CITY, "Erfurt",
            ProfileField.MUNICIPALITY_ARS, "160510000000"));
    profiles.save(
        erika, ProfileField.Section.CONTACT, values(ProfileField.PHONE, "+49 361 0000000"));
    profiles.save(
        erika,
        ProfileField.Section.BANK,
        values(
            ProfileField.ACCOUNT_HOLDER, "Erika Mustermann",
            ProfileField.IBAN, "DE02120300000000202051"));
    UUID received =
        postfach.deliver(
            erika,
            new Postfach.NewMessage(
                Kind.STATUS,
                "160510000000",
                "Stadt Erfurt",
                "HS-2026-0815",
                "Ihr Antrag auf Anmeldung eines Hundes ist eingegangen",
                "Guten Tag Frau Mustermann,\n\nwir haben Ihren Antrag erhalten und bearbeiten ihn.\n\n"
                    + "Mit freundlichen Grüßen\nIhre Stadtverwaltung Erfurt (Demo)",
                List.of()));
    UUID question =
        postfach.deliver(
            erika,
            new Postfach.NewMessage(
                Kind.QUESTION,
                "160510000000",
                "Stadt Erfurt",
                "HS-2026-0815",
                "Rückfrage zu Ihrem Antrag: Impfnachweis",
                "Guten Tag Frau Mustermann,\n\nbitte senden Sie uns den Nachweis über die Tollwutimpfung Ihres Hundes."
                    + " Sie können direkt hier im Postfach antworten und eine PDF-Datei anhängen.\n\n"
                    + "Mit freundlichen Grüßen\nIhre Stadtverwaltung Erfurt (Demo)",
                List.of()));
    postfach.deliver(
        erika,
        new Postfach.NewMessage(
            Kind.BESCHEID,
            "160530000000",
            "Stadt Jena",
            "WG-2026-4711",
            "Bescheid über Ihren Wohngeldantrag",
            "Guten Tag Frau Mustermann,\n\nanbei erhalten Sie den Bescheid über Ihren Antrag auf Wohngeld.\n\n"
                + "Mit freundlichen Grüßen\nIhre Stadtverwaltung Jena (Demo)",
            List.of(
                new File(
                    "Bescheid-Wohngeld-WG-2026-4711.pdf",
                    "application/pdf",
                    DemoPdf.of(
                        List.of(
                            "Stadt Jena - Wohngeldstelle (Demo)",
                            "",
                            "Bescheid über Wohngeld",
                            "Aktenzeichen WG-2026-4711",
                            "",
                            "Frau Erika Mustermann, Heidestraße 17, 99084 Erfurt",
                            "",
                            "Dies ist ein Beispielbescheid des Demonstrationssystems Amtsweg."))))));
    // One transaction gives all three the same time; spread them like real mail.
    backdate(received, 6);
    backdate(question, 2);
    sharing.record(
        erika,
        new DataSharing.Disclosure(
            "160510000000",
            "Stadt Erfurt",
            "99108008000000",
            "Hund anmelden",
            Set.of(
                ProfileField.GIVEN_NAMES,
                ProfileField.FAMILY_NAME,
                ProfileField.STREET,
                ProfileField.HOUSE_NUMBER,
                ProfileField.POSTCODE,
                ProfileField.CITY,
                ProfileField.IBAN),
            "HS-2026-0815"));
  }

  private void backdate(UUID message, int days) {
    jdbc.sql(
            "update postfach_message set created_at = created_at - make_interval(days => ?) where id = ?")
        .params(days, message)
        .update();
  }

  private static Map<ProfileField, @Nullable String> values(Object... fieldsAndValues) {
    Map<ProfileField, @Nullable String> values = new EnumMap<>(ProfileField.class);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      values.put((ProfileField) fieldsAndValues[i], (String) fieldsAndValues[i + 1]);
    }
    return values;
  }
}
