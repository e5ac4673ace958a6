package de.amtsweg.platform.mail;

import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes every mail to {@code outbound_mail} in the caller's transaction, so that a mail exists
 * exactly when the change that caused it was committed. With SMTP configured the row waits as
 * {@code PENDING} for {@link MailDelivery}; without it, the row is kept as {@code LOCAL} (the local
 * mailbox).
 */
@Component
class MailOutbox implements Mailer {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  private final JdbcClient jdbc;
  private final boolean smtp;

  MailOutbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> smtp) {
    this.jdbc = jdbc;
    this.smtp = smtp.getIfAvailable() != null;
    if (!this.smtp) {
      log.warn(
          "No SMTP server configured (spring.mail.host): e-mails are kept in the local mailbox"
              + " (table outbound_mail) and not sent.");
    }
  }

  @Override
  @Transactional
  public void send(OutgoingMail mail) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into outbound_mail (id, recipient, subject, body, status)
            values (?, ?, ?, ?, ?)
            """)
        .params(id, mail.to(), mail.subject(), mail.text(), smtp ? "PENDING" : "LOCAL")
        .update();
    log.info("Queued mail {}", id);
  }

  @Override
  @Transactional
  public void forget(String recipient) {
    jdbc.sql("delete from outbound_mail where lower(recipient) = lower(?)")
        .param(recipient)
        .update();
  }
}
