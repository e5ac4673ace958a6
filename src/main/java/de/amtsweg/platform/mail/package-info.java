/**
 * Outgoing mail: the outbox table written in the caller's transaction, its delivery over SMTP
 * (claimed with {@code SKIP LOCKED}), the clean-up of old mails and the local mailbox of the demo.
 * Internal to the module; other modules send through {@link de.amtsweg.platform.Mailer}.
 */
@NullMarked
package de.amtsweg.platform.mail;

import org.jspecify.annotations.NullMarked;
