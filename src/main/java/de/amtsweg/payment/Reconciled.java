package de.amtsweg.payment;

/** What the reconciliation did with one payment. */
public enum Reconciled {
  UNCHANGED,
  CHANGED,
  EXPIRED,
  UNREACHABLE
}
