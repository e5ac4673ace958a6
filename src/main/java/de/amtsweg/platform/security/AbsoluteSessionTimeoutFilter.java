package de.amtsweg.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a logged-in session a fixed time after it was created, however active it is. The idle
 * timeout alone would let a stolen session live for ever as long as it is used. Logins create a new
 * session (session fixation protection), so the time counts from the login.
 */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

  private final Duration timeout;

  AbsoluteSessionTimeoutFilter(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && loggedIn() && expired(session)) {
      session.invalidate();
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }

  private boolean expired(HttpSession session) {
    try {
      return System.currentTimeMillis() - session.getCreationTime() > timeout.toMillis();
    } catch (IllegalStateException alreadyInvalidated) {
      return false;
    }
  }

  private static boolean loggedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }
}
