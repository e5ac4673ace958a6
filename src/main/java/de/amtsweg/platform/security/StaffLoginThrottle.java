package de.amtsweg.platform.security;

import de.amtsweg.platform.LoginAttempts;
import de.amtsweg.platform.LoginAttempts.Door;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the staff login like the citizen login: a user name that must wait at this client
 * address is not even checked (redirect to {@code /anmelden?gesperrt=<minutes>}), failures are
 * counted, success lifts the lock at this address and remembers it.
 */
class StaffLoginThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

  static final String LOGIN = "/anmelden";

  /**
   * Session attribute with the user name of a failed attempt, for the login page to fill in again
   * ({@code platform.web.LoginController} reads and removes it). Never the password.
   */
  static final String FAILED_USERNAME = "amtsweg.staff-login.username";

  private final LoginAttempts attempts;

  StaffLoginThrottle(LoginAttempts attempts) {
    this.attempts = attempts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod()) && LOGIN.equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Duration> locked =
        attempts.refusedFor(Door.STAFF, username(request), request.getRemoteAddr());
    if (locked.isPresent()) {
      rememberUsername(request);
      response.sendRedirect(locked(locked.get()));
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    Optional<Duration> locked =
        attempts.failed(Door.STAFF, username(request), request.getRemoteAddr());
    rememberUsername(request);
    response.sendRedirect(locked.map(StaffLoginThrottle::locked).orElse(LOGIN + "?fehler"));
  }

  /** Wraps the success handler: a successful login lifts the lock at this address. */
  AuthenticationSuccessHandler clearingOnSuccess(AuthenticationSuccessHandler next) {
    return (request, response, authentication) -> {
      attempts.succeeded(Door.STAFF, authentication.getName(), request.getRemoteAddr());
      next.onAuthenticationSuccess(request, response, authentication);
    };
  }

  /** The login page saying how many whole minutes to wait, rounded up. */
  private static String locked(Duration wait) {
    return LOGIN + "?gesperrt=" + Math.max(1, (wait.toSeconds() + 59) / 60);
  }

  /** People correct the password, not the user name they typed: keep it for the next page. */
  private static void rememberUsername(HttpServletRequest request) {
    String username = username(request).strip();
    if (!username.isEmpty() && username.length() <= 200) {
      request.getSession().setAttribute(FAILED_USERNAME, username);
    }
  }

  private static String username(HttpServletRequest request) {
    String username = request.getParameter("username");
    return username == null ? "" : username;
  }
}
