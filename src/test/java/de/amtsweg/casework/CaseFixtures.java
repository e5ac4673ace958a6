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

/** Submits Hundesteuer-Anträge straight into a tenant's case inbox, as the web flow would. */
final class CaseFixtures {

  static final String GOTHA = "160670029029";
  static final String OHRDRUF = "160675050053";
  static final String ERIKA = "erika.mustermann@example.org";
  /** The smallest thing the Postfach accepts as a PDF. */
  static final byte[] PDF = "%PDF-1.4\n%test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

  private final AntragManagement antraege;
  private final AppStore store;
  private final AccountManagement accounts;

  CaseFixtures(AntragManagement antraege, AppStore store, AccountManagement accounts) {
    this.antraege = antraege;
    this.store = store;
    this.accounts = accounts;
  }

  UUID erika() {
    return accounts.byEmail(ERIKA).map(Account::id).orElseThrow();
  }

  /** An Antrag from Erika's Servicekonto. */
  String fromErika(String ars, String dog) {
    return submit(ars, erika(), ERIKA, dog);
  }

  /** An Antrag without a Servicekonto, with only a contact address. */
  String anonymous(String ars, String email, String dog) {
    return submit(ars, null, email, dog);
  }

  private String submit(String ars, @Nullable UUID account, String email, String dog) {
    AppStore.OfferedApp app = store.offered(ars, "hundesteuer").orElseThrow();
    String authority = GOTHA.equals(ars) ? "Stadt Gotha" : "Stadt Ohrdruf";
    return antraege.submit(new AntragManagement.Submission("casework-test:" + UUID.randomUUID(), app.app(),
        app.activation().parameters(), ars, authority, null, account, email,
        Map.of("anliegen", "anmeldung", "vorname", "Erika", "familienname", "Mustermann", "geburtsdatum", "1984-08-12",
            "anschrift", Map.of("street", "Hauptmarkt", "houseNumber", "2", "postcode", "99867", "city", "Gotha"),
            "email", email, "befreiungBeantragt", false,
            "hunde", List.of(Map.of("name", dog, "rasse", "labrador", "geschlecht", "ruede", "wurfdatum", "2023-04-01",
                "haltungsbeginn", "2024-06-01", "listenhund", false))),
        List.of("richtigkeit", "aenderungen"), null, Locale.GERMAN)).antrag().reference();
  }
}
