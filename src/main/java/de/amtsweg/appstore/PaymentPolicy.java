package de.amtsweg.appstore;

/** When a tenant wants the fee of an app paid. */
public enum PaymentPolicy {
  /** Not online: the authority charges by its own Gebührenbescheid (or there is no fee). */
  NONE,
  /** The Antrag waits, complete but unsubmitted, until the fee is paid; then it is submitted. */
  BEFORE_SUBMISSION,
  /** The Antrag is submitted at once; the payment is requested with it and may follow. */
  AFTER_SUBMISSION,
  /** The authority sets the amount when it decides (Bescheid); the applicant pays then. */
  AFTER_BESCHEID
}
