package de.amtsweg.platform.mail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mails hold personal data and links: sent and local ones are deleted after seven days (job {@code
 * platform.mail-housekeeping}, hourly).
 */
@Component
class MailHousekeeping {

  private final JdbcClient jdbc;

  MailHousekeeping(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void deleteOldMails() {
    jdbc.sql(
            "delete from outbound_mail where status in ('SENT', 'LOCAL', 'FAILED')"
                + " and created_at < now() - interval '7 days'")
        .update();
  }
}
