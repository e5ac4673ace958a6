package de.amtsweg.delivery;

/**
 * The ways a document can leave Amtsweg, as routes and deliveries store them. Each has one {@link
 * Channel} implementation.
 */
public enum DeliveryChannel {
  /** Amtsweg's own case inbox (the default for Anträge when no route is set). Nothing is pulled. */
  CASE_INBOX,
  /** A Fachverfahren of the tenant pulls them with {@code /api/v1/delivery/submissions}. */
  PULL_API,
  /** A worker pushes them to the receiver's endpoint as a signed webhook (optionally JWE). */
  WEBHOOK,
  /** The case inbox, plus a content-free e-mail notice with a link to the authority's mailbox. */
  EMAIL_NOTICE,
  /** A worker writes them into a folder the receiver reads (e-invoices to the finance system). */
  FILE_DROP;

  /** Whether Anträge on this channel end up in Amtsweg's case inbox at once. */
  public boolean caseInbox() {
    return this == CASE_INBOX || this == EMAIL_NOTICE;
  }
}
