package de.amtsweg.einvoice;

import de.amtsweg.account.Account;
import de.amtsweg.account.AccountManagement;
import de.amtsweg.account.Organisations;
import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * E-mails to a supplier when an invoice is not accepted: rejected at intake (invalid, unroutable,
 * duplicate) or declined by the authority. The mail carries no invoice data, only a link to {@code
 * /konto/e-rechnungen}, where the supplier signs in and reads the reason: a mail can go astray, the
 * account cannot. It goes to the organisation's admins and to the person who submitted the invoice,
 * through the platform's mail outbox (written in the caller's transaction).
 *
 * <p>Intake rejections come from machines and can come by the hundred; an organisation gets at most
 * one such notice per {@code amtsweg.einvoice.intake-notice-interval} (default 15 minutes), decided
 * with one statement in PostgreSQL so that all nodes share it. A decline is a person's decision and
 * is always announced.
 */
@Component
class SupplierNotices {

  static final String PATH = "/konto/e-rechnungen";

  private final JdbcClient jdbc;
  private final Organisations organisations;
  private final AccountManagement accounts;
  private final Mailer mailer;
  private final MessageSource messages;
  private final String link;
  private final long intervalSeconds;

  SupplierNotices(
      JdbcClient jdbc,
      Organisations organisations,
      AccountManagement accounts,
      Mailer mailer,
      MessageSource messages,
      PlatformProperties platform,
      EinvoiceProperties properties) {
    this.jdbc = jdbc;
    this.organisations = organisations;
    this.accounts = accounts;
    this.mailer = mailer;
    this.messages = messages;
    this.link = UriComponentsBuilder.fromUri(platform.publicUrl()).path(PATH).build().toUriString();
    this.intervalSeconds = properties.intakeNoticeInterval().toSeconds();
  }

  /**
   * An invoice was rejected at intake; mails unless the organisation got such a notice recently.
   */
  void intakeRejected(Einvoices.Submitter submitter) {
    boolean due =
        jdbc.sql(
                """
        insert into einvoice_supplier_notice (organisation_id, notified_at) values (?, now())
        on conflict (organisation_id) do update set notified_at = now()
        where einvoice_supplier_notice.notified_at <= now() - make_interval(secs => ?)
        returning organisation_id""")
            .params(submitter.organisationId(), (double) intervalSeconds)
            .query(UUID.class)
            .optional()
            .isPresent();
    if (due) {
      send("einvoice.mail.intake", submitter.organisationId(), submitter.accountId());
    }
  }

  /** The authority declined an invoice (status ABGELEHNT). */
  void declined(UUID organisationId, @Nullable UUID submittedBy) {
    send("einvoice.mail.declined", organisationId, submittedBy);
  }

  private void send(String key, UUID organisationId, @Nullable UUID submittedBy) {
    Set<String> to = new LinkedHashSet<>(organisations.adminEmails(organisationId));
    if (submittedBy != null) {
      accounts.find(submittedBy).map(Account::email).ifPresent(to::add);
    }
    String subject = messages.getMessage(key + ".subject", null, Locale.GERMAN);
    String text = messages.getMessage(key + ".text", new Object[] {link}, Locale.GERMAN);
    to.forEach(address -> mailer.send(new OutgoingMail(address, subject, text)));
  }
}
