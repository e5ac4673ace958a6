package de.amtsweg.platform.staff;

import de.amtsweg.platform.security.StaffFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The second step of the staff login. After the right password, staff with a registered factor are
 * asked for it ({@code /anmelden/code}) and staff without one, when the factor is required, must
 * register one ({@code /anmelden/zweiter-faktor}). Until then the session holds only "password
 * checked for this user name, until +10 minutes" (never a login), so nothing else is reachable; the
 * login completes with a new session and CSRF token (ADR 0023).
 */
@Component
public class StaffSecondStep {

  static final String CODE = "/anmelden/code";
  static final String REGISTER = "/anmelden/zweiter-faktor";
  private static final String PENDING = StaffSecondStep.class.getName() + ".PENDING";
  private static final Duration PENDING_FOR = Duration.ofMinutes(10);

  /**
   * A password checked, the login not complete.
   *
   * @param factorChecked the factor was just registered (its first code proved it)
   */
  record Pending(String username, Instant until, boolean factorChecked) implements Serializable {}

  private final JdbcClient jdbc;
  private final List<StaffFactor> factors;
  private final UserDetailsService users;
  private final SecurityContextRepository contexts;
  private final SessionAuthenticationStrategy sessionStrategy;
  private final boolean required;
  private volatile @Nullable AuthenticationSuccessHandler landing;

  StaffSecondStep(
      JdbcClient jdbc,
      List<StaffFactor> factors,
      UserDetailsService users,
      SecurityContextRepository contexts,
      SessionAuthenticationStrategy sessionStrategy,
      StaffProperties properties) {
    this.jdbc = jdbc;
    this.factors = List.copyOf(factors);
    this.users = users;
    this.contexts = contexts;
    this.sessionStrategy = sessionStrategy;
    this.required = properties.secondFactor().required();
  }

  /**
   * Wraps the form login's success handler: it runs when the login completes, after the second step
   * where there is one. Called once, by the security configuration.
   */
  public AuthenticationSuccessHandler after(AuthenticationSuccessHandler landing) {
    this.landing = landing;
    return this::passwordChecked;
  }

  private void passwordChecked(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, jakarta.servlet.ServletException {
    String username = authentication.getName();
    boolean hasFactor = hasFactor(username);
    if (!hasFactor && !required) {
      loggedIn(username);
      landing().onAuthenticationSuccess(request, response, authentication);
      return;
    }
    SecurityContextHolder.clearContext();
    contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    begin(request, username);
    response.sendRedirect(hasFactor ? CODE : REGISTER);
  }

  /** Remembers a checked password (or a password just set by accepting an invitation). */
  void begin(HttpServletRequest request, String username) {
    request
        .getSession()
        .setAttribute(PENDING, new Pending(username, Instant.now().plus(PENDING_FOR), false));
  }

  /** The pending login of this session, if there is one that has not expired. */
  Optional<Pending> pending(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
      return Optional.empty();
    }
    if (pending.until().isBefore(Instant.now())) {
      session.removeAttribute(PENDING);
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  /** The factor was registered in this session: the login may complete without a code. */
  void factorRegistered(HttpServletRequest request, Pending pending) {
    request
        .getSession()
        .setAttribute(
            PENDING, new Pending(pending.username(), pending.until(), /* factorChecked= */ true));
  }

  /** Whether the account has any second factor registered. */
  boolean hasFactor(String username) {
    return idOf(username).map(id -> factors.stream().anyMatch(f -> f.registered(id))).orElse(false);
  }

  Optional<UUID> idOf(String username) {
    return jdbc.sql("select id from staff_account where username = ?")
        .param(username)
        .query(UUID.class)
        .optional();
  }

  /**
   * Completes the login: a new session and CSRF token, the security context, then the landing
   * (which lifts the throttle's lock and redirects). An account disabled meanwhile gets the login
   * page's failure.
   */
  void complete(HttpServletRequest request, HttpServletResponse response, String username)
      throws IOException, jakarta.servlet.ServletException {
    request.getSession().removeAttribute(PENDING);
    UserDetails user;
    try {
      user = users.loadUserByUsername(username);
    } catch (UsernameNotFoundException e) {
      response.sendRedirect("/anmelden?fehler");
      return;
    }
    if (!user.isEnabled() || !user.isAccountNonLocked()) {
      response.sendRedirect("/anmelden?fehler");
      return;
    }
    Authentication authentication =
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    sessionStrategy.onAuthentication(authentication, request, response);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    loggedIn(username);
    landing().onAuthenticationSuccess(request, response, authentication);
  }

  private void loggedIn(String username) {
    jdbc.sql("update staff_account set last_login_at = now() where username = ?")
        .param(username)
        .update();
  }

  private AuthenticationSuccessHandler landing() {
    AuthenticationSuccessHandler handler = landing;
    if (handler == null) {
      throw new IllegalStateException("the security configuration did not wrap its login");
    }
    return handler;
  }
}
