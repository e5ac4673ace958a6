package de.amtsweg.account;

import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.StaffDirectory;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import de.amtsweg.tenancy.TenantProfile;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells owners that logins to their account fail from many addresses ({@link LoginThrottle}): once
 * per attack, and only for accounts that exist, so that typing made-up names sends nothing. The log
 * line of each alert names no person: account ids, tenant slugs and client ids only.
 */
@Component
class LoginAlerts {

  private static final Logger log = LoggerFactory.getLogger(LoginAlerts.class);

  private final AccountMails accountMails;
  private final StaffDirectory staff;
  private final TenantManagement tenants;
  private final AuthorizationServerClients clients;
  private final Mailer mailer;
  private final MessageSource messages;

  LoginAlerts(
      AccountMails accountMails,
      StaffDirectory staff,
      TenantManagement tenants,
      AuthorizationServerClients clients,
      Mailer mailer,
      MessageSource messages) {
    this.accountMails = accountMails;
    this.staff = staff;
    this.tenants = tenants;
    this.clients = clients;
    this.mailer = mailer;
    this.messages = messages;
  }

  /** A Servicekonto: its owner gets a mail at the account's address. */
  void accountUnderAttack(java.util.UUID accountId, String email) {
    log.warn(
        "Logins to Servicekonto {} failed from many addresses: unknown addresses are slowed down,"
            + " the owner is told",
        accountId);
    accountMails.loginUnderAttack(email);
  }

  /**
   * A staff account has no e-mail address: its tenant's contact address is told; platform operators
   * (no tenant) find the warning in the log.
   */
  void staffUnderAttack(String username) {
    if (staff.byUsername(username).isEmpty()) {
      return;
    }
    Optional<String> tenant = staff.tenantOf(username);
    Optional<String> contact =
        tenant.flatMap(tenants::bySlug).map(Tenant::profile).map(TenantProfile::email);
    log.warn(
        "Logins to a staff account of {} failed from many addresses: unknown addresses are slowed"
            + " down{}",
        tenant.map(slug -> "tenant " + slug).orElse("the platform operators"),
        contact.isPresent() ? ", the tenant's contact address is told" : "");
    contact
        .filter(address -> !address.isBlank())
        .ifPresent(
            address ->
                mailer.send(
                    new OutgoingMail(
                        address,
                        messages.getMessage(
                            "account.mail.staff-login-attack.subject",
                            new Object[] {username},
                            Locale.GERMAN),
                        messages.getMessage(
                            "account.mail.staff-login-attack.body",
                            new Object[] {username},
                            Locale.GERMAN))));
  }

  /** An API client is a machine: its client id goes into the log for the operators. */
  void clientUnderAttack(String clientId) {
    if (clients.findByClientId(clientId) == null) {
      return;
    }
    log.warn(
        "Client authentications of API client {} failed from many addresses: unknown addresses"
            + " are slowed down",
        clientId);
  }
}
