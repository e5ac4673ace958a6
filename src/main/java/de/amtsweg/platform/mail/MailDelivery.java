package de.amtsweg.platform.mail;

import de.amtsweg.platform.Backoff;
import de.amtsweg.platform.PlatformProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers pending mails over SMTP, as the job {@code platform.mail-delivery} (one node at a time,
 * every {@code amtsweg.mail.poll-interval}); a failed attempt is retried with exponential backoff
 * with jitter (one minute, doubling; {@link Backoff}), and after {@link #MAX_ATTEMPTS} the mail is
 * marked {@code FAILED}.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class MailDelivery {

  static final int MAX_ATTEMPTS = 8;
  private static final int BATCH = 20;
  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
  private static final Backoff BACKOFF =
      Backoff.jittered(Duration.ofMinutes(1), Duration.ofHours(8));

  private final JdbcClient jdbc;
  private final JavaMailSender sender;
  private final TransactionTemplate transactions;
  private final String from;

  MailDelivery(
      JdbcClient jdbc,
      JavaMailSender sender,
      TransactionTemplate transactions,
      PlatformProperties properties) {
    this.jdbc = jdbc;
    this.sender = sender;
    this.transactions = transactions;
    this.from = properties.mail().from();
  }

  /** Sends every due mail, batch after batch. */
  void deliverPending() {
    Integer sent;
    do {
      sent = transactions.execute(status -> deliverBatch());
    } while (sent != null && sent == BATCH);
  }

  /**
   * Sends one batch inside one transaction. The rows stay locked until the outcome is recorded,
   * because the erasure of an account ({@code Mailer.forget}) may delete its mails meanwhile: the
   * lock makes that delete wait until the batch is done, and a mail deleted first is not selected.
   * Without it, a mail could go out after the erasure that deleted it.
   */
  int deliverBatch() {
    List<Pending> pending =
        jdbc.sql(
                """
                select id, recipient, subject, body, attempts from outbound_mail
                where status = 'PENDING' and next_attempt_at <= now()
                order by created_at limit ? for update
                """)
            .param(BATCH)
            .query(
                (rs, row) ->
                    new Pending(
                        rs.getObject("id", UUID.class),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts")))
            .list();
    for (Pending mail : pending) {
      try {
        sender.send(message(mail));
        jdbc.sql(
                "update outbound_mail set status = 'SENT', sent_at = now(), attempts = attempts + 1,"
                    + " last_error = null where id = ?")
            .param(mail.id())
            .update();
        log.info("Sent mail {}", mail.id());
      } catch (MailException | MessagingException e) {
        int attempts = mail.attempts() + 1;
        Duration backoff = BACKOFF.delay(attempts);
        jdbc.sql(
                """
                update outbound_mail set attempts = ?, last_error = ?,
                  status = ?, next_attempt_at = now() + make_interval(secs => ?)
                where id = ?
                """)
            .params(
                attempts,
                e.getClass().getSimpleName(),
                attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
                backoff.toSeconds(),
                mail.id())
            .update();
        log.warn(
            "Mail {} failed on attempt {}: {}", mail.id(), attempts, e.getClass().getSimpleName());
      }
    }
    return pending.size();
  }

  private MimeMessage message(Pending mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(from);
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    return message;
  }

  private record Pending(UUID id, String recipient, String subject, String body, int attempts) {}
}
