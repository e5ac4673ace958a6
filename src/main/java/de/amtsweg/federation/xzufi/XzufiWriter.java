package de.amtsweg.federation.xzufi;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes XZuFi 2.2 messages of {@code schreibe} records in the names {@link XzufiReader} reads, so
 * that one Amtsweg reads another's export.
 */
public final class XzufiWriter {

  private XzufiWriter() {}

  /** A message with a {@code schreibe} record for each object (Leistungen and deletions aside). */
  public static String write(List<XzufiObject> objects) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(XzufiNames.NAMESPACE);
      xml.writeStartElement(XzufiNames.NAMESPACE, XzufiNames.ROOT);
      xml.writeDefaultNamespace(XzufiNames.NAMESPACE);
      xml.writeAttribute("xzufiVersion", XzufiNames.VERSION);
      xml.writeAttribute("produktbezeichnung", "Amtsweg");
      for (XzufiObject object : objects) {
        xml.writeStartElement(XzufiNames.NAMESPACE, "schreibe");
        switch (object) {
          case XzufiObject.Organisationseinheit unit -> unit(xml, unit);
          case XzufiObject.Onlinedienst service -> service(xml, service);
          case XzufiObject.Zustaendigkeit entry -> entry(xml, entry);
          case XzufiObject.Leistung leistung -> leistung(xml, leistung);
          case XzufiObject.Loeschung deletion ->
              throw new IllegalArgumentException("Amtsweg's export holds no deletions");
          case XzufiObject.Unreadable unreadable ->
              throw new IllegalArgumentException("nothing to write for " + unreadable);
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  private static void unit(XMLStreamWriter xml, XzufiObject.Organisationseinheit unit)
      throws XMLStreamException {
    xml.writeStartElement(XzufiNames.NAMESPACE, "organisationseinheit");
    element(xml, "id", unit.id());
    xml.writeStartElement(XzufiNames.NAMESPACE, "name");
    text(xml, "name", unit.name());
    xml.writeEndElement();
    if (unit.street() != null || unit.postcode() != null || unit.city() != null) {
      xml.writeStartElement(XzufiNames.NAMESPACE, "anschrift");
      element(xml, "strasse", unit.street());
      element(xml, "postleitzahl", unit.postcode());
      element(xml, "ort", unit.city());
      xml.writeEndElement();
    }
    for (String contact : new String[] {unit.phone(), unit.email()}) {
      if (contact != null) {
        xml.writeStartElement(XzufiNames.NAMESPACE, "kommunikation");
        element(xml, "kennung", contact);
        xml.writeEndElement();
      }
    }
    if (unit.website() != null) {
      xml.writeStartElement(XzufiNames.NAMESPACE, "internetadresse");
      element(xml, "uri", unit.website());
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void service(XMLStreamWriter xml, XzufiObject.Onlinedienst service)
      throws XMLStreamException {
    xml.writeStartElement(XzufiNames.NAMESPACE, "onlinedienst");
    element(xml, "id", service.id());
    text(xml, "bezeichnung", service.name());
    if (service.url() != null) {
      xml.writeStartElement(XzufiNames.NAMESPACE, "link");
      xml.writeStartElement(XzufiNames.NAMESPACE, "typ");
      xml.writeAttribute("listURI", "urn:xoev-de:fim:codeliste:onlinedienstlinktyp");
      xml.writeStartElement("code");
      xml.writeCharacters(XzufiNames.LINK_TYPE_SERVICE);
      xml.writeEndElement();
      xml.writeEndElement();
      element(xml, "link", service.url());
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void entry(XMLStreamWriter xml, XzufiObject.Zustaendigkeit entry)
      throws XMLStreamException {
    xml.writeStartElement(XzufiNames.NAMESPACE, "zustaendigkeitTransferObjekt");
    element(xml, "uebergeordnetesObjektID", entry.parentId());
    xml.writeStartElement(XzufiNames.NAMESPACE, "zustaendigkeit");
    element(xml, "id", entry.id());
    element(xml, "leistungID", entry.leistungId());
    for (String region : entry.regions()) {
      element(xml, "gebietID", region);
    }
    if (entry.rolleCode() != null) {
      xml.writeStartElement(XzufiNames.NAMESPACE, "rolle");
      xml.writeStartElement("code");
      xml.writeCharacters(entry.rolleCode());
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void leistung(XMLStreamWriter xml, XzufiObject.Leistung leistung)
      throws XMLStreamException {
    xml.writeStartElement(XzufiNames.NAMESPACE, "leistung");
    element(xml, "id", leistung.id());
    xml.writeStartElement(XzufiNames.NAMESPACE, "referenzLeiKa");
    xml.writeStartElement("code");
    xml.writeCharacters(leistung.leikaKey());
    xml.writeEndElement();
    xml.writeEndElement();
    for (Map.Entry<String, Map<String, String>> module : leistung.texts().entrySet()) {
      xml.writeStartElement(XzufiNames.NAMESPACE, "modulText");
      for (Map.Entry<String, String> text : module.getValue().entrySet()) {
        xml.writeStartElement(XzufiNames.NAMESPACE, "inhalt");
        xml.writeAttribute("languageCode", text.getKey());
        xml.writeCharacters(text.getValue());
        xml.writeEndElement();
      }
      xml.writeStartElement(XzufiNames.NAMESPACE, "leikaTextmodul");
      xml.writeStartElement("code");
      xml.writeCharacters(module.getKey());
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String name, String german)
      throws XMLStreamException {
    xml.writeStartElement(XzufiNames.NAMESPACE, name);
    xml.writeAttribute("languageCode", "de");
    xml.writeCharacters(german);
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, @Nullable String value)
      throws XMLStreamException {
    if (value != null) {
      xml.writeStartElement(XzufiNames.NAMESPACE, name);
      xml.writeCharacters(value);
      xml.writeEndElement();
    }
  }
}
