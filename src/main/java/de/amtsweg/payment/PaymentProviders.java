package de.amtsweg.payment;

import de.amtsweg.platform.PlatformProperties;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The payment services Amtsweg can talk to (the SPI's beans), by id, and where they notify it. */
@Component
class PaymentProviders {

  private final Map<String, PaymentProvider> byId;
  private final URI publicUrl;

  PaymentProviders(List<PaymentProvider> providers, PlatformProperties platform) {
    this.byId =
        providers.stream().collect(Collectors.toMap(PaymentProvider::id, Function.identity()));
    this.publicUrl = platform.publicUrl();
  }

  /**
   * The provider a payment or configuration names.
   *
   * @throws PaymentException.ProviderUnknown for an id no bean has
   */
  PaymentProvider get(String id) {
    PaymentProvider provider = byId.get(id);
    if (provider == null) {
      throw new PaymentException.ProviderUnknown();
    }
    return provider;
  }

  /** The notification URL a provider is given for the tenant. */
  URI notificationUrl(String provider, String tenantArs) {
    return publicUrl.resolve("/api/v1/payments/notifications/" + provider + "/" + tenantArs);
  }
}
