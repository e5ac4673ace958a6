package de.amtsweg.delivery;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The mails of the delivery module, all without personal data: the notice to an authority's
 * functional mailbox (app, reference number, link to the case inbox) and the alerts to the tenant
 * (a fallback to the case inbox, deliveries not acknowledged in time; link to the cockpit). They go
 * through the platform's mail outbox in the caller's transaction.
 */
@Component
class DeliveryMails {

  static final String COCKPIT = "/verwaltung/zustellung";
  static final String CASE = "/verwaltung/vorgaenge/";
  private static final Locale AUTHORITY_LOCALE = Locale.GERMAN;
  private static final Logger log = LoggerFactory.getLogger(DeliveryMails.class);

  private final Mailer mailer;
  private final MessageSource messages;
  private final AppStore apps;
  private final TenantManagement tenants;
  private final DeliveryRoutes routes;
  private final String publicUrl;

  DeliveryMails(
      Mailer mailer,
      MessageSource messages,
      AppStore apps,
      TenantManagement tenants,
      DeliveryRoutes routes,
      PlatformProperties platform) {
    this.mailer = mailer;
    this.messages = messages;
    this.apps = apps;
    this.tenants = tenants;
    this.routes = routes;
    this.publicUrl = platform.publicUrl().toString().replaceAll("/+$", "");
  }

  /** A new Antrag in the case inbox, announced to the route's functional mailbox. */
  void notice(DeliveryRoutes.Route route, String reference) {
    if (route.noticeEmail() == null) {
      log.warn(
          "E-mail notice route of app {} for tenant {} has no mailbox; Antrag {} is in the case inbox only",
          route.appId(),
          route.tenantArs(),
          reference);
      return;
    }
    String app = appName(route.appId());
    mailer.send(
        new OutgoingMail(
            route.noticeEmail(),
            text("delivery.mail.notice.subject", app, reference),
            text("delivery.mail.notice.text", app, reference, publicUrl + CASE + reference)));
  }

  /** A push gave up: the Antrag is in the case inbox now. */
  void fellBack(Delivery delivery) {
    alertAddress(delivery.tenantArs())
        .ifPresent(
            to ->
                mailer.send(
                    new OutgoingMail(
                        to,
                        text("delivery.mail.fell-back.subject", delivery.reference()),
                        text(
                            "delivery.mail.fell-back.text",
                            appName(delivery.subject()),
                            delivery.reference(),
                            delivery.attempts(),
                            publicUrl + COCKPIT,
                            publicUrl + CASE + delivery.reference()))));
  }

  /** Deliveries of the tenant that nobody acknowledged in time. */
  void overdue(String tenantArs, int count, long hours) {
    alertAddress(tenantArs)
        .ifPresent(
            to ->
                mailer.send(
                    new OutgoingMail(
                        to,
                        text("delivery.mail.overdue.subject", count),
                        text(
                            "delivery.mail.overdue.text",
                            count,
                            hours,
                            publicUrl + COCKPIT + "?ueberfaellig"))));
  }

  /** The tenant's alert address, else its contact address; nothing when it has neither. */
  Optional<String> alertAddress(String tenantArs) {
    String configured = routes.alertEmail(tenantArs);
    if (configured != null) {
      return Optional.of(configured);
    }
    Optional<String> contact =
        tenants
            .byAuthority(tenantArs)
            .map(Tenant::profile)
            .map(p -> p.email())
            .filter(e -> !e.isBlank());
    if (contact.isEmpty()) {
      log.warn("Tenant {} has no address for delivery alerts", tenantArs);
    }
    return contact;
  }

  private String appName(String appId) {
    return apps.latest(appId).map(a -> a.definition().name().in(AUTHORITY_LOCALE)).orElse(appId);
  }

  private String text(String key, @Nullable Object... arguments) {
    return messages.getMessage(key, arguments, AUTHORITY_LOCALE);
  }
}
