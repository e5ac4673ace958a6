package de.amtsweg.applications.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.forms.AppDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class AnswersXmlTest {

  private final AppDefinition app = Receipts.hundesteuer();
  private final ReceiptData data = Receipts.data(app, Locale.GERMAN);

  @Test
  void rootCarriesTheAntragAndTheFieldsFollowTheDefinition() {
    Element root = AnswersXml.read(AnswersXml.write(app, data)).getDocumentElement();

    assertThat(root.getNamespaceURI()).isEqualTo("urn:amtsweg:antrag:1");
    assertThat(root.getLocalName()).isEqualTo("antrag");
    assertThat(children(root)).allMatch(e -> AnswersXml.NAMESPACE.equals(e.getNamespaceURI()));
    assertThat(root.getAttribute("app")).isEqualTo("hundesteuer");
    assertThat(root.getAttribute("version")).isEqualTo("3");
    assertThat(root.getAttribute("reference")).isEqualTo("HUND-2026-000123");
    assertThat(root.getAttribute("submitted")).isEqualTo("2026-03-14T08:05:00Z");
    assertThat(root.getAttribute("tenant-ars")).isEqualTo("160510000000");
    assertThat(root.getAttribute("leika"))
        .isEqualTo("99102013000000 99102013002000 99102013010000 99110009104000 99110009070000");
    assertThat(names(root))
        .containsExactly(
            "anliegen",
            "vorname",
            "familienname",
            "geburtsdatum",
            "anschrift",
            "email",
            "hunde",
            "befreiungBeantragt",
            "befreiungsgrund",
            "nachweis",
            "computed",
            "declarations");
    assertThat(text(root, "geburtsdatum")).isEqualTo("1984-08-12");
    assertThat(text(root, "befreiungBeantragt")).isEqualTo("true");
    assertThat(text(root, "befreiungsgrund")).isEqualTo("blindenhund");
    assertThat(names(child(root, "anschrift")))
        .containsExactly("street", "houseNumber", "postcode", "city");
    assertThat(text(child(root, "anschrift"), "postcode")).isEqualTo("99084");
  }

  @Test
  void groupItemsAreRepeatedAndFilesCarryTheirMetadata() {
    Element root = AnswersXml.read(AnswersXml.write(app, data)).getDocumentElement();

    Element dogs = child(root, "hunde");
    assertThat(names(dogs)).containsExactly("item", "item");
    Element first = children(dogs).get(0);
    assertThat(names(first))
        .containsExactly(
            "name", "rasse", "geschlecht", "farbe", "wurfdatum", "haltungsbeginn", "listenhund");
    assertThat(text(first, "name")).isEqualTo("Bello");
    assertThat(text(first, "rasse")).isEqualTo("labrador");
    assertThat(text(first, "listenhund")).isEqualTo("false");
    Element file = child(child(root, "nachweis"), "file");
    assertThat(names(file)).containsExactly("id", "name", "contentType", "size");
    assertThat(text(file, "name")).isEqualTo("Ausweis Größe.pdf");
    assertThat(text(file, "contentType")).isEqualTo("application/pdf");
    assertThat(text(file, "size")).isEqualTo("184320");
  }

  @Test
  void computedValuesFeeAndConfirmedDeclarationsFollowTheAnswers() {
    Element root = AnswersXml.read(AnswersXml.write(app, data)).getDocumentElement();

    assertThat(text(child(root, "computed"), "jahressteuer")).isEqualTo("1234.50");
    assertThat(names(root)).doesNotContain("fee");
    List<Element> declarations = children(child(root, "declarations"));
    assertThat(declarations)
        .extracting(d -> d.getAttribute("id"))
        .containsExactly("richtigkeit", "aenderungen");
    assertThat(declarations.get(1).getTextContent())
        .startsWith("Mir ist bekannt, dass ich Änderungen");
  }

  @Test
  void feeIsWrittenInEurosWhenTheAppChargesOne() {
    Element root =
        AnswersXml.read(AnswersXml.write(app, Receipts.withFee(data, new BigDecimal("12.5"))))
            .getDocumentElement();

    assertThat(names(root)).endsWith("computed", "fee", "declarations");
    assertThat(child(root, "fee").getTextContent()).isEqualTo("12.50");
    assertThat(child(root, "fee").getAttribute("currency")).isEqualTo("EUR");
  }

  @Test
  void specialCharactersAreEscapedAndComeBackUnchanged() {
    String xml = AnswersXml.write(app, data);

    assertThat(xml)
        .startsWith(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<antrag xmlns=\"urn:amtsweg:antrag:1\"")
        .contains("Müller-Lüdenscheidt &amp; Söhne &lt;GmbH&gt;")
        .doesNotContain("<GmbH>");
    Element root = AnswersXml.read(xml).getDocumentElement();
    assertThat(text(root, "familienname")).isEqualTo(Receipts.FAMILY_NAME);
    assertThat(text(children(child(root, "hunde")).get(1), "name")).isEqualTo(Receipts.SECOND_DOG);
  }

  @Test
  void sameAntragGivesTheSameDocument() {
    assertThat(AnswersXml.write(app, Receipts.data(app, Locale.GERMAN)))
        .isEqualTo(AnswersXml.write(app, data));
  }

  @Test
  void controlCharactersThatXmlCannotCarryAreLeftOut() {
    assertThat(AnswersXml.clean("Bel\u0000lo\u0007\tx")).isEqualTo("Bello\tx");
  }

  @Test
  void parserRefusesDoctypesAndExternalEntities() {
    String attack =
        "<?xml version=\"1.0\"?><!DOCTYPE antrag [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<antrag>&xxe;</antrag>";

    assertThatThrownBy(() -> AnswersXml.read(attack))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCTYPE");
  }

  static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  static List<String> names(Element parent) {
    return children(parent).stream().map(Element::getLocalName).toList();
  }

  static Element child(Element parent, String name) {
    return children(parent).stream()
        .filter(e -> e.getLocalName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  static String text(Element parent, String name) {
    return child(parent, name).getTextContent();
  }
}
