package de.amtsweg.applications;

import de.amtsweg.account.Account;
import de.amtsweg.account.AccountManagement;
import de.amtsweg.appstore.AppStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo Anträge that fill the case inbox: Hundesteuer-Anträge to Stadt Gotha and Stadt Ohrdruf
 * (their route is the case inbox), one of them from Erika Mustermann's Servicekonto (so questions
 * and Bescheide reach a Postfach). Each has its own submission key, so a restart submits nothing
 * twice. All data is made up.
 */
@Component
@Profile("demo")
@Order(150)
class DemoAntraege implements ApplicationRunner {

  static final String GOTHA = "160670029029";
  static final String OHRDRUF = "160675050053";
  private static final String ERIKA = "erika.mustermann@example.org";

  private record Demo(
      String key,
      String ars,
      String authority,
      String given,
      String family,
      String dog,
      boolean erika) {}

  private static final List<Demo> DEMOS =
      List.of(
          new Demo("demo:casework:1", GOTHA, "Stadt Gotha", "Erika", "Mustermann", "Bello", true),
          new Demo("demo:casework:2", GOTHA, "Stadt Gotha", "Max", "Beispiel", "Luna", false),
          new Demo("demo:casework:3", GOTHA, "Stadt Gotha", "Jana", "Probe", "Rex", false),
          new Demo("demo:casework:4", OHRDRUF, "Stadt Ohrdruf", "Paul", "Muster", "Fiete", false));

  private final AntragManagement antraege;
  private final AppStore store;
  private final AccountManagement accounts;

  DemoAntraege(AntragManagement antraege, AppStore store, AccountManagement accounts) {
    this.antraege = antraege;
    this.store = store;
    this.accounts = accounts;
  }

  @Override
  public void run(ApplicationArguments args) {
    @Nullable UUID erika = accounts.byEmail(ERIKA).map(Account::id).orElse(null);
    for (Demo demo : DEMOS) {
      store
          .offered(demo.ars(), "hundesteuer")
          .ifPresent(
              offered -> {
                String email =
                    demo.erika() ? ERIKA : demo.given().toLowerCase(Locale.ROOT) + "@example.org";
                antraege.submit(
                    new AntragManagement.Submission(
                        demo.key(),
                        offered.app(),
                        offered.activation().parameters(),
                        demo.ars(),
                        demo.authority(),
                        null,
                        demo.erika() ? erika : null,
                        email,
                        Map.of(
                            "anliegen",
                            "anmeldung",
                            "vorname",
                            demo.given(),
                            "familienname",
                            demo.family(),
                            "geburtsdatum",
                            "1984-08-12",
                            "anschrift",
                            Map.of(
                                "street",
                                "Hauptmarkt",
                                "houseNumber",
                                "1",
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
                                    demo.dog(),
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
                        Locale.GERMAN));
              });
    }
  }
}
