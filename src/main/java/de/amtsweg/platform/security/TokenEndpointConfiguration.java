package de.amtsweg.platform.security;

import de.amtsweg.platform.LoginAttempts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The OAuth 2.0 endpoints of Spring Authorization Server ({@code POST /oauth2/token} for the client
 * credentials of API clients, {@code /oauth2/jwks}, metadata), in their own filter chain before the
 * main one. The clients, the signing key and the token record come from the {@code account} module.
 * Client authentication is throttled like logins ({@link ClientAuthenticationThrottle}); the
 * responses carry the same security headers as every page.
 */
@Configuration(proxyBeanMethods = false)
class TokenEndpointConfiguration {

  static final String AUTHORIZATION_ENDPOINT = "/oauth2/authorize";

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain tokenEndpoint(HttpSecurity http, LoginAttempts loginAttempts)
      throws Exception {
    ClientAuthenticationThrottle throttle = new ClientAuthenticationThrottle(loginAttempts);
    OAuth2AuthorizationServerConfigurer authorizationServer =
        new OAuth2AuthorizationServerConfigurer();
    authorizationServer.clientAuthentication(
        clients ->
            clients
                .errorResponseHandler(throttle)
                .authenticationSuccessHandler(throttle.liftingOnSuccess()));
    http.securityMatcher(authorizationServer.getEndpointsMatcher())
        .with(authorizationServer, Customizer.withDefaults())
        .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
        // Machines authenticate with their client secret, not with cookies: no CSRF here.
        .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
        // Before Spring Authorization Server's client authentication (added after this class).
        .addFilterBefore(throttle, AbstractPreAuthenticatedProcessingFilter.class)
        .addFilterAfter(new NoAuthorizationEndpoint(), HeaderWriterFilter.class)
        .headers(SecurityConfiguration::securityHeaders)
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(
                    (request, response, exception) ->
                        response.sendError(HttpStatus.UNAUTHORIZED.value())));
    return http.build();
  }

  /** Default endpoint paths; the issuer is taken from the request. */
  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }

  /**
   * Amtsweg issues tokens with the client credentials grant only; no client has a redirect URI. The
   * authorization endpoint therefore answers every request with 400 and an OAuth 2.0 error (RFC
   * 6749, section 4.1.2.1: without a valid redirect URI the error is not redirected), before Spring
   * Authorization Server, which fails with a 500 on a client without redirect URIs.
   */
  static final class NoAuthorizationEndpoint extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !AUTHORIZATION_ENDPOINT.equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ClientAuthenticationThrottle.writeError(
          response,
          HttpStatus.BAD_REQUEST,
          new OAuth2Error(
              OAuth2ErrorCodes.UNSUPPORTED_RESPONSE_TYPE,
              "Amtsweg issues access tokens only with the client credentials grant at"
                  + " /oauth2/token.",
              null));
    }
  }
}
