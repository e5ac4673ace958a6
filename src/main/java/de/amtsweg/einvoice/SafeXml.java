package de.amtsweg.einvoice;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * XML parsing for documents from outside: no DTD at all (so no entity can be declared, expanded or
 * fetched: XXE and billion laughs fail at the DOCTYPE), no XInclude, no external schema or DTD
 * access, JAXP secure-processing limits on. Nothing in a document can make the parser read a file
 * or open a connection.
 */
final class SafeXml {

  /** The document had a DOCTYPE: refused before any entity is read. */
  static final class DoctypeForbidden extends Exception {
    DoctypeForbidden(String message) {
      super(message);
    }
  }

  private static final DocumentBuilderFactory FACTORY = factory();
  private static final ThreadLocal<DocumentBuilder> BUILDERS =
      ThreadLocal.withInitial(SafeXml::newBuilder);

  private SafeXml() {}

  static Document parse(byte[] xml) throws SAXException, IOException, DoctypeForbidden {
    DocumentBuilder builder = BUILDERS.get();
    builder.reset();
    builder.setErrorHandler(
        new DefaultHandler() {
          @Override
          public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
          }
        });
    builder.setEntityResolver(
        (publicId, systemId) -> {
          throw new SAXException("external entity refused: " + systemId);
        });
    try {
      return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
    } catch (SAXException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("DOCTYPE") || message.contains("disallow-doctype-decl")) {
        throw new DoctypeForbidden(message);
      }
      throw e;
    }
  }

  private static DocumentBuilderFactory factory() {
    return de.amtsweg.platform.HardenedXml.documentBuilderFactory();
  }

  private static DocumentBuilder newBuilder() {
    try {
      synchronized (FACTORY) {
        return FACTORY.newDocumentBuilder();
      }
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
