package de.amtsweg.tenancy;

import java.time.LocalDate;
import java.util.List;

/**
 * A tenant's Erklärung zur Barrierefreiheit (BITV 2.0 § 7): what its admins keep up to date.
 *
 * @param conformity how far the pages meet BITV 2.0 / WCAG 2.2 AA
 * @param preparedOn when the statement was made
 * @param reviewedOn when it was last checked against the pages
 * @param knownBarriers the barriers people meet, one per entry, in the tenant's words
 * @param ownStatement false while the tenant shows the platform's self-assessment (nothing saved)
 * @param version for optimistic locking when admins edit concurrently
 */
public record AccessibilityStatement(
    Conformity conformity,
    LocalDate preparedOn,
    LocalDate reviewedOn,
    List<String> knownBarriers,
    boolean ownStatement,
    int version) {

  public AccessibilityStatement {
    knownBarriers = List.copyOf(knownBarriers);
  }

  /** The three answers BITV 2.0's model statement allows. */
  public enum Conformity {
    FULL,
    PARTIAL,
    NONE;

    /** Message key of its sentence in the statement. */
    public String messageKey() {
      return "a11y.conformity." + name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
