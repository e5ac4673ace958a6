package de.amtsweg.delivery;

import java.util.Optional;

/**
 * The statuses a receiver (a Fachverfahren, the case inbox) reports about a delivered Antrag
 * through the back channel: the vocabulary of the pull API and the signed callbacks. Whether the
 * document can take a status now is for its owner to decide.
 */
public enum ReportedStatus {
  /** The authority has it. */
  EINGEGANGEN,
  /** The authority is working on it. */
  IN_BEARBEITUNG,
  /** The authority asked the applicant something. */
  RUECKFRAGE,
  /** The authority decided (Bescheid). */
  BESCHIEDEN,
  /** Nothing more will happen. */
  ABGESCHLOSSEN;

  /** The status of this name, if receivers may report it. */
  public static Optional<ReportedStatus> named(String name) {
    for (ReportedStatus status : values()) {
      if (status.name().equals(name)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
