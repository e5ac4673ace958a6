package de.amtsweg.delivery;

/**
 * What kind of document a delivery hands on. The module that owns the type registers a {@link
 * DocumentSource} for it; routes, policies and wire formats are chosen by it.
 */
public enum DocumentType {
  /** A submitted Antrag (module applications): to a Fachverfahren or the case inbox. */
  ANTRAG,
  /** An e-invoice (module einvoice): to the authority's finance system. */
  E_RECHNUNG
}
