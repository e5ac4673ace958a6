package de.amtsweg.tenancy;

/** Administrative level of an authority, as the Gemeindeverzeichnis (GV100AD) knows them. */
public enum AuthorityType {
  LAND,
  LANDKREIS,
  KREISFREIE_STADT,
  VERWALTUNGSGEMEINSCHAFT,
  ERFUELLENDE_GEMEINDE,
  STADT,
  GEMEINDE;

  /** A place people live in: what the place chooser offers. */
  public boolean isMunicipality() {
    return this == KREISFREIE_STADT || this == STADT || this == GEMEINDE;
  }

  /** Key of the type's name in the message bundles. */
  public String messageKey() {
    return "authority.type." + name();
  }
}
