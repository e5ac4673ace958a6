package de.amtsweg.platform.security;

import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The OAuth 2.0 client registrations of both populations: citizens' providers from {@code
 * spring.security.oauth2.client.*} (as Spring Boot would make them; Boot backs off because this
 * bean exists) and staff providers from the database ({@code staff-<key>}, read at each use, so an
 * operator's change counts at the next sign-in). Iterating gives the citizens' providers only: the
 * Servicekonto's login page lists them and must never offer a staff provider.
 */
@Configuration(proxyBeanMethods = false)
class StaffClientRegistrations {

  @Bean
  ClientRegistrationRepository clientRegistrationRepository(
      Environment environment, StaffIdentityProviders staffProviders) {
    OAuth2ClientProperties properties =
        Binder.get(environment)
            .bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
            .orElseGet(OAuth2ClientProperties::new);
    properties.validate();
    Map<String, ClientRegistration> citizens =
        new OAuth2ClientPropertiesMapper(properties).asClientRegistrations();
    citizens
        .keySet()
        .forEach(
            id -> {
              if (id.startsWith(StaffIdentityProviders.REGISTRATION_PREFIX)) {
                throw new IllegalStateException(
                    "spring.security.oauth2.client.registration."
                        + id
                        + ": ids starting with 'staff-' are reserved for staff providers");
              }
            });
    return new Registrations(Map.copyOf(citizens), staffProviders);
  }

  /** Both populations behind one repository, told apart by the registration id. */
  record Registrations(
      Map<String, ClientRegistration> citizens, StaffIdentityProviders staffProviders)
      implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
      if (!registrationId.startsWith(StaffIdentityProviders.REGISTRATION_PREFIX)) {
        return citizens.get(registrationId);
      }
      return staffProviders
          .byRegistrationId(registrationId)
          .filter(StaffIdentityProviders.Provider::enabled)
          .map(this::registration)
          .orElse(null);
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
      return citizens.values().iterator();
    }

    private ClientRegistration registration(StaffIdentityProviders.Provider provider) {
      return ClientRegistration.withRegistrationId(provider.registrationId())
          .clientId(provider.clientId())
          .clientSecret(staffProviders.clientSecret(provider))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
          .scope(provider.scopeList())
          .authorizationUri(provider.authorizationUri())
          .tokenUri(provider.tokenUri())
          .jwkSetUri(provider.jwkSetUri())
          .userInfoUri(provider.userInfoUri())
          .issuerUri(provider.issuer())
          .userNameAttributeName(IdTokenClaimNames.SUB)
          .clientName(provider.displayName())
          .build();
    }
  }
}
