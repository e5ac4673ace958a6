package de.amtsweg.casework;

import de.amtsweg.account.Account;
import de.amtsweg.account.AccountManagement;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.appstore.AppStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Submits Hundesteuer-Anträge straight into a tenant's case inbox, as the web flow would, from
 * Servicekonten of their own (so that other tests' views of the demo accounts stay as they are).
 */
final class CaseFixtures {

  static final String GOTHA = "160670029029";
  static final String OHRDRUF = "160675050053";
  static final String PASSWORD = "Kaffee Treppe Wolke Igel";

  /** The smallest thing the Postfach accepts as a PDF. */
  static final byte[] PDF = "%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

  private final AntragManagement antraege;
  private final AppStore store;
  private final AccountManagement accounts;
  private final JdbcClient jdbc;

  CaseFixtures(
      AntragManagement antraege, AppStore store, AccountManagement accounts, JdbcClient jdbc) {
    this.antraege = antraege;
    this.store = store;
    this.accounts = accounts;
    this.jdbc = jdbc;
  }

  /** A Servicekonto with a confirmed address and the password {@link #PASSWORD}. */
  record Citizen(String email, UUID id) {}

  Citizen citizen() {
    String email = "cw-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    accounts.register(email, PASSWORD, Locale.GERMAN);
    // As if the owner had followed the confirmation link.
    jdbc.sql("update account set email_confirmed_at = now() where email = ?").param(email).update();
    return new Citizen(email, accounts.byEmail(email).map(Account::id).orElseThrow());
  }

  /** An Antrag from the citizen's Servicekonto. */
  String from(Citizen citizen, String ars, String dog) {
    return submit(ars, citizen.id(), citizen.email(), dog);
  }

  /** An Antrag without a Servicekonto, with only a contact address. */
  String anonymous(String ars, String email, String dog) {
    return submit(ars, null, email, dog);
  }

  private String submit(String ars, @Nullable UUID account, String email, String dog) {
    AppStore.OfferedApp app = store.offered(ars, "hundesteuer").orElseThrow();
    String authority = GOTHA.equals(ars) ? "Stadt Gotha" : "Stadt Ohrdruf";
    return antraege
        .submit(
            new AntragManagement.Submission(
                "casework-test:" + UUID.randomUUID(),
                app.app(),
                app.activation().parameters(),
                ars,
                authority,
                null,
                account,
                email,
                Map.of(
                    "anliegen",
                    "anmeldung",
                    "vorname",
                    "Erika",
                    "familienname",
                    "Mustermann",
                    "geburtsdatum",
                    "1984-08-12",
                    "anschrift",
                    Map.of(
                        "street",
                        "Hauptmarkt",
                        "houseNumber",
                        "2",
                        "postcode",
                        "99867",
                        "city",
                        "Gotha"),
                    "email",
                    email,
                    "befreiungBeantragt",
                    false,
                    "hunde",
                    List.of(
                        Map.of(
                            "name",
                            dog,
                            "rasse",
                            "labrador",
                            "geschlecht",
                            "ruede",
                            "wurfdatum",
                            "2023-04-01",
                            "haltungsbeginn",
                            "2024-06-01",
                            "listenhund",
                            false))),
                List.of("richtigkeit", "aenderungen"),
                null,
                Locale.GERMAN))
        .antrag()
        .reference();
  }
}
