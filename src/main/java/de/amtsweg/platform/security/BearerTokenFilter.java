package de.amtsweg.platform.security;

import de.amtsweg.platform.ApiTokenAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry a bearer token, for this request only: nothing goes into a
 * session. A token no module accepts is answered with 401 (problem details via /error).
 */
class BearerTokenFilter extends OncePerRequestFilter {

  static final String PREFIX = "Bearer ";

  private final List<ApiTokenAuthenticator> authenticators;

  BearerTokenFilter(List<ApiTokenAuthenticator> authenticators) {
    this.authenticators = authenticators;
  }

  static boolean hasBearerToken(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** An API request that authenticates with a bearer token (and so needs no CSRF token). */
  static boolean isBearerApiRequest(HttpServletRequest request) {
    return request.getRequestURI().startsWith("/api/") && hasBearerToken(request);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !isBearerApiRequest(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(PREFIX.length()).strip();
    Optional<Authentication> authentication =
        authenticators.stream()
            .map(authenticator -> authenticator.authenticate(token))
            .flatMap(Optional::stream)
            .findFirst();
    if (authentication.isEmpty()) {
      response.sendError(HttpStatus.UNAUTHORIZED.value());
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication.get());
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
