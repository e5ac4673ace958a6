package de.amtsweg.catalog;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo profile's texts of a few Leistungen, written once (an operator's changes stay): the
 * Personalausweis, which has no Antrags-App and lives on its texts alone, and the processing times
 * of the Meldebescheinigung and the Hundesteuer, which the apps do not state. Plain examples for
 * trying Amtsweg, not official texts.
 */
@Component
@Profile("demo")
@Order(42)
class DemoTextModules implements ApplicationRunner {

  static final String PERSONALAUSWEIS = "99008001012000";
  static final String MELDEBESCHEINIGUNG = "99115004001005";
  static final String HUNDESTEUER = "99102013000000";

  private final TextModules texts;
  private final JdbcClient jdbc;

  DemoTextModules(TextModules texts, JdbcClient jdbc) {
    this.texts = texts;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from leistung_textmodul").query(Integer.class).single() > 0) {
      return;
    }
    Map<TextModuleKind, String> ausweis = new EnumMap<>(TextModuleKind.class);
    ausweis.put(
        TextModuleKind.KURZTEXT,
        "Der Personalausweis weist Sie in Deutschland und in Europa aus. Ab 16 Jahren müssen Sie"
            + " einen gültigen Ausweis oder Reisepass haben.");
    ausweis.put(
        TextModuleKind.VORAUSSETZUNGEN,
        "Deutsche Staatsangehörige mit Wohnsitz im Zuständigkeitsbereich der Behörde\n"
            + "Sie beantragen den Ausweis persönlich; Kinder unter 16 Jahren mit ihren Eltern.");
    ausweis.put(
        TextModuleKind.UNTERLAGEN,
        "Ein aktuelles biometrisches Passfoto\n"
            + "Ihr bisheriger Ausweis oder Reisepass\n"
            + "Bei der ersten Ausstellung: Geburtsurkunde");
    ausweis.put(
        TextModuleKind.KOSTEN,
        "37,00 € ab 24 Jahren, 22,80 € unter 24 Jahren (Personalausweisgebührenverordnung)");
    ausweis.put(TextModuleKind.BEARBEITUNGSDAUER, "meist drei bis vier Wochen");
    ausweis.put(
        TextModuleKind.FRISTEN,
        "Beantragen Sie den neuen Ausweis rechtzeitig, bevor der alte abläuft.");
    texts.save(PERSONALAUSWEIS, "de", new EnumMap<>(ausweis), "Demo");
    texts.save(
        PERSONALAUSWEIS,
        "en",
        new EnumMap<>(
            Map.of(
                TextModuleKind.KURZTEXT,
                "The identity card identifies you in Germany and in Europe. From the age of 16 you"
                    + " must have a valid identity card or passport.",
                TextModuleKind.BEARBEITUNGSDAUER,
                "usually three to four weeks")),
        "Demo");
    texts.save(
        MELDEBESCHEINIGUNG,
        "de",
        new EnumMap<>(Map.of(TextModuleKind.BEARBEITUNGSDAUER, "meist innerhalb von 5 Werktagen")),
        "Demo");
    texts.save(
        MELDEBESCHEINIGUNG,
        "en",
        new EnumMap<>(Map.of(TextModuleKind.BEARBEITUNGSDAUER, "usually within 5 working days")),
        "Demo");
    texts.save(
        HUNDESTEUER,
        "de",
        new EnumMap<>(
            Map.of(
                TextModuleKind.BEARBEITUNGSDAUER,
                "meist innerhalb von 2 Wochen",
                TextModuleKind.FRISTEN,
                "Melden Sie einen Hund innerhalb von zwei Wochen nach der Aufnahme an.")),
        "Demo");
  }
}
