package de.amtsweg.payment;

/** Who changed a payment's status (the history's {@code source}). */
enum ChangeSource {
  REQUEST,
  PROVIDER,
  NOTIFICATION,
  RECONCILIATION,
  REFUND,
  AMTSWEG
}
