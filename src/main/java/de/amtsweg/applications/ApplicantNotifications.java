package de.amtsweg.applications;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.platform.RateLimits;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Tells the applicant that an Antrag was submitted: a Servicekonto gets the receipt in its
 * Postfach; anyone else an e-mail to the contact address, with the link to the receipt when its
 * token is known (at submission), without it after a payment (the token is not stored).
 *
 * <p>Nobody confirmed that contact address: whoever submits can type a stranger's. So the e-mail
 * carries no answers (app, authority, reference and the link only), and one address gets at most
 * {@code amtsweg.limits.receipt-mails-per-recipient} of them a day; past that the e-mail is not
 * sent and the Antrag's timeline says so ({@link #MAIL_WITHHELD}), which the confirmation page
 * shows.
 */
@Component
class ApplicantNotifications {

  /** The timeline entry of an Antrag whose receipt e-mail was not sent (the limit was reached). */
  static final String MAIL_WITHHELD = "RECEIPT_MAIL_WITHHELD";

  static final String RECEIPT_MAIL_BUCKET = "receipt-mail";

  private static final Logger log = LoggerFactory.getLogger(ApplicantNotifications.class);

  private final Postfach postfach;
  private final Mailer mailer;
  private final MessageSource messages;
  private final ReceiptIssuer receipts;
  private final String publicUrl;
  private final RateLimits rateLimits;
  private final Antraege antraege;
  private final int mailsPerRecipient;

  ApplicantNotifications(
      Postfach postfach,
      Mailer mailer,
      MessageSource messages,
      ReceiptIssuer receipts,
      PlatformProperties platform,
      RateLimits rateLimits,
      Antraege antraege,
      SubmissionLimits limits) {
    this.rateLimits = rateLimits;
    this.antraege = antraege;
    this.mailsPerRecipient = limits.receiptMailsPerRecipient();
    this.postfach = postfach;
    this.mailer = mailer;
    this.messages = messages;
    this.receipts = receipts;
    this.publicUrl = platform.publicUrl().toString();
  }

  /**
   * Confirms the submission in the applicant's language.
   *
   * @param token the receipt token, when it is known
   */
  void submitted(Antrag antrag, String appName, Locale locale, @Nullable String token) {
    String subject =
        messages.getMessage("applications.mail.subject", new Object[] {antrag.reference()}, locale);
    if (antrag.accountId() != null) {
      String body =
          messages.getMessage(
              "applications.postfach.body",
              new Object[] {appName, antrag.authorityName(), antrag.reference()},
              locale);
      postfach.deliver(
          antrag.accountId(),
          new Postfach.NewMessage(
              PostfachMessage.Kind.STATUS,
              antrag.tenantArs(),
              antrag.authorityName(),
              antrag.reference(),
              subject,
              body,
              List.of(
                  new PostfachMessage.File(
                      "Eingangsbestaetigung-" + antrag.reference() + ".pdf",
                      "application/pdf",
                      receipts.receipt(antrag.id())))));
    } else if (antrag.contactEmail() != null && token != null) {
      String link =
          UriComponentsBuilder.fromUriString(publicUrl)
              .path("/antrag/eingang/{reference}")
              .queryParam("token", token)
              .buildAndExpand(antrag.reference())
              .toUriString();
      String body =
          messages.getMessage(
              "applications.mail.body",
              new Object[] {appName, antrag.authorityName(), antrag.reference(), link},
              locale);
      sendLimited(antrag, antrag.contactEmail(), subject, body + statusCode(antrag, locale));
    } else if (antrag.contactEmail() != null) {
      String body =
          messages.getMessage(
              "applications.mail.body-paid",
              new Object[] {appName, antrag.authorityName(), antrag.reference()},
              locale);
      sendLimited(antrag, antrag.contactEmail(), subject, body + statusCode(antrag, locale));
    }
  }

  /**
   * A new status code for the Antrag (it replaces an earlier one), as the paragraph of the e-mail
   * that tells where to look up the status with it: the way to follow the Antrag without a
   * Servicekonto, also after a payment, when the receipt link's token is no longer known.
   */
  private String statusCode(Antrag antrag, Locale locale) {
    String code = StatusCodes.random();
    antraege.setStatusCode(antrag.id(), code);
    String lookup =
        UriComponentsBuilder.fromUriString(publicUrl).path("/antrag/status").toUriString();
    return "\n\n"
        + messages.getMessage(
            "applications.mail.status-code",
            new Object[] {antrag.reference(), code, lookup},
            locale);
  }

  /** Sends, unless the address had its receipt e-mails for the day; then the timeline says so. */
  private void sendLimited(Antrag antrag, String to, String subject, String body) {
    RateLimits.Decision decision =
        rateLimits.take(
            RECEIPT_MAIL_BUCKET,
            to.strip().toLowerCase(Locale.ROOT),
            mailsPerRecipient,
            SubmissionLimits.RECEIPT_MAIL_WINDOW);
    if (decision instanceof RateLimits.Refused) {
      // No address in the log: it is personal data, and the reference finds the Antrag.
      log.warn(
          "Receipt e-mail of Antrag {} not sent: its address had {} today",
          antrag.reference(),
          mailsPerRecipient);
      antraege.addEvent(antrag.id(), MAIL_WITHHELD, null);
      return;
    }
    mailer.send(new OutgoingMail(to, subject, body));
  }
}
