package de.amtsweg.applications;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Invalid answers of every kind of rule are refused with the message that says what to do: on the
 * step page (error summary linking to the input) and in the API (422 with the path and message of
 * every invalid answer). Uses the shipped apps' own questions.
 */
class AnswerValidationIT extends AmtswegIT {

  private static final String ERFURT = "160510000000";
  private static final String OHRDRUF = "160675050053";
  private static final String LAND = "160000000000";
  private static final String ERIKA = "erika.mustermann@example.org";
  private static final String JSON = "application/json";

  static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    '\r',
    '\n',
    0x1a,
    '\n',
    0,
    0,
    0,
    13,
    'I',
    'H',
    'D',
    'R',
    0,
    0,
    0,
    1,
    0,
    0,
    0,
    1,
    8,
    2,
    0,
    0,
    0,
    (byte) 0x90,
    'w',
    'S',
    (byte) 0xde,
    0,
    0,
    0,
    0,
    'I',
    'E',
    'N',
    'D',
    (byte) 0xae,
    'B',
    '`',
    (byte) 0x82
  };
  static final byte[] EXE = exe();
  static final byte[] LARGE_PDF = largePdf();

  private final JsonMapper json = JsonMapper.builder().build();

  private static final String CHIP = "Die Chip-Nummer hat genau 15 Ziffern.";
  private static final String MOVED_IN =
      "Der Hund kann nicht vor seinem Wurfdatum bei Ihnen eingezogen sein.";

  /** A listed breed answers "Listenhund?": instead, the permit it needs is asked for. */
  private static final String PERMIT =
      "Laden Sie die Erlaubnis zur Haltung eines gefährlichen Hundes hoch";

  private static final String EXE_REFUSED =
      "Die Datei „nachweis.pdf“ hat ein Format, das bei „Nachweis“ nicht angenommen wird."
          + " Erlaubt sind: PDF, JPEG, PNG.";
  private static final String TOO_LARGE =
      "Die Datei „gross.pdf“ ist zu groß. Erlaubt sind höchstens 5 MB.";
  private static final String DECLARATION =
      "Bestätigen Sie, dass Ihre Angaben richtig und vollständig sind";
  private static final String ARS =
      "Der Regionalschlüssel einer Thüringer Kommune hat 12 Ziffern und beginnt mit 16.";
  private static final String IBAN =
      "Die IBAN ist nicht gültig. Prüfen Sie sie auf Zahlendreher; eine deutsche IBAN hat 22 Stellen und beginnt mit DE";
  private static final String TITLE = "Der Titel des Vorhabens muss mindestens 5 Zeichen lang sein";
  private static final String END = "Das Ende muss nach dem Beginn liegen.";
  private static final String MONEY =
      "Geben Sie den Betrag der Ausgabe in Euro an, zum Beispiel 8000 oder 8000,50";
  private static final String SUM =
      "Eigenanteil, Mittel Dritter und beantragte Zuwendung müssen zusammen die Gesamtausgaben ergeben.";
  private static final String PDF_ONLY =
      "Die Datei „kosten.pdf“ hat ein Format, das bei „Angebote oder Kostenschätzung“ nicht"
          + " angenommen wird. Erlaubt sind: PDF.";
  private static final String SINGLE_PARENT =
      "Wenn Sie alleinerziehend sind, geben Sie bitte nur sich selbst als sorgeberechtigte Person an.";

  // --- HTML ---

  @Test
  void hundesteuerPagesRefuseEveryKindOfWrongAnswer() {
    Browser browser = browser();
    AntragForms.choosePlace(browser, ERFURT);
    HttpResponse<String> anliegen = AntragForms.start(browser, "hundesteuer");

    // A choice that is not offered.
    HttpResponse<String> wrongChoice =
        AntragForms.fill(browser, anliegen, Map.of("anliegen", "verkaufen"));
    assertThat(AntragForms.errors(wrongChoice))
        .containsExactly(
            Map.entry(
                "#f-anliegen",
                "Bitte wählen Sie bei „Was möchten Sie tun?“ eine der angebotenen Möglichkeiten."));
    HttpResponse<String> halter =
        AntragForms.next(
            browser, AntragForms.fill(browser, wrongChoice, Map.of("anliegen", "anmeldung")));

    // Required, too long, no date, short postcode, no phone number, no e-mail address: all at once.
    Map<String, String> owner =
        new LinkedHashMap<>(
            Map.of(
                "vorname",
                "",
                "familienname",
                "x".repeat(101),
                "geburtsdatum",
                "gestern",
                "anschrift.street",
                "Fischmarkt",
                "anschrift.houseNumber",
                "1",
                "anschrift.postcode",
                "9908",
                "anschrift.city",
                "Erfurt",
                "telefon",
                "bitte anrufen",
                "email",
                "erika(at)example.org"));
    HttpResponse<String> wrongOwner = AntragForms.fill(browser, halter, owner);
    assertThat(wrongOwner.statusCode()).isEqualTo(200);
    assertThat(AntragForms.errors(wrongOwner))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "#f-vorname", "Geben Sie Ihren Vornamen an",
                "#f-familienname", "Ihr Familienname darf höchstens 100 Zeichen lang sein",
                "#f-geburtsdatum",
                    "Geben Sie Ihr Geburtsdatum als Datum an, zum Beispiel 12.08.1984",
                "#f-anschrift-postcode",
                    "Geben Sie eine Postleitzahl mit fünf Ziffern an, zum Beispiel 99084",
                "#f-telefon", "Geben Sie eine Telefonnummer an, zum Beispiel 0361 123456",
                "#f-email", "Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de an"));
    Document marked = Browser.page(wrongOwner);
    assertThat(marked.select("#f-anschrift-postcode").attr("aria-invalid")).isEqualTo("true");
    assertThat(marked.select("#f-telefon-error").text()).contains("Telefonnummer");
    // A date relative to today.
    owner.putAll(
        Map.of(
            "vorname",
            "Erika",
            "familienname",
            "Mustermann",
            "anschrift.postcode",
            "99084",
            "telefon",
            "0361 6550",
            "email",
            "erika@example.org",
            "geburtsdatum",
            today().plusDays(1).toString()));
    HttpResponse<String> future = AntragForms.fill(browser, wrongOwner, owner);
    assertThat(AntragForms.errors(future))
        .containsExactly(
            Map.entry("#f-geburtsdatum", "Das Geburtsdatum darf nicht in der Zukunft liegen."));
    owner.put("geburtsdatum", "12.08.1984");
    HttpResponse<String> hunde =
        AntragForms.next(browser, AntragForms.fill(browser, future, owner));
    assertThat(AntragForms.path(hunde)).endsWith("/schritt/hunde");

    // A form that sends no dog at all (the page always shows one).
    HttpResponse<String> noDog = AntragForms.fill(browser, hunde, Map.of("hunde.count", "0"));
    assertThat(AntragForms.errors(noDog))
        .containsExactly(Map.entry("#f-hunde", "Geben Sie mindestens einen Hund an"));

    // A pattern, a date relation and a rule across two answers of the same dog.
    Map<String, String> dog =
        new LinkedHashMap<>(
            Map.of(
                "hunde.count",
                "1",
                "hunde[0].name",
                "Rocky",
                "hunde[0].rasse",
                "pitbull-terrier",
                "hunde[0].geschlecht",
                "ruede",
                "hunde[0].wurfdatum",
                "2023-04-01",
                "hunde[0].haltungsbeginn",
                "2023-01-01",
                "hunde[0].chipnummer",
                "12345",
                "hunde[0].listenhund",
                "false"));
    HttpResponse<String> wrongDog = AntragForms.fill(browser, noDog, dog);
    assertThat(AntragForms.errors(wrongDog))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("#f-hunde-0-chipnummer", CHIP, "#f-hunde-0-haltungsbeginn", MOVED_IN));
    // The breed showed the permit question only now: asked, not yet reported missing.
    assertThat(Browser.page(wrongDog).select("input[type=file][name='hunde[0].erlaubnis']"))
        .hasSize(1);
    assertThat(Browser.page(wrongDog).select("[name='hunde[0].listenhund']")).isEmpty();
    dog.putAll(
        Map.of(
            "hunde[0].rasse",
            "beagle",
            "hunde[0].haltungsbeginn",
            "2023-06-01",
            "hunde[0].chipnummer",
            "276098106123456"));
    // A beagle is not on the list: "Listenhund?" is asked now, before anything is missed.
    HttpResponse<String> listed = AntragForms.fill(browser, wrongDog, dog);
    assertThat(AntragForms.errors(listed)).isEmpty();
    assertThat(Browser.page(listed).select("[name='hunde[0].listenhund']")).isNotEmpty();
    HttpResponse<String> befreiung =
        AntragForms.next(browser, AntragForms.fill(browser, listed, dog));
    assertThat(AntragForms.path(befreiung)).endsWith("/schritt/befreiung");

    // Files: the type comes from the bytes, not the name; the app's size limit holds. The
    // questions an answer shows are asked first, then reported in their own words.
    HttpResponse<String> asked =
        AntragForms.fill(browser, befreiung, Map.of("befreiungBeantragt", "true"));
    assertThat(AntragForms.errors(asked)).isEmpty();
    HttpResponse<String> proof = AntragForms.fill(browser, asked, Map.of());
    assertThat(AntragForms.errors(proof))
        .containsEntry(
            "#f-nachweis", "Laden Sie einen Nachweis für die Steuerbefreiung oder Ermäßigung hoch")
        .containsEntry(
            "#f-befreiungsgrund", "Wählen Sie den Grund der Steuerbefreiung oder Ermäßigung aus");
    Map<String, String> reason = Map.of("befreiungsgrund", "tierheim");
    HttpResponse<String> program =
        AntragForms.upload(browser, proof, reason, "nachweis", "nachweis.pdf", EXE);
    assertThat(AntragForms.errors(program)).containsExactly(Map.entry("#f-nachweis", EXE_REFUSED));
    HttpResponse<String> large =
        AntragForms.upload(browser, program, reason, "nachweis", "gross.pdf", LARGE_PDF);
    assertThat(AntragForms.errors(large)).containsExactly(Map.entry("#f-nachweis", TOO_LARGE));
    // A photo named like a PDF is a photo, and photos are welcome here.
    HttpResponse<String> check =
        AntragForms.next(
            browser, AntragForms.upload(browser, large, reason, "nachweis", "nachweis.pdf", PNG));
    assertThat(AntragForms.path(check)).endsWith("/pruefen");
    assertThat(Browser.page(check).text()).contains("nachweis.pdf");

    HttpResponse<String> unconfirmed = AntragForms.submit(browser, check, "aenderungen");
    assertThat(unconfirmed.statusCode()).isEqualTo(200);
    assertThat(AntragForms.errors(unconfirmed))
        .containsExactly(Map.entry("#f-declaration-richtigkeit", DECLARATION));
    assertThat(Browser.page(unconfirmed).select("#f-declaration-richtigkeit-error").text())
        .isEqualTo(DECLARATION);
  }

  @Test
  void meldebescheinigungPageRefusesWrongNumbersAndChoices() {
    Browser browser = browser();
    AntragForms.choosePlace(browser, ERFURT);
    HttpResponse<String> step = AntragForms.start(browser, "meldebescheinigung");
    HttpResponse<String> fraction =
        AntragForms.fill(
            browser, step, Map.of("art", "erweitert", "anzahl", "1,5", "fuerWen", "selbst"));
    assertThat(AntragForms.errors(fraction))
        .containsExactly(
            Map.entry(
                "#f-anzahl",
                "Geben Sie die Anzahl der Ausfertigungen als ganze Zahl an, zum Beispiel 2"));
    HttpResponse<String> none =
        AntragForms.fill(
            browser,
            fraction,
            List.of(
                Map.entry("anzahl", "0"),
                Map.entry("zusatzangaben", "geburt"),
                Map.entry("zusatzangaben", "blutgruppe")));
    assertThat(AntragForms.errors(none))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "#f-anzahl",
                "Sie brauchen mindestens eine Ausfertigung",
                "#f-zusatzangaben",
                "Bitte wählen Sie bei „Welche Angaben soll die erweiterte Bescheinigung enthalten?“ eine der angebotenen Möglichkeiten."));
    HttpResponse<String> many =
        AntragForms.fill(browser, none, Map.of("anzahl", "6", "zusatzangaben", "geburt"));
    assertThat(AntragForms.errors(many))
        .containsExactly(
            Map.entry("#f-anzahl", "Sie können höchstens 5 Ausfertigungen je Person beantragen"));
    HttpResponse<String> word =
        AntragForms.fill(browser, many, Map.of("anzahl", "zwei", "zusatzangaben", "geburt"));
    assertThat(AntragForms.errors(word))
        .containsExactly(
            Map.entry(
                "#f-anzahl",
                "Geben Sie die Anzahl der Ausfertigungen als Zahl an, zum Beispiel 1"));
    assertThat(Browser.page(word).select("input[name=anzahl]").val())
        .as("kept as typed")
        .isEqualTo("zwei");
  }

  @Test
  void foerderungPagesRefuseWrongKeysAmountsDatesAndFiles() {
    Browser erika = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
    HttpResponse<String> antragsteller =
        AntragForms.startWithConsent(erika, OHRDRUF, "foerderung-egovernment", "leer");
    Map<String, String> applicant =
        new LinkedHashMap<>(
            Map.of(
                "kommune",
                "Stadt Ohrdruf",
                "kommuneArt",
                "stadt",
                "ars",
                "12345",
                "anschrift.street",
                "Marktplatz",
                "anschrift.houseNumber",
                "1",
                "anschrift.postcode",
                "99885",
                "anschrift.city",
                "Ohrdruf",
                "ansprechperson",
                "Erika Mustermann",
                "telefon",
                "03624 3300",
                "email",
                "digital@example.org"));
    applicant.putAll(
        Map.of(
            "kontoinhaber",
            "Stadtkasse Ohrdruf",
            "iban",
            "DE89 3704 0044 0532 0130 01",
            "kooperation",
            "false"));
    HttpResponse<String> wrongKeys = AntragForms.fill(erika, antragsteller, applicant);
    assertThat(AntragForms.errors(wrongKeys))
        .containsExactlyInAnyOrderEntriesOf(Map.of("#f-ars", ARS, "#f-iban", IBAN));
    applicant.putAll(Map.of("ars", OHRDRUF, "iban", "DE89 3704 0044 0532 0130 00"));
    HttpResponse<String> vorhaben =
        AntragForms.next(erika, AntragForms.fill(erika, wrongKeys, applicant));
    assertThat(AntragForms.path(vorhaben)).endsWith("/schritt/vorhaben");

    Map<String, String> project =
        new LinkedHashMap<>(
            Map.of(
                "titel",
                "Test",
                "foerdergegenstand",
                "schulung",
                "beschreibung",
                "x".repeat(120),
                "ziele",
                "y".repeat(60)));
    HttpResponse<String> shortTitle = AntragForms.fill(erika, vorhaben, project);
    assertThat(AntragForms.errors(shortTitle)).containsExactly(Map.entry("#f-titel", TITLE));
    project.put("titel", "Schulung Informationssicherheit");
    HttpResponse<String> zeitplan =
        AntragForms.next(erika, AntragForms.fill(erika, shortTitle, project));

    HttpResponse<String> endFirst =
        AntragForms.fill(
            erika,
            zeitplan,
            Map.of(
                "beginn",
                today().plusMonths(3).toString(),
                "ende",
                today().plusMonths(2).toString(),
                "vorzeitigerBeginn",
                "false"));
    assertThat(AntragForms.errors(endFirst)).containsExactly(Map.entry("#f-ende", END));
    HttpResponse<String> kosten =
        AntragForms.next(
            erika,
            AntragForms.fill(erika, endFirst, Map.of("ende", today().plusMonths(9).toString())));
    assertThat(AntragForms.path(kosten)).endsWith("/schritt/kosten");

    Map<String, String> costs =
        new LinkedHashMap<>(
            Map.of(
                "kostenpositionen[0].bezeichnung",
                "Schulung",
                "kostenpositionen[0].kostenart",
                "schulung",
                "kostenpositionen[0].betrag",
                "12,345",
                "kostenpositionen[0].haushaltsjahr",
                "2027",
                "eigenanteil",
                "2000",
                "drittmittel",
                "0",
                "beantragt",
                "7000"));
    HttpResponse<String> cents = AntragForms.fill(erika, kosten, costs);
    assertThat(AntragForms.errors(cents)).containsEntry("#f-kostenpositionen-0-betrag", MONEY);
    costs.put("kostenpositionen[0].betrag", "10.000,00");
    HttpResponse<String> gap = AntragForms.fill(erika, cents, costs);
    assertThat(AntragForms.errors(gap)).containsExactly(Map.entry("#f-beantragt", SUM));
    costs.put("beantragt", "8000");
    HttpResponse<String> anlagen = AntragForms.next(erika, AntragForms.fill(erika, gap, costs));
    assertThat(AntragForms.path(anlagen)).endsWith("/schritt/anlagen");

    // Only PDFs here: a photo named like a PDF is refused.
    HttpResponse<String> photo =
        AntragForms.upload(erika, anlagen, Map.of(), "kostennachweis", "kosten.pdf", PNG);
    assertThat(AntragForms.errors(photo)).containsExactly(Map.entry("#f-kostennachweis", PDF_ONLY));
  }

  @Test
  void kitaPageRefusesAThirdParentAndASingleParentWithTwo() {
    Browser erika = AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD);
    HttpResponse<String> kind =
        AntragForms.startWithConsent(erika, ERFURT, "kita-anmeldung", "leer");
    HttpResponse<String> eltern =
        AntragForms.next(
            erika,
            AntragForms.fill(
                erika,
                kind,
                Map.of(
                    "kindVorname",
                    "Mia",
                    "kindFamilienname",
                    "Mustermann",
                    "kindGeburtsdatum",
                    today().minusYears(2).toString(),
                    "kindGeschlecht",
                    "weiblich",
                    "kindAnschrift.street",
                    "Anger",
                    "kindAnschrift.houseNumber",
                    "1",
                    "kindAnschrift.postcode",
                    "99084",
                    "kindAnschrift.city",
                    "Erfurt")));
    assertThat(AntragForms.path(eltern)).endsWith("/schritt/eltern");

    Map<String, String> parents = new LinkedHashMap<>();
    for (int i = 0; i < 2; i++) {
      parents.putAll(
          Map.of(
              "sorgeberechtigte[" + i + "].vorname",
              i == 0 ? "Erika" : "Max",
              "sorgeberechtigte[" + i + "].familienname",
              "Mustermann",
              "sorgeberechtigte[" + i + "].beziehung",
              i == 0 ? "mutter" : "vater",
              "sorgeberechtigte[" + i + "].taetigkeit",
              "erwerbstaetig",
              "sorgeberechtigte[" + i + "].abweichendeAnschrift",
              "false"));
    }
    Map<String, String> add = new LinkedHashMap<>(parents);
    add.put("_action", "add:sorgeberechtigte");
    HttpResponse<String> two = AntragForms.next(erika, AntragForms.fill(erika, eltern, add));
    Document twoParents = Browser.page(two);
    assertThat(twoParents.select("input[name=sorgeberechtigte[1].vorname]")).hasSize(1);
    assertThat(twoParents.select("button[value=add:sorgeberechtigte]")).as("at most two").isEmpty();
    // A third one cannot be added, even by a form that asks for it.
    Map<String, String> third = new LinkedHashMap<>(parents);
    third.putAll(Map.of("sorgeberechtigte.count", "3", "_action", "add:sorgeberechtigte"));
    Document stillTwo = Browser.page(erika.followAll(AntragForms.fill(erika, two, third)));
    assertThat(stillTwo.select("input[name=sorgeberechtigte[1].vorname]").val()).isEqualTo("Max");
    assertThat(stillTwo.select("input[name=sorgeberechtigte[2].vorname]")).isEmpty();

    Map<String, String> single = new LinkedHashMap<>(parents);
    single.put("alleinerziehend", "true");
    HttpResponse<String> refused = AntragForms.fill(erika, two, single);
    assertThat(AntragForms.errors(refused))
        .containsExactly(Map.entry("#f-alleinerziehend", SINGLE_PARENT));
  }

  // --- API ---

  @Test
  void apiRefusesEveryKindOfWrongAnswerWithPathAndMessage() {
    ObjectNode hunde = example("hundesteuer");
    ObjectNode owner = answers(hunde);
    owner.put("vorname", "");
    owner.put("familienname", "x".repeat(101));
    owner.put("geburtsdatum", "gestern");
    ((ObjectNode) owner.get("anschrift")).put("postcode", "9908");
    owner.put("telefon", "bitte anrufen");
    owner.put("email", "erika(at)example.org");
    ObjectNode dog = (ObjectNode) owner.get("hunde").get(0);
    dog.put("geschlecht", "kater");
    dog.put("chipnummer", "12345");
    dog.put("rasse", "pitbull-terrier");
    dog.put("listenhund", false);
    dog.put("wurfdatum", "2023-04-01");
    dog.put("haltungsbeginn", "2023-01-01");
    hunde.putArray("declarations").add("aenderungen");
    assertThat(refused(ERFURT, "hundesteuer", hunde, null))
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("vorname", "Geben Sie Ihren Vornamen an"),
                Map.entry("familienname", "Ihr Familienname darf höchstens 100 Zeichen lang sein"),
                Map.entry(
                    "geburtsdatum",
                    "Geben Sie Ihr Geburtsdatum als Datum an, zum Beispiel 12.08.1984"),
                Map.entry(
                    "anschrift.postcode",
                    "Geben Sie eine Postleitzahl mit fünf Ziffern an, zum Beispiel 99084"),
                Map.entry("telefon", "Geben Sie eine Telefonnummer an, zum Beispiel 0361 123456"),
                Map.entry("email", "Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de an"),
                Map.entry(
                    "hunde[0].geschlecht",
                    "Bitte wählen Sie bei „Geschlecht“ eine der angebotenen Möglichkeiten."),
                Map.entry("hunde[0].chipnummer", CHIP),
                Map.entry("hunde[0].haltungsbeginn", MOVED_IN),
                Map.entry("hunde[0].erlaubnis", PERMIT),
                Map.entry("declaration-richtigkeit", DECLARATION)));

    assertThat(
            refused(ERFURT, "hundesteuer", example("hundesteuer", a -> a.putArray("hunde")), null))
        .containsExactly(Map.entry("hunde", "Geben Sie mindestens einen Hund an"));
    assertThat(
            refused(
                ERFURT,
                "hundesteuer",
                example("hundesteuer", a -> proof(a, "nachweis.pdf", EXE)),
                null))
        .containsExactly(Map.entry("nachweis", EXE_REFUSED));
    assertThat(
            refused(
                ERFURT,
                "hundesteuer",
                example("hundesteuer", a -> proof(a, "gross.pdf", LARGE_PDF)),
                null))
        .containsExactly(Map.entry("nachweis", TOO_LARGE));

    assertThat(
            refused(
                ERFURT,
                "meldebescheinigung",
                example(
                    "meldebescheinigung",
                    a -> {
                      a.put("anzahl", 1.5);
                      a.putArray("zusatzangaben").add("geburt").add("blutgruppe");
                    }),
                null))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "anzahl",
                "Geben Sie die Anzahl der Ausfertigungen als ganze Zahl an, zum Beispiel 2",
                "zusatzangaben",
                "Bitte wählen Sie bei „Welche Angaben soll die erweiterte Bescheinigung enthalten?“ eine der angebotenen Möglichkeiten."));
    assertThat(
            refused(
                ERFURT,
                "meldebescheinigung",
                example("meldebescheinigung", a -> a.put("anzahl", 0)),
                null))
        .containsExactly(Map.entry("anzahl", "Sie brauchen mindestens eine Ausfertigung"));
    assertThat(
            refused(
                ERFURT,
                "meldebescheinigung",
                example("meldebescheinigung", a -> a.put("anzahl", 6)),
                null))
        .containsExactly(
            Map.entry("anzahl", "Sie können höchstens 5 Ausfertigungen je Person beantragen"));
    assertThat(
            refused(
                ERFURT,
                "meldebescheinigung",
                example("meldebescheinigung", a -> a.put("anzahl", "zwei")),
                null))
        .containsExactly(
            Map.entry(
                "anzahl", "Geben Sie die Anzahl der Ausfertigungen als Zahl an, zum Beispiel 1"));

    String token =
        AntragForms.personalAccessToken(AntragForms.loggedIn(browser(), ERIKA, DEMO_PASSWORD));
    assertThat(
            refused(
                LAND,
                "foerderung-egovernment",
                example(
                    "foerderung-egovernment",
                    a -> {
                      a.put("ars", "12345");
                      a.put("iban", "DE89 3704 0044 0532 0130 01");
                      a.put("titel", "Test");
                      a.put("ende", today().plusMonths(2).toString());
                      ((ObjectNode) a.get("kostenpositionen").get(0)).put("betrag", "12,345");
                    }),
                token))
        .containsAllEntriesOf(
            Map.of(
                "ars",
                ARS,
                "iban",
                IBAN,
                "titel",
                TITLE,
                "ende",
                END,
                "kostenpositionen[0].betrag",
                MONEY));
    assertThat(
            refused(
                LAND,
                "foerderung-egovernment",
                example(
                    "foerderung-egovernment",
                    a ->
                        a.put(
                            "beantragt",
                            new java.math.BigDecimal(a.get("beantragt").asString())
                                .subtract(java.math.BigDecimal.TEN))),
                token))
        .containsExactly(Map.entry("beantragt", SUM));
    assertThat(
            refused(
                LAND,
                "foerderung-egovernment",
                example(
                    "foerderung-egovernment",
                    a -> {
                      ArrayNode files = a.putArray("kostennachweis");
                      files
                          .addObject()
                          .put("name", "kosten.pdf")
                          .put("content", Base64.getEncoder().encodeToString(PNG));
                    }),
                token))
        .containsExactly(Map.entry("kostennachweis", PDF_ONLY));

    assertThat(
            refused(
                ERFURT,
                "kita-anmeldung",
                example(
                    "kita-anmeldung",
                    a -> {
                      ArrayNode centres = (ArrayNode) a.get("wunscheinrichtungen");
                      while (centres.size() < 4) {
                        centres.addObject().put("einrichtung", "Kita " + centres.size());
                      }
                      ArrayNode parents = (ArrayNode) a.get("sorgeberechtigte");
                      if (parents.size() < 2) {
                        parents.add(parents.get(0).deepCopy());
                      }
                      a.put("alleinerziehend", true);
                    }),
                token))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "wunscheinrichtungen",
                "Geben Sie höchstens 3 Wunsch-Einrichtungen an",
                "alleinerziehend",
                SINGLE_PARENT));
  }

  // --- helpers ---

  private ObjectNode example(String app) {
    return (ObjectNode)
        json.readTree(browser().get("/api/v1/apps/" + app + "/example", "Accept", JSON).body());
  }

  private ObjectNode example(String app, Consumer<ObjectNode> change) {
    ObjectNode body = example(app);
    change.accept(answers(body));
    return body;
  }

  private static ObjectNode answers(ObjectNode body) {
    return (ObjectNode) body.get("answers");
  }

  private static void proof(ObjectNode answers, String name, byte[] content) {
    answers.put("befreiungBeantragt", true);
    answers.put("befreiungsgrund", "tierheim");
    answers
        .putArray("nachweis")
        .addObject()
        .put("name", name)
        .put("content", Base64.getEncoder().encodeToString(content));
  }

  /** Posts the body; expects 422 problem+json and returns its errors as path → message. */
  private Map<String, String> refused(String tenant, String app, ObjectNode body, String token) {
    String[] auth =
        token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token};
    HttpResponse<String> response =
        browser()
            .postJson(
                "/api/v1/tenants/" + tenant + "/apps/" + app + "/antraege",
                json.writeValueAsString(body),
                auth);
    assertThat(response.statusCode()).as("%s: %s", app, response.body()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode problem = json.readTree(response.body());
    assertThat(problem.get("type").asString()).isEqualTo("urn:amtsweg:problem:antrag-invalid");
    Map<String, String> errors = new LinkedHashMap<>();
    problem
        .get("errors")
        .forEach(
            e ->
                errors.merge(
                    e.get("path").asString(),
                    e.get("message").asString(),
                    (x, y) -> x + " | " + y));
    return errors;
  }

  private static byte[] exe() {
    byte[] bytes = new byte[512];
    Arrays.fill(bytes, (byte) 0);
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3c] = (byte) 0x80;
    bytes[0x80] = 'P';
    bytes[0x81] = 'E';
    return bytes;
  }

  private static byte[] largePdf() {
    byte[] head = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[5 * 1024 * 1024 + 100 * 1024];
    Arrays.fill(bytes, (byte) ' ');
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }
}
