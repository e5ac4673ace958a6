package de.amtsweg.delivery;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The case inbox with a content-free e-mail notice to the authority's functional mailbox: the
 * Antrag goes to the case inbox channel, the mail names the app, the reference number and a link.
 */
@Component
class EmailNoticeChannel implements Channel {

  private final Channels channels;
  private final DeliveryRoutes routes;
  private final DeliveryMails mails;

  EmailNoticeChannel(@Lazy Channels channels, DeliveryRoutes routes, DeliveryMails mails) {
    this.channels = channels;
    this.routes = routes;
    this.mails = mails;
  }

  @Override
  public DeliveryChannel id() {
    return DeliveryChannel.EMAIL_NOTICE;
  }

  @Override
  public Mode mode() {
    return Mode.INBOX;
  }

  @Override
  public boolean accepts(DocumentType type) {
    return type == DocumentType.ANTRAG;
  }

  @Override
  public void receive(Parcel parcel) {
    channels.get(DeliveryChannel.CASE_INBOX).receive(parcel);
    Delivery delivery = parcel.delivery();
    mails.notice(routes.route(delivery.tenantArs(), delivery.subject()), delivery.reference());
  }
}
