package de.amtsweg.platform.security;

import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.platform.Roles;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionFixationProtectionStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;

/**
 * The security baseline: public portal pages, staff areas behind a form login, CSRF on every
 * state-changing request, a strict Content-Security-Policy without inline script or style.
 *
 * <p>Protected areas are declared by path here; every new staff or account area adds its rule.
 * Staff log in at {@code /anmelden} (form login below), citizens at {@code /konto/anmelden} (the
 * account module's own controller, which throttles and may ask for a second factor); both end up in
 * the same session and security context, told apart by their roles (ADR 0006).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
          + "base-uri 'self'; object-src 'none'";

  /**
   * The Servicekonto's doors that must open without a login: login, registration and the links sent
   * by e-mail. Everything else below {@code /konto} needs a citizen login.
   */
  static final String[] ACCOUNT_PUBLIC_PATHS = {
    "/konto/anmelden",
    "/konto/anmelden/code",
    "/konto/anmelden/passkey",
    "/konto/anmelden/passkey/optionen",
    "/konto/registrieren",
    "/konto/registrieren/**",
    "/konto/bestaetigen",
    "/konto/bestaetigen/**",
    "/konto/passwort-vergessen",
    "/konto/passwort-vergessen/**",
    "/konto/passwort-neu",
    "/konto/geloescht"
  };

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      SecurityContextRepository securityContextRepository,
      CsrfTokenRepository csrfTokenRepository,
      PlatformProperties properties,
      org.springframework.beans.factory.ObjectProvider<
              org.springframework.security.oauth2.client.registration.ClientRegistrationRepository>
          identityProviders,
      @org.springframework.beans.factory.annotation.Qualifier("citizenOidcLogin")
          org.springframework.beans.factory.ObjectProvider<Object> citizenOidcLogin,
      List<de.amtsweg.platform.ApiTokenAuthenticator> apiTokens,
      de.amtsweg.platform.LoginAttempts loginAttempts,
      de.amtsweg.platform.staff.StaffSecondStep staffSecondStep,
      StaffIdentityProviderLogin staffProviderLogin,
      de.amtsweg.platform.passkey.StaffPasskeyLogin staffPasskeys,
      org.springframework.beans.factory.ObjectProvider<de.amtsweg.platform.FrameAncestors>
          frameAncestors)
      throws Exception {
    StaffLoginThrottle staffThrottle = new StaffLoginThrottle(loginAttempts);
    RequestMatcher api = request -> request.getRequestURI().startsWith("/api/");
    RequestMatcher account = request -> request.getRequestURI().startsWith("/konto");
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/admin/**")
                    .hasRole(StaffRole.PLATFORM_OPERATOR.name())
                    // Staff of one tenant; what they see is scoped to their tenant by the
                    // controllers.
                    .requestMatchers("/verwaltung/api-clients", "/verwaltung/api-clients/**")
                    .hasRole(Roles.TENANT_ADMIN)
                    // App-Store: tenant admins switch apps on; the Land's editors write them.
                    .requestMatchers("/verwaltung/apps", "/verwaltung/apps/**")
                    .hasRole(Roles.TENANT_ADMIN)
                    .requestMatchers("/redaktion", "/redaktion/**")
                    .hasRole(Roles.APP_EDITOR)
                    // E-Rechnung (einvoice module): the tenant's Leitweg-IDs are kept by its
                    // admins.
                    .requestMatchers("/verwaltung/leitweg-ids", "/verwaltung/leitweg-ids/**")
                    .hasRole(Roles.TENANT_ADMIN)
                    // Delivery cockpit and routes (delivery module): the tenant's admins.
                    .requestMatchers("/verwaltung/zustellung", "/verwaltung/zustellung/**")
                    .hasRole(Roles.TENANT_ADMIN)
                    // Case inbox (casework module): templates, retention and the audit log are the
                    // admins'.
                    .requestMatchers(
                        "/verwaltung/vorgaenge/vorlagen",
                        "/verwaltung/vorgaenge/vorlagen/**",
                        "/verwaltung/protokoll")
                    .hasRole(Roles.TENANT_ADMIN)
                    // Payment (payment module): the payment service is configured by the tenant's
                    // admins.
                    .requestMatchers(
                        "/verwaltung/zahlungen/einstellungen",
                        "/verwaltung/zahlungen/einstellungen/**")
                    .hasRole(Roles.TENANT_ADMIN)
                    .requestMatchers("/verwaltung/e-rechnungen/export")
                    .hasRole(Roles.TENANT_ADMIN)
                    // Staff management (platform.staff): the tenant's admins manage its staff.
                    .requestMatchers("/verwaltung/mitarbeitende", "/verwaltung/mitarbeitende/**")
                    .hasRole(Roles.TENANT_ADMIN)
                    // The tenant's accessibility statement and the barriers reported (tenancy).
                    .requestMatchers("/verwaltung/barrierefreiheit")
                    .hasRole(Roles.TENANT_ADMIN)
                    // The websites that may embed the tenant's apps (tenancy, #18).
                    .requestMatchers("/verwaltung/einbettung")
                    .hasRole(Roles.TENANT_ADMIN)
                    // What the Portalverbund sees of the tenant's Leistungen (catalog, #17).
                    .requestMatchers("/verwaltung/portalverbund")
                    .hasRole(Roles.TENANT_ADMIN)
                    .requestMatchers("/verwaltung", "/verwaltung/**")
                    .hasAnyRole(Roles.CASEWORKER, Roles.TENANT_ADMIN)
                    // Every staff member's own passkeys (platform.passkey).
                    .requestMatchers("/mitarbeitende/passkeys", "/mitarbeitende/passkeys/**")
                    .hasAnyRole(
                        Roles.CASEWORKER,
                        Roles.TENANT_ADMIN,
                        Roles.APP_EDITOR,
                        Roles.PLATFORM_OPERATOR)
                    // Servicekonto (account module): public doors, the rest for logged-in citizens.
                    .requestMatchers(ACCOUNT_PUBLIC_PATHS)
                    .permitAll()
                    .requestMatchers("/konto", "/konto/**")
                    .hasRole(Roles.CITIZEN)
                    .requestMatchers(
                        "/api/v1/authorities",
                        "/api/v1/authorities/**",
                        "/api/v1/services",
                        "/api/v1/services/**",
                        "/api/v1/apps",
                        "/api/v1/apps/**",
                        // Anträge: apps may allow anonymous use; the controller checks per app and
                        // caller.
                        "/api/v1/tenants/*/apps/*/antraege",
                        "/api/v1/antraege/*",
                        "/api/openapi",
                        "/api/openapi/**",
                        // The Portalverbund's export, routes and their keys (federation module).
                        "/api/v1/portalverbund/verwaltungsobjekte",
                        "/api/v1/portalverbund/jwks",
                        "/api/v1/routes",
                        // Payment services' notifications: trusted by their signature only (payment
                        // module).
                        "/api/v1/payments/notifications/*/*")
                    .permitAll()
                    // The caller's own Servicekonto (account module).
                    .requestMatchers("/api/v1/me", "/api/v1/me/**")
                    .hasRole(Roles.CITIZEN)
                    // Machines with an access token from /oauth2/token (account module).
                    .requestMatchers("/api/v1/clients/me")
                    .hasRole(Roles.API_CLIENT)
                    // Webhook receivers call back signed with their route's secret (delivery module
                    // checks it).
                    .requestMatchers("/api/v1/delivery/callbacks/**")
                    .permitAll()
                    // Fachverfahren pull their tenant's Anträge (delivery module checks scope and
                    // tenant).
                    .requestMatchers("/api/v1/delivery/**")
                    .hasRole(Roles.API_CLIENT)
                    .requestMatchers("/api/**")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        // The token lives in a cookie, not the session: visitors who only read get no session.
        // API calls with a bearer token carry no cookies a browser would send by itself: no CSRF.
        // API calls without any session carry no ambient credentials either: they get 401, not a
        // CSRF 403.
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokenRepository)
                    .ignoringRequestMatchers(
                        BearerTokenFilter::isBearerApiRequest,
                        SecurityConfiguration::isJsonAntragSubmission,
                        // Signed delivery callbacks: the HMAC signature, not a cookie, is the
                        // credential.
                        request ->
                            request.getRequestURI().startsWith("/api/v1/delivery/callbacks/"),
                        // Payment notifications: verified by the payment service's signature or
                        // shared secret.
                        request ->
                            request.getRequestURI().startsWith("/api/v1/payments/notifications/"),
                        request -> api.matches(request) && request.getRequestedSessionId() == null))
        // Bearer tokens (personal access tokens) for /api/**, for the request only.
        .addFilterAfter(new BearerTokenFilter(apiTokens), SecurityContextHolderFilter.class)
        // Shared with the citizen login, which stores its authentication itself.
        .securityContext(context -> context.securityContextRepository(securityContextRepository))
        // A login gets a new session (not just a new id), so the absolute timeout counts from it.
        .sessionManagement(
            sessions -> sessions.sessionFixation(fixation -> fixation.migrateSession()))
        .addFilterAfter(
            new AbsoluteSessionTimeoutFilter(properties.session().absoluteTimeout()),
            SecurityContextHolderFilter.class)
        .addFilterBefore(
            staffThrottle,
            org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter
                .class)
        // Tenants that sign in only through their identity provider: no password logins (ADR 0025).
        .addFilterBefore(
            staffProviderLogin.localPasswordsGate(staffThrottle),
            org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter
                .class)
        .formLogin(
            login ->
                login
                    .loginPage("/anmelden")
                    // Operators land in /admin, tenant staff in /verwaltung (unless they asked for
                    // a page).
                    // The second factor (platform.staff) comes before the login completes.
                    .successHandler(
                        staffSecondStep.after(staffThrottle.clearingOnSuccess(staffLanding())))
                    // Failures are counted; too many lock the user name or client address.
                    .failureHandler(staffThrottle)
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/abmelden").logoutSuccessUrl("/?abgemeldet"))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(entryPoint(api, account)))
        // Pages a tenant lets its websites frame (#18); every other response: 'none'.
        .headers(
            headers -> securityHeaders(headers, () -> frameAncestors.orderedStream().toList()));
    // Staff passkeys: Spring Security's WebAuthn endpoints (ADR 0024).
    staffPasskeys.configure(http);
    // Citizens may log in through an OpenID Connect provider when one is configured
    // (spring.security.oauth2.client.registration.*); the account module turns the identity into
    // a Servicekonto login or refuses it (ADR 0006). Staff providers come from the database
    // (StaffClientRegistrations), so the login is always wired.
    if (identityProviders.getIfAvailable() != null && citizenOidcLogin.getIfAvailable() != null) {
      // Staff providers (staff-…, ADR 0025) sign in staff; every other registration is a citizen's.
      Object handler = staffProviderLogin.orCitizen(citizenOidcLogin.getObject());
      http.oauth2Login(
          oidc ->
              oidc.loginPage("/konto/anmelden")
                  .successHandler(
                      (org.springframework.security.web.authentication.AuthenticationSuccessHandler)
                          handler)
                  .failureHandler(
                      (org.springframework.security.web.authentication.AuthenticationFailureHandler)
                          handler));
    }
    return http.build();
  }

  /**
   * The security headers of every response (no framing allowed), also of the OAuth 2.0 endpoints'
   * own filter chain ({@link TokenEndpointConfiguration}). Spring Security adds {@code
   * X-Content-Type-Options}, {@code Cache-Control} and, over HTTPS, {@code
   * Strict-Transport-Security} itself.
   */
  static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
    securityHeaders(headers, List::of);
  }

  /** The same, with frame-ancestors and X-Frame-Options as the {@code framing} policies say. */
  static void securityHeaders(
      HeadersConfigurer<HttpSecurity> headers,
      java.util.function.Supplier<List<de.amtsweg.platform.FrameAncestors>> framing) {
    headers
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .frameOptions(frame -> frame.disable())
        .addHeaderWriter(new FramingHeaders(framing))
        .addHeaderWriter(
            new StaticHeadersWriter(
                "Permissions-Policy", "camera=(), microphone=(), geolocation=()"));
  }

  /**
   * API clients get 401 as problem details (through the error controller), citizens the
   * Servicekonto login, staff the staff login.
   */
  private static AuthenticationEntryPoint entryPoint(RequestMatcher api, RequestMatcher account) {
    AuthenticationEntryPoint problem =
        (request, response, exception) -> response.sendError(HttpStatus.UNAUTHORIZED.value());
    // A form sent after the session ran out shows what was typed instead of the login (ADR 0026).
    return new DelegatingAuthenticationEntryPoint(
        new ExpiredSessionEntryPoint(
            new LoginUrlAuthenticationEntryPoint("/anmelden"), "/anmelden"),
        List.of(
            new RequestMatcherEntry<>(api, problem),
            new RequestMatcherEntry<>(
                account,
                new ExpiredSessionEntryPoint(
                    new LoginUrlAuthenticationEntryPoint("/konto/anmelden"), "/konto/anmelden"))));
  }

  /**
   * Anonymous Anträge over the API carry no token to exempt them by. A browser cannot send a JSON
   * body to another site without a CORS preflight, which Amtsweg never grants, so a cross-site
   * forgery cannot reach this endpoint; forms (urlencoded, multipart, text/plain) get 415.
   */
  static boolean isJsonAntragSubmission(jakarta.servlet.http.HttpServletRequest request) {
    String type = request.getContentType();
    return "POST".equals(request.getMethod())
        && request.getRequestURI().matches("^/api/v1/tenants/[^/]+/apps/[^/]+/antraege$")
        && type != null
        && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
  }

  private static org.springframework.security.web.authentication.AuthenticationSuccessHandler
      staffLanding() {
    org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler
        handler =
            new org.springframework.security.web.authentication
                .SavedRequestAwareAuthenticationSuccessHandler() {
              @Override
              protected String determineTargetUrl(
                  jakarta.servlet.http.HttpServletRequest request,
                  jakarta.servlet.http.HttpServletResponse response,
                  org.springframework.security.core.@Nullable Authentication authentication) {
                return Roles.staffHome(
                    Objects.requireNonNull(authentication, "a successful login"));
              }
            };
    return handler;
  }

  /** Where a login is kept: in the HTTP session (and so in PostgreSQL). */
  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  /**
   * What a login does to the session, for logins that do not go through Spring Security's form
   * login (the citizen login): a new session with the old attributes (session fixation) and a new
   * CSRF token, as the form login does.
   */
  @Bean
  SessionAuthenticationStrategy loginSessionStrategy(CsrfTokenRepository csrfTokenRepository) {
    SessionFixationProtectionStrategy fixation = new SessionFixationProtectionStrategy();
    fixation.setMigrateSessionAttributes(true);
    return new CompositeSessionAuthenticationStrategy(
        List.of(fixation, new CsrfAuthenticationStrategy(csrfTokenRepository)));
  }

  @Bean
  CsrfTokenRepository csrfTokenRepository() {
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
