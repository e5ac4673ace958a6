package de.amtsweg.applications.receipt;

import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.Definitions;
import de.amtsweg.forms.FormEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/** A Hundesteuer-Anmeldung with two dogs and the characters that break naive documents. */
final class Receipts {

  static final String REFERENCE = "HUND-2026-000123";
  static final String FAMILY_NAME = "Müller-Lüdenscheidt & Söhne <GmbH>";
  static final String SECOND_DOG = "Süße „Luna“ 'Ö' ß";

  private Receipts() {}

  static AppDefinition hundesteuer() {
    try (InputStream in =
        Receipts.class.getClassLoader().getResourceAsStream("apps/hundesteuer.yaml")) {
      return Definitions.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FormEngine anmeldung(AppDefinition app) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("anliegen", "anmeldung");
    answers.put("vorname", "Erika");
    answers.put("familienname", FAMILY_NAME);
    answers.put("geburtsdatum", "12.08.1984");
    answers.put(
        "anschrift",
        Map.of("street", "Fischmarkt", "houseNumber", "1", "postcode", "99084", "city", "Erfurt"));
    answers.put("email", "erika.mustermann@example.org");
    answers.put(
        "hunde",
        List.of(
            Map.of(
                "name",
                "Bello",
                "rasse",
                "labrador",
                "geschlecht",
                "ruede",
                "wurfdatum",
                "2023-04-01",
                "haltungsbeginn",
                "2024-06-01",
                "listenhund",
                "false",
                "farbe",
                "weiß-braun"),
            Map.of(
                "name",
                SECOND_DOG,
                "rasse",
                "deutscher-schaeferhund",
                "geschlecht",
                "huendin",
                "wurfdatum",
                "2022-01-01",
                "haltungsbeginn",
                "2024-06-01",
                "listenhund",
                "nein")));
    answers.put("befreiungBeantragt", "ja");
    answers.put("befreiungsgrund", "blindenhund");
    answers.put(
        "nachweis",
        List.of(
            Map.of(
                "id",
                "f1",
                "name",
                "Ausweis Größe.pdf",
                "contentType",
                "application/pdf",
                "size",
                184_320)));
    // first dog 1.084,50 € + second 150 € = 1.234,50 €
    return FormEngine.evaluate(app, Map.of("steuerErsterHund", "1084.50"), answers);
  }

  static ReceiptData data(AppDefinition app, Locale locale) {
    FormEngine engine = anmeldung(app);
    if (!engine.problems().isEmpty()) {
      throw new IllegalStateException("the example answers are invalid: " + engine.problems());
    }
    return new ReceiptData(
        REFERENCE,
        app.id(),
        app.name(),
        3,
        "Stadtverwaltung Erfurt",
        "160510000000",
        List.of("Hundesteuer Anmeldung"),
        OffsetDateTime.of(2026, 3, 14, 8, 5, 0, 0, ZoneOffset.UTC),
        "Erika " + FAMILY_NAME,
        engine.normalized(),
        engine.computed(),
        engine.fee(),
        List.of("richtigkeit", "aenderungen"),
        List.of(new ReceiptData.Attachment("Ausweis Größe.pdf", "application/pdf", 184_320)),
        locale);
  }

  /** The same Antrag for an app that charges a fee. */
  static ReceiptData withFee(ReceiptData d, BigDecimal fee) {
    return new ReceiptData(
        d.reference(),
        d.appId(),
        d.appName(),
        d.appVersion(),
        d.tenantName(),
        d.tenantArs(),
        d.leistungen(),
        d.submittedAt(),
        d.applicantName(),
        d.answers(),
        d.computed(),
        fee,
        d.declarations(),
        d.attachments(),
        d.locale());
  }

  static String json(ReceiptData data) {
    return JsonMapper.builder().build().writeValueAsString(data.answers());
  }

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    return messages;
  }
}
