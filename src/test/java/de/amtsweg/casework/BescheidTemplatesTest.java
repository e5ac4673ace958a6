package de.amtsweg.casework;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.delivery.Document;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.Definitions;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** Placeholders of Bescheid templates: which exist for an app, and what they become. */
class BescheidTemplatesTest {

  private final BescheidTemplates templates =
      new BescheidTemplates(
          null, messages(), de.amtsweg.platform.Times.in(java.time.ZoneId.of("Europe/Berlin")));
  private final AppDefinition hundesteuer = app();

  @Test
  void anAppOffersTheFixedPlaceholdersAndItsTopLevelAnswers() {
    assertThat(templates.placeholders(hundesteuer))
        .contains(
            "aktenzeichen",
            "datum",
            "eingangsdatum",
            "antragsteller",
            "behoerde",
            "antrag",
            "antwort.vorname",
            "antwort.familienname",
            "antwort.anschrift",
            "antwort.befreiungBeantragt")
        .doesNotContain("antwort.hunde");
  }

  @Test
  void unknownPlaceholdersAreNamedOnceInOrder() {
    assertThat(
            templates.unknownPlaceholders(
                "{{aktenzeichen}} {{gibtsnicht}} {{ antwort.vorname }} {{antwort.hunde}} {{gibtsnicht}} {einfach}",
                hundesteuer))
        .containsExactly("gibtsnicht", "antwort.hunde");
  }

  @Test
  void fillingPutsTheCaseIntoTheTextInGerman() {
    Document antrag =
        new Document(
            DocumentType.ANTRAG,
            UUID.randomUUID(),
            "HUND-2026-000042",
            "160670029029",
            "Stadt Gotha",
            "hundesteuer",
            1,
            null,
            "EINGEGANGEN",
            OffsetDateTime.of(2026, 11, 27, 23, 30, 0, 0, ZoneOffset.UTC),
            null,
            null,
            null,
            Map.of(
                "vorname",
                "Erika",
                "geburtsdatum",
                "1984-08-12",
                "befreiungBeantragt",
                false,
                "anschrift",
                Map.of(
                    "street",
                    "Hauptmarkt",
                    "houseNumber",
                    "1",
                    "postcode",
                    "99867",
                    "city",
                    "Gotha")),
            "<antrag/>",
            Map.of(),
            null,
            List.of(),
            true,
            "NONE",
            null,
            List.of(),
            Map.of(),
            null);
    String text =
        templates.fill(
            "{{behoerde}}, {{datum}}: {{aktenzeichen}} vom {{eingangsdatum}} für {{antragsteller}}"
                + " ({{antwort.vorname}}, geboren {{antwort.geburtsdatum}}, {{antwort.anschrift}}), Befreiung: "
                + "{{antwort.befreiungBeantragt}}, {{antwort.leer}}|{{unbekannt}} – {{antrag}}",
            antrag,
            hundesteuer,
            OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC));
    assertThat(text)
        .isEqualTo(
            "Stadt Gotha, 01.12.2026: HUND-2026-000042 vom 28.11.2026 für Antragstellerin,"
                + " Antragsteller (Erika, geboren 12.08.1984, Hauptmarkt 1, 99867 Gotha), Befreiung: Nein, |{{unbekannt}} – "
                + hundesteuer.name().in(Locale.GERMAN));
  }

  private static StaticMessageSource messages() {
    StaticMessageSource messages = new StaticMessageSource();
    messages.addMessage("receipt.yes", Locale.GERMAN, "Ja");
    messages.addMessage("receipt.no", Locale.GERMAN, "Nein");
    messages.addMessage(
        "casework.template.applicant.unknown", Locale.GERMAN, "Antragstellerin, Antragsteller");
    return messages;
  }

  private static AppDefinition app() {
    try (InputStream in =
        BescheidTemplatesTest.class.getResourceAsStream("/apps/hundesteuer.yaml")) {
      return Definitions.parse(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
