package de.amtsweg.catalog;

/**
 * What a text of a Leistung answers, by the kinds of the XZuFi text modules (LeiKa
 * "Leistungstextmodul"). The order is the order of a service page.
 */
public enum TextModuleKind {
  /** What the Leistung is, in a few sentences (Kurztext). */
  KURZTEXT,
  /** Who can apply (Voraussetzungen). */
  VORAUSSETZUNGEN,
  /** What you need (Erforderliche Unterlagen). */
  UNTERLAGEN,
  /** What it costs (Kosten). */
  KOSTEN,
  /** How long it takes (Bearbeitungsdauer). */
  BEARBEITUNGSDAUER,
  /** Deadlines to keep (Fristen). */
  FRISTEN,
  /** The legal basis (Rechtsgrundlage). */
  RECHTSGRUNDLAGE;

  /** The heading of this kind on a page, {@code catalog.text.<KIND>}. */
  public String messageKey() {
    return "catalog.text." + name();
  }
}
