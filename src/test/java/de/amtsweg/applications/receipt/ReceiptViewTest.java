package de.amtsweg.applications.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.forms.AnswerView.Row;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.Definitions;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReceiptViewTest {

  private static final java.time.ZoneId BERLIN = java.time.ZoneId.of("Europe/Berlin");

  private static final AppDefinition APP =
      Definitions.parse(
          """
      id: foerderung
      name: { de: Förderantrag, en: Funding application }
      referencePrefix: FOER
      steps:
        - id: projekt
          title: { de: Projekt, en: Project }
          fields:
            - { id: beschreibung, type: longtext, label: Beschreibung }
            - { id: kosten, type: money, label: { de: Gesamtkosten, en: Total costs } }
            - { id: stellen, type: number, label: Stellen }
            - id: bereiche
              type: multichoice
              label: Bereiche
              options:
                - { value: it, label: { de: Informationstechnik, en: IT } }
                - { value: bau, label: Bauwesen }
            - { id: konto, type: iban, label: IBAN }
            - { id: hinweis, type: text, label: Hinweis }
        - id: leer
          title: Leerer Schritt
          fields:
            - { id: optional, type: text, label: Optional }
      """);

  @Test
  void answersReadAsPeopleWriteThem() {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("beschreibung", "Erste Zeile\nZweite Zeile");
    answers.put("kosten", new BigDecimal("1234567.50"));
    answers.put("stellen", new BigDecimal("2.5"));
    answers.put("bereiche", List.of("bau", "it"));
    answers.put("konto", "DE02120300000000202051");

    ReceiptView view =
        ReceiptView.of(APP, data(answers, Locale.GERMAN), Receipts.messages(), BERLIN);

    assertThat(view.sections())
        .extracting(de.amtsweg.forms.AnswerView.Section::title)
        .containsExactly("Projekt");
    assertThat(view.sections().getFirst().blocks().getFirst().rows())
        .containsExactly(
            new Row("Beschreibung", List.of("Erste Zeile", "Zweite Zeile")),
            new Row("Gesamtkosten", List.of("1.234.567,50 €")),
            new Row("Stellen", List.of("2,5")),
            new Row("Bereiche", List.of("Bauwesen", "Informationstechnik")),
            new Row("IBAN", List.of("DE02 1203 0000 0000 2020 51")));
    assertThat(view.fee()).isEqualTo("19,00 €");
    assertThat(view.feeLabel()).isEqualTo("Gebühr");
    assertThat(view.attachments()).isEmpty();
  }

  @Test
  void englishReceiptsUseEnglishLabelsAndNumbers() {
    Map<String, Object> answers =
        Map.of("kosten", new BigDecimal("1234567.50"), "bereiche", List.of("it"));

    ReceiptView view =
        ReceiptView.of(APP, data(answers, Locale.ENGLISH), Receipts.messages(), BERLIN);

    assertThat(view.title()).isEqualTo("Confirmation of receipt");
    assertThat(view.sections().getFirst().title()).isEqualTo("Project");
    assertThat(view.sections().getFirst().blocks().getFirst().rows())
        .containsExactly(
            new Row("Total costs", List.of("€1,234,567.50")), new Row("Bereiche", List.of("IT")));
    assertThat(view.fee()).isEqualTo("€19.00");
    assertThat(view.submittedDate()).as("Berlin time, past midnight").isEqualTo("02.07.2026");
    assertThat(view.submittedTime()).isEqualTo("00:30");
  }

  @Test
  void computedAmountsReadAsMoneyAlsoWhenTheyComeBackFromStorage() {
    AppDefinition app =
        Definitions.parse(
            """
        id: steuer
        name: Steuer
        referencePrefix: STEU
        computed:
          - { id: jahressteuer, type: money, label: Jahressteuer, value: "96" }
          - { id: hunde, type: number, label: Hunde, value: "2" }
        steps:
          - id: a
            title: A
            fields:
              - { id: name, type: text, label: Name }
        """);
    // A stored Antrag's JSON gives doubles and integers back, not BigDecimal.
    ReceiptData stored =
        new ReceiptData(
            "STEU-2026-000001",
            app.id(),
            app.name(),
            1,
            "Stadt Gotha",
            "160670029029",
            List.of(),
            OffsetDateTime.parse("2026-07-01T22:30:00Z"),
            null,
            Map.of("name", "Rex"),
            Map.of("jahressteuer", 96.0, "hunde", 2),
            null,
            List.of(),
            List.of(),
            Locale.GERMAN);

    ReceiptView view = ReceiptView.of(app, stored, Receipts.messages(), BERLIN);

    assertThat(view.computed())
        .containsExactly(
            new Row("Jahressteuer", List.of("96,00 €")), new Row("Hunde", List.of("2")));
  }

  private static ReceiptData data(Map<String, Object> answers, Locale locale) {
    return new ReceiptData(
        "FOER-2026-000001",
        APP.id(),
        APP.name(),
        1,
        "Thüringer Landesverwaltungsamt",
        "160000000000",
        List.of(),
        OffsetDateTime.parse("2026-07-01T22:30:00Z"),
        null,
        answers,
        Map.of(),
        new BigDecimal("19"),
        List.of(),
        List.of(),
        locale);
  }
}
