package de.amtsweg.account;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What Spring Authorization Server needs from this module: the clients ({@link
 * AuthorizationServerClients} is the {@code RegisteredClientRepository}), the signing key ({@link
 * ApiSigningKey}), the owner claim, and a token record in PostgreSQL instead of in one node's
 * memory.
 */
@Configuration(proxyBeanMethods = false)
class ApiClientConfiguration {

  @Bean
  JWKSource<SecurityContext> jwkSource(ApiSigningKey key) {
    return key.jwkSource();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> ownerClaims() {
    return AuthorizationServerClients.ownerClaims();
  }

  @Bean
  OAuth2AuthorizationService authorizationService(
      JdbcTemplate jdbc, AuthorizationServerClients clients) {
    return new JdbcOAuth2AuthorizationService(jdbc, clients);
  }
}
