package de.amtsweg.account;

import java.time.OffsetDateTime;

/**
 * One value of a profile with its provenance.
 *
 * @param value the value as text (dates ISO 8601, IBAN without spaces)
 * @param source where it came from
 * @param since when it was entered, confirmed or received
 */
public record ProfileValue(String value, Source source, OffsetDateTime since) {

  /** Where a profile value came from. */
  public enum Source {
    /** Entered by the person in their account. */
    USER,
    /** An e-mail address the person confirmed by a link. */
    CONFIRMED_EMAIL,
    /** Received from an identity provider at login (OpenID Connect). */
    IDENTITY_PROVIDER
  }
}
