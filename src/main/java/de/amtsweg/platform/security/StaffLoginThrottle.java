package de.amtsweg.platform.security;

import de.amtsweg.platform.LoginAttempts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the staff login like the citizen login: a locked user name or client address is not
 * even checked (redirect to {@code /anmelden?gesperrt}), failures are counted, success clears.
 */
class StaffLoginThrottle extends OncePerRequestFilter implements AuthenticationFailureHandler {

  static final String LOGIN = "/anmelden";

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
    if (attempts.lockedFor(username(request), request.getRemoteAddr()).isPresent()) {
      response.sendRedirect(LOGIN + "?gesperrt");
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    boolean locked = attempts.failed(username(request), request.getRemoteAddr()).isPresent();
    response.sendRedirect(LOGIN + (locked ? "?gesperrt" : "?fehler"));
  }

  /** Wraps the success handler: a successful login clears the user name's failures. */
  AuthenticationSuccessHandler clearingOnSuccess(AuthenticationSuccessHandler next) {
    return (request, response, authentication) -> {
      attempts.succeeded(authentication.getName());
      next.onAuthenticationSuccess(request, response, authentication);
    };
  }

  private static String username(HttpServletRequest request) {
    String username = request.getParameter("username");
    return username == null ? "" : username;
  }
}
