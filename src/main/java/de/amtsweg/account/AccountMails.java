package de.amtsweg.account;

import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The account's e-mails, in the language the person used. Links are built from {@code
 * amtsweg.public-url}, never from the request, so that a forged Host header cannot redirect a reset
 * link.
 */
@Component
class AccountMails {

  /** Account mails (links, notices) to one address within the login throttle's window. */
  static final int MAILS_PER_WINDOW = 5;

  private final Mailer mailer;
  private final MessageSource messages;
  private final URI publicUrl;
  private final AccountProperties.Links links;
  private final LoginThrottle throttle;

  AccountMails(
      Mailer mailer,
      MessageSource messages,
      PlatformProperties platform,
      AccountProperties properties,
      LoginThrottle throttle) {
    this.mailer = mailer;
    this.throttle = throttle;
    this.messages = messages;
    this.publicUrl = platform.publicUrl();
    this.links = properties.links();
  }

  void confirmAddress(String to, String token, Locale locale) {
    send(
        to,
        "account.mail.confirm.subject",
        "account.mail.confirm.body",
        locale,
        link("/konto/bestaetigen", token),
        links.confirmation().toHours());
  }

  void confirmNewAddress(String to, String token, Locale locale) {
    send(
        to,
        "account.mail.change-email.subject",
        "account.mail.change-email.body",
        locale,
        link("/konto/bestaetigen", token),
        links.confirmation().toHours());
  }

  void addressChangeRequested(String to, Locale locale) {
    send(
        to,
        "account.mail.change-email-notice.subject",
        "account.mail.change-email-notice.body",
        locale,
        link("/konto/sicherheit", null));
  }

  void alreadyRegistered(String to, Locale locale) {
    send(
        to,
        "account.mail.already-registered.subject",
        "account.mail.already-registered.body",
        locale,
        link("/konto/anmelden", null),
        link("/konto/passwort-vergessen", null));
  }

  void resetPassword(String to, String token, Locale locale) {
    send(
        to,
        "account.mail.reset.subject",
        "account.mail.reset.body",
        locale,
        link("/konto/passwort-neu", token),
        links.passwordReset().toMinutes());
  }

  void passwordChanged(String to, Locale locale) {
    send(
        to,
        "account.mail.password-changed.subject",
        "account.mail.password-changed.body",
        locale,
        link("/konto/passwort-vergessen", null));
  }

  /**
   * Tells the owner that a message arrived, never what it says: mail is not a safe channel for the
   * authorities' content. German and English in one mail; the account has no language yet.
   */
  void newPostfachMessage(String to) {
    String link = link("/konto/postfach", null);
    mailer.send(
        new OutgoingMail(
            to,
            messages.getMessage("account.mail.new-message.subject", null, Locale.GERMAN),
            messages.getMessage("account.mail.new-message.body", new Object[] {link}, Locale.GERMAN)
                + "\n\n---\n\n"
                + messages.getMessage(
                    "account.mail.new-message.body", new Object[] {link}, Locale.ENGLISH)));
  }

  /**
   * Tells the owner that their login is under attack and what still works. German and English in
   * one mail, as the failing logins do not say which language the owner reads.
   */
  void loginUnderAttack(String to) {
    if (!throttle.tryAcquire(throttle.mailKey(to), MAILS_PER_WINDOW)) {
      return;
    }
    String link = link("/konto/sicherheit", null);
    mailer.send(
        new OutgoingMail(
            to,
            messages.getMessage("account.mail.login-attack.subject", null, Locale.GERMAN),
            messages.getMessage(
                    "account.mail.login-attack.body", new Object[] {link}, Locale.GERMAN)
                + "\n\n---\n\n"
                + messages.getMessage(
                    "account.mail.login-attack.body", new Object[] {link}, Locale.ENGLISH)));
  }

  /**
   * Sends unless this address already got {@link #MAILS_PER_WINDOW} account mails within the
   * throttle window: forms that send mail to any address must not become a way to flood it.
   */
  private void send(
      String to, String subjectKey, String bodyKey, Locale locale, Object... arguments) {
    if (!throttle.tryAcquire(throttle.mailKey(to), MAILS_PER_WINDOW)) {
      return;
    }
    mailer.send(
        new OutgoingMail(
            to,
            messages.getMessage(subjectKey, null, locale),
            messages.getMessage(bodyKey, arguments, locale)));
  }

  private String link(String path, @Nullable String token) {
    UriComponentsBuilder link = UriComponentsBuilder.fromUri(publicUrl).path(path);
    if (token != null) {
      link.queryParam("token", token);
    }
    return link.build().toUriString();
  }
}
