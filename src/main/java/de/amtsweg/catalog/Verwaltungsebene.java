package de.amtsweg.catalog;

/**
 * The administrative level that carries out a Leistung (Vollzugsebene). Which authority that is for
 * a place follows from the place's chain of authorities; see docs/adr/0007-zustaendigkeit.md.
 */
public enum Verwaltungsebene {
  /** A federal authority; Amtsweg names no responsible authority of the Land. */
  BUND,
  /** An authority of the Land itself. */
  LAND,
  /** The Landkreis, or the kreisfreie Stadt. */
  KREIS,
  /**
   * The authority that carries out the Gemeinde's tasks: its Verwaltungsgemeinschaft or erfüllende
   * Gemeinde where it has one, otherwise the Gemeinde itself.
   */
  GEMEINDEVERBAND,
  /** The Gemeinde (or Stadt) itself. */
  GEMEINDE;

  public String messageKey() {
    return "catalog.ebene." + name();
  }
}
