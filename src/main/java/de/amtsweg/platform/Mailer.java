package de.amtsweg.platform;

/**
 * Sends e-mail. A mail is written to the outbox in the caller's transaction and delivered later
 * over SMTP when {@code spring.mail.host} is set; without SMTP it stays in the local mailbox, which
 * the demo profile shows at {@code /demo/postfach-mails}.
 */
public interface Mailer {

  /** Queues the mail; it is sent after the caller's transaction commits. */
  void send(OutgoingMail mail);

  /**
   * Deletes every mail to this address that is still kept, whatever its state: the erasure of an
   * account must not leave its address in the outbox.
   */
  void forget(String recipient);
}
