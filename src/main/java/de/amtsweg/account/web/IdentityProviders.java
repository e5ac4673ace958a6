package de.amtsweg.account.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The OpenID Connect providers configured with {@code
 * spring.security.oauth2.client.registration.*}; none by default. The login page offers one button
 * per provider.
 */
@Component
class IdentityProviders {

  /** A provider: its registration id (in URLs), its name for people and its issuer. */
  record Provider(String id, String name, String issuer) {}

  private final List<Provider> providers = new ArrayList<>();

  IdentityProviders(ObjectProvider<ClientRegistrationRepository> repository) {
    if (repository.getIfAvailable() instanceof Iterable<?> registrations) {
      for (Object registration : registrations) {
        ClientRegistration client = (ClientRegistration) registration;
        providers.add(
            new Provider(
                client.getRegistrationId(),
                client.getClientName(),
                String.valueOf(client.getProviderDetails().getIssuerUri())));
      }
    }
  }

  List<Provider> all() {
    return List.copyOf(providers);
  }

  /** The ids of the providers among these issuers. */
  List<String> linked(List<String> issuers) {
    return providers.stream().filter(p -> issuers.contains(p.issuer())).map(Provider::id).toList();
  }

  boolean exists(String id) {
    return providers.stream().anyMatch(p -> p.id().equals(id));
  }
}
