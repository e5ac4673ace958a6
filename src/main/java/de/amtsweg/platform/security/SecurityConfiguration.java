package de.amtsweg.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security baseline: public portal pages, staff areas behind a form login, CSRF on every
 * state-changing request, a strict Content-Security-Policy without inline script or style.
 *
 * <p>Protected areas are declared by path here; every new staff or account area adds its rule.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
          + "base-uri 'self'; object-src 'none'";

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/admin/**")
                    .hasRole(StaffRole.PLATFORM_OPERATOR.name())
                    .requestMatchers(
                        "/api/v1/authorities", "/api/v1/authorities/**",
                        "/api/v1/services", "/api/v1/services/**",
                        "/api/openapi", "/api/openapi/**")
                    .permitAll()
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        // The token lives in a cookie, not the session: visitors who only read get no session.
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokenRepository()))
        .formLogin(
            login ->
                login
                    .loginPage("/anmelden")
                    .defaultSuccessUrl("/admin", false)
                    .failureUrl("/anmelden?fehler")
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/abmelden").logoutSuccessUrl("/?abgemeldet"))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint(api)))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny())
                    .addHeaderWriter(
                        new StaticHeadersWriter(
                            "Permissions-Policy", "camera=(), microphone=(), geolocation=()")));
    return http.build();
  }

  /**
   * API clients get 401 as problem details (through the error controller), people the login page.
   */
  private static AuthenticationEntryPoint entryPoint(RequestMatcher api) {
    AuthenticationEntryPoint problem =
        (request, response, exception) -> response.sendError(HttpStatus.UNAUTHORIZED.value());
    return new DelegatingAuthenticationEntryPoint(
        new LoginUrlAuthenticationEntryPoint("/anmelden"),
        new RequestMatcherEntry<>(api, problem));
  }

  private static CookieCsrfTokenRepository csrfTokenRepository() {
    CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
    repository.setCookieName("AMTSWEG_CSRF");
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return repository;
  }

  /** Argon2id with Spring Security's current recommended parameters. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  }
}
