package de.amtsweg.federation.xzufi;

import java.util.Map;

/**
 * The names of XZuFi 2.2 that Amtsweg reads and writes. Where they come from is written down in ADR
 * 0028; the ones not verified against a public source are marked there.
 */
public final class XzufiNames {

  /** The namespace of XZuFi 2.2. */
  public static final String NAMESPACE = "http://xoev.de/schemata/xzufi/2_2_0";

  /** The version Amtsweg writes in the root's {@code xzufiVersion}. */
  public static final String VERSION = "2.2.0";

  /** The root element of a message Amtsweg writes (the Bereitstelldienst sends others, too). */
  public static final String ROOT = "transferObjekt";

  /** Code list {@code urn:de:xzufi:codeliste:leistungstextmodulleika}: the codes Amtsweg uses. */
  public static final Map<String, String> TEXT_MODULES =
      Map.of(
          "02", "Leistungsbezeichnung",
          "05", "Kurztext",
          "07", "Handlungsgrundlagen",
          "08", "Erforderliche Unterlagen",
          "09", "Voraussetzungen");

  /** Code of the text module Leistungsbezeichnung. */
  public static final String LEISTUNGSBEZEICHNUNG = "02";

  /** Code list {@code urn:xoev-de:fim:codeliste:onlinedienstlinktyp}: the link to the service. */
  public static final String LINK_TYPE_SERVICE = "01";

  /** The role code Amtsweg writes for the competent office (zuständige Stelle). */
  public static final String ROLLE_ZUSTAENDIGE_STELLE = "01";

  /** The role code Amtsweg reads as a contact point (Ansprechpunkt). */
  public static final String ROLLE_ANSPRECHPUNKT = "02";

  /** Pseudo text module code for {@code modulKosten}. */
  public static final String KOSTEN = "kosten";

  /** Pseudo text module code for {@code modulFrist}. */
  public static final String FRIST = "frist";

  /** Pseudo text module code for {@code modulBearbeitungsdauer}. */
  public static final String BEARBEITUNGSDAUER = "bearbeitungsdauer";

  private XzufiNames() {}
}
