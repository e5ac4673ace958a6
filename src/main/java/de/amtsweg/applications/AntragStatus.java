package de.amtsweg.applications;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where an Antrag stands, as the applicant sees it. One transition table; every change goes through
 * {@link #canBecome}.
 */
public enum AntragStatus {
  /**
   * Complete, with its reference number, but not yet submitted: the tenant wants the fee paid
   * first. Not delivered; submitted (EINGEGANGEN) when paid, withdrawn (ABGESCHLOSSEN) otherwise.
   */
  WARTET_AUF_ZAHLUNG,
  /** Submitted and received by Amtsweg. */
  EINGEGANGEN,
  /** The authority is working on it. */
  IN_BEARBEITUNG,
  /** The authority asked the applicant something. */
  RUECKFRAGE,
  /** The authority decided (Bescheid). */
  BESCHIEDEN,
  /** Nothing more will happen. */
  ABGESCHLOSSEN;

  private static final Map<AntragStatus, Set<AntragStatus>> TRANSITIONS =
      Map.of(
          WARTET_AUF_ZAHLUNG, EnumSet.of(EINGEGANGEN, ABGESCHLOSSEN),
          EINGEGANGEN, EnumSet.of(IN_BEARBEITUNG, RUECKFRAGE, BESCHIEDEN, ABGESCHLOSSEN),
          IN_BEARBEITUNG, EnumSet.of(RUECKFRAGE, BESCHIEDEN, ABGESCHLOSSEN),
          RUECKFRAGE, EnumSet.of(IN_BEARBEITUNG, BESCHIEDEN, ABGESCHLOSSEN),
          BESCHIEDEN, EnumSet.of(ABGESCHLOSSEN),
          ABGESCHLOSSEN, EnumSet.noneOf(AntragStatus.class));

  public boolean canBecome(AntragStatus next) {
    return Objects.requireNonNull(TRANSITIONS.get(this), "every status has its row").contains(next);
  }
}
