package de.amtsweg.platform;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * The one configuration of a DOM parser for XML from outside (e-invoices, FIM schemas, answer
 * documents): namespace aware, no DTD at all (so no entity can be declared, expanded or fetched:
 * XXE and billion laughs fail at the DOCTYPE), no external DTD or schema access, no XInclude, JAXP
 * secure-processing limits on.
 */
public final class HardenedXml {

  private HardenedXml() {}

  /** A new factory with every hardening applied; callers add error handlers to their builders. */
  public static DocumentBuilderFactory documentBuilderFactory() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("XML parser cannot be hardened", e);
    }
  }
}
