package de.amtsweg.casework;

import de.amtsweg.delivery.ReportedStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a case stands in the inbox. One transition table; every change goes through {@link
 * Vorgaenge}' gate, and each change is reported back to the Antrag's owner through delivery's back
 * channel like a Fachverfahren's report.
 */
public enum VorgangStatus {
  /** Received; nobody has worked on it yet. */
  EINGEGANGEN,
  /** A caseworker is working on it. */
  IN_BEARBEITUNG,
  /** The authority asked the applicant something. */
  RUECKFRAGE,
  /** The authority decided (Bescheid). */
  BESCHIEDEN,
  /** Nothing more will happen; the retention period runs. */
  ABGESCHLOSSEN;

  private static final Map<VorgangStatus, Set<VorgangStatus>> TRANSITIONS =
      Map.of(
          EINGEGANGEN, EnumSet.of(IN_BEARBEITUNG, RUECKFRAGE, BESCHIEDEN, ABGESCHLOSSEN),
          IN_BEARBEITUNG, EnumSet.of(RUECKFRAGE, BESCHIEDEN, ABGESCHLOSSEN),
          RUECKFRAGE, EnumSet.of(IN_BEARBEITUNG, BESCHIEDEN, ABGESCHLOSSEN),
          BESCHIEDEN, EnumSet.of(ABGESCHLOSSEN),
          ABGESCHLOSSEN, EnumSet.noneOf(VorgangStatus.class));

  public boolean canBecome(VorgangStatus next) {
    return Objects.requireNonNull(TRANSITIONS.get(this), "every status has its row").contains(next);
  }

  /** The same status as the back channel reports it. */
  ReportedStatus reported() {
    return ReportedStatus.valueOf(name());
  }
}
