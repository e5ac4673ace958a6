package de.amtsweg.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.federation.xzufi.XzufiObject;
import de.amtsweg.federation.xzufi.XzufiReader;
import de.amtsweg.federation.xzufi.XzufiWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XzufiReaderTest {

  private static final String NS = "xmlns=\"http://xoev.de/schemata/xzufi/2_2_0\"";

  @Test
  void aSingleSchreibeAndASingleLoescheAreReadLikeLists() {
    List<XzufiObject> objects =
        XzufiReader.read(
            """
            <x:transferObjekt xmlns:x="http://xoev.de/schemata/xzufi/2_2_0" xzufiVersion="2.2.0">
              <x:nachrichtenkopf/>
              <x:schreibe><x:onlinedienst><x:id>K1</x:id>
                <x:bezeichnung languageCode="de">Kindergeld online</x:bezeichnung>
                <x:link><x:typ><code>01</code></x:typ><x:link>https://example.org/kg</x:link></x:link>
              </x:onlinedienst></x:schreibe>
              <x:loesche klasse="Zustaendigkeit"><x:id>Z-gone</x:id></x:loesche>
            </x:transferObjekt>
            """);

    assertThat(objects)
        .containsExactly(
            new XzufiObject.Onlinedienst("K1", "Kindergeld online", "https://example.org/kg", null),
            new XzufiObject.Loeschung("Zustaendigkeit", "Z-gone"));
  }

  @Test
  void anOnlinedienstTakesItsProviderFromTheResponsibleOfficeInTheSameMessage() {
    List<XzufiObject> objects =
        XzufiReader.read(
            "<m "
                + NS
                + "><schreibe><organisationseinheit><id>FK</id><name><name languageCode=\"de\">"
                + "Familienkasse</name></name><anschrift><strasse>Weg</strasse><hausnummer>1"
                + "</hausnummer><postleitzahl>99084</postleitzahl><ort>Erfurt</ort></anschrift>"
                + "</organisationseinheit></schreibe>"
                + "<schreibe><onlinedienst><id>OD</id><bezeichnung languageCode=\"de\">KG"
                + "</bezeichnung><link><link>https://example.org</link></link></onlinedienst>"
                + "</schreibe>"
                + entry("Z1", "FK", "01")
                + entry("Z2", "OD", null)
                + "</m>");

    assertThat(objects).hasSize(4);
    assertThat(objects.get(0))
        .isEqualTo(
            new XzufiObject.Organisationseinheit(
                "FK", "Familienkasse", "Weg 1", "99084", "Erfurt", null, null, null));
    assertThat(((XzufiObject.Onlinedienst) objects.get(1)).provider()).isEqualTo("Familienkasse");
    assertThat(((XzufiObject.Zustaendigkeit) objects.get(2)).regions())
        .containsExactly("000000000000");
  }

  @Test
  void regionsAreTwelveDigitsEvenWhenSentAsShortenedUrns() {
    List<XzufiObject> objects =
        XzufiReader.read(
            "<m "
                + NS
                + "><schreibe><zustaendigkeitTransferObjekt><uebergeordnetesObjektID>P"
                + "</uebergeordnetesObjektID><zustaendigkeit><id>Z</id><leistungID>L</leistungID>"
                + "<gebietID>urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:rs:16051"
                + "</gebietID><gebietID>160000000000</gebietID></zustaendigkeit>"
                + "</zustaendigkeitTransferObjekt></schreibe></m>");

    assertThat(((XzufiObject.Zustaendigkeit) objects.getFirst()).regions())
        .containsExactly("160510000000", "160000000000");
  }

  @Test
  void aRecordItCannotUseIsReportedNotFatal() {
    List<XzufiObject> objects =
        XzufiReader.read(
            "<m "
                + NS
                + "><schreibe><leistung><id>L1</id><referenzLeiKa><code>12</code></referenzLeiKa>"
                + "</leistung></schreibe><schreibe><spezialisierung><id>S</id></spezialisierung>"
                + "</schreibe><loesche klasse=\"\"><id>X</id></loesche></m>");

    assertThat(objects)
        .extracting(o -> o.getClass().getSimpleName())
        .containsExactly("Unreadable", "Unreadable");
    assertThat(((XzufiObject.Unreadable) objects.getFirst()).reason())
        .contains("Leistungsschlüssel ungültig");
  }

  @Test
  void leistungTextsAreReadAsPlainTextByModuleAndLanguage() {
    List<XzufiObject> objects =
        XzufiReader.read(
            "<m "
                + NS
                + "><schreibe><leistung><id>L1</id><referenzLeiKa><code>99041008000000</code>"
                + "</referenzLeiKa><modulText><inhalt languageCode=\"de\">&lt;p&gt;Geld für"
                + " Kinder&lt;/p&gt;&lt;p&gt;&amp;amp; mehr&lt;/p&gt;</inhalt><inhalt"
                + " languageCode=\"en\">Money</inhalt><leikaTextmodul><code>05</code>"
                + "</leikaTextmodul></modulText><modulKosten><beschreibung languageCode=\"de\">"
                + "keine</beschreibung></modulKosten></leistung></schreibe></m>");

    XzufiObject.Leistung leistung = (XzufiObject.Leistung) objects.getFirst();
    assertThat(leistung.leikaKey()).isEqualTo("99041008000000");
    assertThat(leistung.texts())
        .containsEntry("05", Map.of("de", "Geld für Kinder\n& mehr", "en", "Money"))
        .containsEntry("kosten", Map.of("de", "keine"));
  }

  @Test
  void externalEntitiesAreRefusedAtTheDoctype() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <m xmlns="http://xoev.de/schemata/xzufi/2_2_0"><schreibe><onlinedienst><id>&x;</id>
        </onlinedienst></schreibe></m>
        """;

    assertThatThrownBy(() -> XzufiReader.read(xxe))
        .isInstanceOf(XzufiReader.MalformedMessage.class);
  }

  @Test
  void entityExpansionIsRefused() {
    String laughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE m [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <m><schreibe><onlinedienst><id>&c;</id></onlinedienst></schreibe></m>
        """;

    assertThatThrownBy(() -> XzufiReader.read(laughs))
        .isInstanceOf(XzufiReader.MalformedMessage.class);
  }

  @Test
  void whatTheWriterWritesTheReaderReads() {
    List<XzufiObject> written =
        List.of(
            new XzufiObject.Organisationseinheit(
                "OE", "Stadt Erfurt", "Fischmarkt 1", "99084", "Erfurt", "0361 6550", null, null),
            new XzufiObject.Onlinedienst("OD", "Hundesteuer", "https://a.example/antrag/x", null),
            new XzufiObject.Zustaendigkeit(
                "Z", "OD", "99102013000000", List.of("160510000000"), null));

    List<XzufiObject> read = XzufiReader.read(XzufiWriter.write(written));

    assertThat(read.get(0)).isEqualTo(written.get(0));
    assertThat(read.get(2)).isEqualTo(written.get(2));
    assertThat(((XzufiObject.Onlinedienst) read.get(1)).url())
        .isEqualTo("https://a.example/antrag/x");
  }

  private static String entry(String id, String parent, String rolle) {
    return "<schreibe><zustaendigkeitTransferObjekt><uebergeordnetesObjektID>"
        + parent
        + "</uebergeordnetesObjektID><zustaendigkeit><id>"
        + id
        + "</id><leistungID>99041008000000</leistungID><gebietID>000000000000</gebietID>"
        + (rolle == null ? "" : "<rolle><code>" + rolle + "</code></rolle>")
        + "</zustaendigkeit></zustaendigkeitTransferObjekt></schreibe>";
  }
}
