package de.amtsweg.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Option;
import de.amtsweg.forms.FimImport.Note;
import de.amtsweg.forms.FimImport.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FIM import turns real XDatenfelder 2.0 schemas ({@code src/test/resources/fim}) into
 * definitions.
 */
class FimImportTest {

  private static final Path FIM = Path.of("src/test/resources/fim");

  /** Every XDatenfelder 2.0 Stammdatenschema in the test data (Genericode files are code lists). */
  static List<Path> schemas() throws IOException {
    try (Stream<Path> files = Files.walk(FIM)) {
      return files
          .filter(f -> f.toString().endsWith(".xml"))
          .filter(f -> f.getParent().getFileName().toString().startsWith("xdf2-"))
          .filter(f -> !f.getFileName().toString().endsWith("_genericode.xml"))
          .sorted()
          .toList();
    }
  }

  /** The schema with the Genericode code lists lying next to it, keyed by their FIM id. */
  static Result imported(Path schema) {
    Map<String, InputStream> lists = new LinkedHashMap<>();
    try (Stream<Path> siblings = Files.list(schema.getParent())) {
      for (Path list :
          siblings
              .filter(f -> f.getFileName().toString().endsWith("_genericode.xml"))
              .sorted()
              .toList()) {
        lists.put(
            list.getFileName().toString().replace("_genericode.xml", ""),
            Files.newInputStream(list));
      }
      return FimImport.skeleton(Files.newInputStream(schema), lists);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Result imported(String relative) {
    return imported(FIM.resolve(relative));
  }

  @Test
  void theTestDataHoldsAllSixXDatenfelder2Schemas() throws IOException {
    assertThat(schemas())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "S05000058V1.0_xdf2.xml",
            "BlaueKarte.xml",
            "data-group-rule.xml",
            "label.xml",
            "rule.xml",
            "S00000009_xdatenfelder.xml");
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void everyXDatenfelder2SchemaBecomesALoadableDefinition(Path schema) {
    Result result = imported(schema);

    AppDefinition reloaded = Definitions.parse(result.yaml());
    assertThat(reloaded.steps()).isNotEmpty();
    assertThat(Definitions.toJson(reloaded)).isEqualTo(Definitions.toJson(result.definition()));
    // the canonical YAML of the lead's serializer loads, too
    assertThat(Definitions.toJson(Definitions.parse(Definitions.toYaml(reloaded))))
        .isEqualTo(Definitions.toJson(reloaded));
    assertThat(result.yaml()).startsWith("# ");
    result
        .notes()
        .forEach(
            note -> {
              assertThat(note.text(Locale.GERMAN)).doesNotContain("{0}");
              assertThat(note.text(Locale.ENGLISH)).isNotEqualTo(note.text(Locale.GERMAN));
            });
  }

  @Test
  void gewerbeAnmeldungMapsFieldsTypesLabelsCardinalityAndFimIds() {
    Result result = imported("xdf2-gewerbeanmeldung-S00000009/S00000009_xdatenfelder.xml");
    AppDefinition app = result.definition();

    assertThat(app.id()).isEqualTo("fim-s00000009");
    assertThat(app.name().de()).isEqualTo("Gewerbe Anmeldung");
    // top-level Datenfelder first, then one step per top-level Datenfeldgruppe
    assertThat(app.steps())
        .extracting(AppDefinition.Step::id)
        .containsExactly(
            "allgemeineAngaben",
            "gemeindekennzahlBetriebsstaette",
            "angabenZumBetriebsinhaber",
            "angabenZumBetrieb",
            "erlaubnisseUndGenehmigungen");
    // label Datenfelder became the intro of the first step
    assertThat(app.steps().getFirst().intro().de())
        .contains("Gewerbe-Anmeldung nach § 14 GewO oder § 55 c GewO");

    Field beginn = app.field("datumDesBeginnsDerAngemeldetenTaetigkeit").orElseThrow();
    assertThat(beginn.type()).isEqualTo(FieldType.DATE);
    assertThat(beginn.required()).isTrue();
    assertThat(beginn.fim()).isEqualTo("F00000119");
    assertThat(beginn.help().de())
        .isEqualTo("Spezifizieren Sie das Startdatum der angemeldeten Tätigkeit.");

    Field nebenerwerb = app.field("wirdDieTaetigkeitVorerstImNebenerwerb").orElseThrow();
    assertThat(nebenerwerb.type()).isEqualTo(FieldType.YESNO);
    assertThat(nebenerwerb.label().de())
        .isEqualTo("Wird die Tätigkeit (vorerst) im Nebenerwerb betrieben?");

    Field gemeinde = app.field("nameDerEntgegennehmendenGemeinde").orElseThrow();
    assertThat(gemeinde.type()).isEqualTo(FieldType.TEXT);
    assertThat(gemeinde.maxLength()).isEqualTo(50);
    assertThat(gemeinde.required()).isTrue();

    // 1:* Datenfeldgruppe → repeatable group; nested groups flattened into it
    Field inhaber = app.field("angabenZumBetriebsinhaber").orElseThrow();
    assertThat(inhaber.type()).isEqualTo(FieldType.GROUP);
    assertThat(inhaber.fim()).isEqualTo("G00000091");
    assertThat(inhaber.required()).isTrue();
    assertThat(inhaber.minItems()).isEqualTo(1);
    assertThat(inhaber.maxItems()).isNull();
    Field rechtsform = inhaber.child("rechtsform").orElseThrow();
    assertThat(rechtsform.type()).isEqualTo(FieldType.CHOICE);
    assertThat(rechtsform.required()).isTrue();
    Field jahr = inhaber.child("jahr").orElseThrow();
    assertThat(jahr.integer()).isTrue();
    assertThat(jahr.min()).isEqualByComparingTo(new BigDecimal("1850"));
    assertThat(jahr.max()).isEqualByComparingTo(new BigDecimal("2025"));
    assertThat(inhaber.child("tag").orElseThrow().max()).isEqualByComparingTo(new BigDecimal("31"));
    // a field of an optional nested group (Einzelinhaber 0:1) is not required, and says where it
    // came from
    Field familienname = inhaber.child("familienname").orElseThrow();
    assertThat(familienname.required()).isFalse();
    assertThat(familienname.label().de()).isEqualTo("Familienname (Einzelinhaber)");
    assertThat(inhaber.child("postleitzahl").orElseThrow().minLength()).isEqualTo(5);

    // "Mehrfachauswahl" in the Präzisierung → multiple choice
    assertThat(app.field("artDesAnBzwAbgemeldetenBetriebes").orElseThrow().type())
        .isEqualTo(FieldType.MULTICHOICE);
    // a 0:* group inside a step → repeatable group with minItems unset
    Field erlaubnis = app.field("angabenZurErlaubnis").orElseThrow();
    assertThat(erlaubnis.type()).isEqualTo(FieldType.GROUP);
    assertThat(erlaubnis.required()).isFalse();
    // ids stay unique when flattened groups repeat a field: the group's name becomes a prefix
    assertThat(app.field("strasse")).isPresent();
    assertThat(app.field("angabenZurHauptniederlassungStrasse")).isPresent();
  }

  @Test
  void aMissingCodeListBecomesANamedPlaceholderWithANote() {
    Result result = imported("xdf2-gewerbeanmeldung-S00000009/S00000009_xdatenfelder.xml");

    Field rechtsform =
        result
            .definition()
            .field("angabenZumBetriebsinhaber")
            .orElseThrow()
            .child("rechtsform")
            .orElseThrow();
    assertThat(rechtsform.codeList()).isEqualTo("platzhalter-C00000013");
    assertThat(result.definition().options(rechtsform))
        .extracting(o -> o.label().de())
        .containsExactly("Platzhalter: Codeliste C00000013 fehlt – bitte ersetzen");
    assertThat(result.notes())
        .filteredOn(n -> n.key().equals("code-list-missing"))
        .extracting(Note::toString)
        .anyMatch(
            n ->
                n.contains("C00000013")
                    && n.contains("urn:xoev-de:xgewerbeanzeige:codeliste:rechtsformen_3"));
    assertThat(result.notes())
        .extracting(Note::key)
        .contains("nested-repeatable", "optional-group", "pattern-not-regex");
    assertThat(result.yaml()).contains("# - F00000103 (rechtsform): Die Codeliste C00000013");
  }

  @Test
  void codeListsComeFromGenericode() {
    Result result = imported("xdf2-bewohnerparken-S05000058/S05000058V1.0_xdf2.xml");
    AppDefinition app = result.definition();

    assertThat(app.codeLists().get("C05000108"))
        .extracting(Option::value, o -> o.label().de())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", "12 Monate"),
            org.assertj.core.groups.Tuple.tuple("2", "24 Monate"));
    List<Option> staaten = app.codeLists().get("C60000016");
    assertThat(staaten).hasSize(197);
    assertThat(staaten.getFirst()).isEqualTo(new Option("000", Text.of("Deutschland")));
    Field staat =
        app.allFields().stream()
            .filter(f -> "C60000016".equals(f.codeList()))
            .findFirst()
            .orElseThrow();
    assertThat(staat.type()).isEqualTo(FieldType.CHOICE);
    assertThat(result.notes()).extracting(Note::key).doesNotContain("code-list-missing");
    // the regex of the Präzisierung is taken over and checks answers
    Field postleitzahl =
        app.allFields().stream()
            .filter(f -> f.pattern() != null && f.pattern().regex().startsWith("([0]{1}"))
            .findFirst()
            .orElseThrow();
    assertThat(postleitzahl.minLength()).isEqualTo(5);
  }

  @Test
  void regelnAreCarriedAsNotesWithTheirText() {
    Result bewohnerparken = imported("xdf2-bewohnerparken-S05000058/S05000058V1.0_xdf2.xml");
    Result blaueKarte = imported("xdf2-blaue-karte/BlaueKarte.xml");

    assertThat(bewohnerparken.notes())
        .filteredOn(n -> n.key().equals("rule"))
        .hasSize(2)
        .extracting(n -> n.text(Locale.GERMAN))
        .anyMatch(
            t -> t.contains("R05000334") && t.contains("dann wird G05000599 eine Pflichtangabe"));
    assertThat(blaueKarte.notes())
        .filteredOn(n -> n.key().equals("rule"))
        .hasSize(3)
        .extracting(n -> n.place() + " " + n.text(Locale.GERMAN))
        .anyMatch(t -> t.startsWith("G00000636") && t.contains("Krankenversicherungsträger"));
  }

  @Test
  void blaueKarteMapsMoneyFilesYesNoAndAGroupWithItemLimits() {
    AppDefinition app = imported("xdf2-blaue-karte/BlaueKarte.xml").definition();

    assertThat(app.allFields())
        .extracting(Field::type)
        .contains(FieldType.MONEY, FieldType.FILE, FieldType.YESNO);
    Field lichtbild = app.field("lichtbild").orElseThrow();
    assertThat(lichtbild.type()).isEqualTo(FieldType.FILE);
    assertThat(lichtbild.required()).isTrue();
    // a 2:5 Datenfeld becomes a group of 2 to 5 entries
    assertThat(app.allFields())
        .filteredOn(f -> f.type() == FieldType.GROUP && Integer.valueOf(5).equals(f.maxItems()))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.minItems()).isEqualTo(2));
  }

  @Test
  void labelsOnlySchemasStillLoadWithAPlaceholderAndANote() {
    Result label = imported("xdf2-flxbe-testfixtures/label.xml");

    assertThat(label.definition().steps().getFirst().intro().de()).isEqualTo("Hinweis Inhalt");
    assertThat(label.definition().fields()).extracting(Field::id).containsExactly("platzhalter");
    assertThat(label.notes()).extracting(Note::key).contains("no-fields");
  }

  @Test
  void xdatenfelder1IsRefusedWithAGermanMessage() {
    FimImportException e =
        catchThrowableOfType(
            FimImportException.class,
            () -> imported(FIM.resolve("xdf1-waffenbesitzkarte-S00000036/WaBeKa.xml")));

    assertThat(e.type()).isEqualTo("fim-unsupported-version");
    assertThat(e.getMessage())
        .isEqualTo(
            "Die Datei ist im Format XDatenfelder 1.0. Importiert werden nur "
                + "Stammdatenschemata im Format XDatenfelder 2.0; bitte exportieren Sie das Schema im FIM-Portal als XDatenfelder 2.0.");
    assertThat(e.text(Locale.ENGLISH)).startsWith("The file is in XDatenfelder 1.0 format.");
  }

  @Test
  void xdatenfelder3AndOtherXmlAreRefused() {
    FimImportException v3 =
        refused(
            """
        <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_3.0.0"/>""");
    FimImportException other = refused("<html><body>Gewerbe</body></html>");
    FimImportException group =
        refused(
            """
        <xdf:xdatenfelder.datenfeldgruppe.0103 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2"/>""");
    FimImportException broken = refused("<xdf:kaputt");

    assertThat(v3.getMessage()).startsWith("Die Datei ist im Format XDatenfelder 3.0.0.");
    assertThat(other.type()).isEqualTo("fim-not-xdatenfelder");
    assertThat(other.getMessage()).contains("kein FIM-Stammdatenschema", "„html“");
    assertThat(group.type()).isEqualTo("fim-not-a-schema");
    assertThat(broken.type()).isEqualTo("fim-unreadable");
    assertThat(broken.getMessage()).startsWith("Die Datei ist kein wohlgeformtes XML");
  }

  @Test
  void anExternalEntityIsNeverResolved() throws IOException {
    Path secret = Files.createTempFile("fim-xxe", ".txt");
    Files.writeString(secret, "GEHEIM-123");
    String attack =
        """
        <?xml version="1.0"?>
        <!DOCTYPE xdf:xdatenfelder.stammdatenschema.0102 [ <!ENTITY xxe SYSTEM "%s"> ]>
        <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2">
          <xdf:stammdatenschema><xdf:identifikation><xdf:id>S1</xdf:id></xdf:identifikation>
          <xdf:name>&xxe;</xdf:name></xdf:stammdatenschema>
        </xdf:xdatenfelder.stammdatenschema.0102>"""
            .formatted(secret.toUri());
    try {
      FimImportException e = refused(attack);

      assertThat(e.type()).isEqualTo("fim-doctype-refused");
      assertThat(e.getMessage()).contains("DOCTYPE", "Sicherheitsgründen").doesNotContain("GEHEIM");
    } finally {
      Files.delete(secret);
    }
  }

  @Test
  void anEntityExpansionBombIsRefusedToo() {
    FimImportException e =
        refused(
            """
        <?xml version="1.0"?>
        <!DOCTYPE lol [ <!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
        <lol>&lol2;</lol>""");

    assertThat(e.type()).isEqualTo("fim-doctype-refused");
  }

  @Test
  void anUnreadableCodeListIsNamed() {
    FimImportException e =
        catchThrowableOfType(
            FimImportException.class,
            () ->
                FimImport.skeleton(
                    Files.newInputStream(
                        FIM.resolve("xdf2-bewohnerparken-S05000058/S05000058V1.0_xdf2.xml")),
                    Map.of("C05000108", stream("<kein-genericode/>"))));

    assertThat(e.getMessage())
        .startsWith("Die Codeliste „C05000108“ ist keine lesbare Genericode-1.0-Datei");
  }

  @Test
  void idsAreCamelCaseAsciiAndStartWithALetter() {
    assertThat(FimImport.camelCase("Art des Betriebes")).isEqualTo("artDesBetriebes");
    assertThat(FimImport.camelCase("Straße")).isEqualTo("strasse");
    assertThat(FimImport.camelCase("E-Mail")).isEqualTo("eMail");
    assertThat(FimImport.camelCase("IstReisegewerbe")).isEqualTo("istReisegewerbe");
    assertThat(FimImport.camelCase("GewA 1")).isEqualTo("gewA1");
    assertThat(FimImport.camelCase("1. Wohnsitz")).isEqualTo("feld1Wohnsitz");
    assertThat(FimImport.camelCase("???")).isEqualTo("feld");
  }

  private static FimImportException refused(String xml) {
    return catchThrowableOfType(
        FimImportException.class, () -> FimImport.skeleton(stream(xml), Map.of()));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
