package de.amtsweg.delivery;

/** How a tenant receives the Anträge of one app. */
public enum DeliveryChannel {
  /** Amtsweg's own case inbox (the default when no route is set). Nothing is pulled. */
  CASE_INBOX,
  /** A Fachverfahren of the tenant pulls them with {@code /api/v1/delivery/submissions}. */
  PULL_API,
  /** A worker pushes them to the Fachverfahren's endpoint as a signed webhook (optionally JWE). */
  WEBHOOK,
  /** The case inbox, plus a content-free e-mail notice with a link to the authority's mailbox. */
  EMAIL_NOTICE;

  /** Whether Anträge on this channel end up in Amtsweg's case inbox at once. */
  public boolean caseInbox() {
    return this == CASE_INBOX || this == EMAIL_NOTICE;
  }
}
