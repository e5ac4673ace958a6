package de.amtsweg.applications;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Tells the applicant that an Antrag was submitted: a Servicekonto gets the receipt in its
 * Postfach; anyone else an e-mail to the contact address, with the link to the receipt when its
 * token is known (at submission), without it after a payment (the token is not stored).
 */
@Component
class ApplicantNotifications {

  private final Postfach postfach;
  private final Mailer mailer;
  private final MessageSource messages;
  private final ReceiptIssuer receipts;
  private final String publicUrl;

  ApplicantNotifications(
      Postfach postfach,
      Mailer mailer,
      MessageSource messages,
      ReceiptIssuer receipts,
      PlatformProperties platform) {
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
      mailer.send(new OutgoingMail(antrag.contactEmail(), subject, body));
    } else if (antrag.contactEmail() != null) {
      String body =
          messages.getMessage(
              "applications.mail.body-paid",
              new Object[] {appName, antrag.authorityName(), antrag.reference()},
              locale);
      mailer.send(new OutgoingMail(antrag.contactEmail(), subject, body));
    }
  }
}
