package de.amtsweg.delivery;

import de.amtsweg.platform.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where delivery keeps sealed values, so that a key rotation re-seals them. */
@Configuration(proxyBeanMethods = false)
class DeliverySealedColumns {

  /** Webhook secrets of routes, bound to their route (see {@code DeliveryRoutes.owner}). */
  @Bean
  SealedColumn deliveryRouteWebhookSecret() {
    return new SealedColumn(
        "delivery_route",
        "webhook_secret",
        "case when document_type = 'ANTRAG' then 'delivery-route:' || tenant_ars || ':' || subject"
            + " else 'delivery-route:' || tenant_ars || ':' || document_type || ':' || subject end");
  }
}
