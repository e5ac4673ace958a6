package de.amtsweg.delivery;

/** How a tenant receives the Anträge of one app. */
public enum DeliveryChannel {
  /** Amtsweg's own case inbox (the default when no route is set). Nothing is pulled. */
  CASE_INBOX,
  /** A Fachverfahren of the tenant pulls them with {@code /api/v1/delivery/submissions}. */
  PULL_API
}
