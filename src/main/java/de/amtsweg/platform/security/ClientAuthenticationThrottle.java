package de.amtsweg.platform.security;

import de.amtsweg.platform.LoginAttempts;
import de.amtsweg.platform.LoginAttempts.Door;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles client authentication at the OAuth 2.0 endpoints ({@code /oauth2/token}, {@code
 * /oauth2/introspect}, {@code /oauth2/revoke}) like logins, so that guessing a client secret does
 * not pay: a client id that must wait at this address is not even checked, failures are counted
 * (per client id and address, per address, per client id), success lifts the lock at this address.
 *
 * <p>A client that must wait gets {@code 429 Too Many Requests} (RFC 6585) with {@code Retry-After}
 * and an OAuth 2.0 error body (RFC 6749, section 5.2), {@code temporarily_unavailable}: OAuth
 * clients read the {@code error} member of whatever the token endpoint answers.
 */
class ClientAuthenticationThrottle extends OncePerRequestFilter
    implements AuthenticationFailureHandler {

  /** RFC 6749's code for "try again later" (section 4.1.2.1). */
  static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

  private static final HttpMessageConverter<OAuth2Error> ERRORS =
      new OAuth2ErrorHttpMessageConverter();

  private final LoginAttempts attempts;

  ClientAuthenticationThrottle(LoginAttempts attempts) {
    this.attempts = attempts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || clientId(request) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Duration> wait =
        attempts.refusedFor(Door.API_CLIENT, clientIdOrEmpty(request), request.getRemoteAddr());
    if (wait.isPresent()) {
      tooManyFailures(response, wait.get());
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Counts the failure, then answers as Spring Authorization Server does (401 for {@code
   * invalid_client}, else 400, the error code without description), or with 429 if this failure
   * locked the client at this address.
   */
  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    SecurityContextHolder.clearContext();
    Optional<Duration> wait =
        attempts.failed(Door.API_CLIENT, clientIdOrEmpty(request), request.getRemoteAddr());
    if (wait.isPresent()) {
      tooManyFailures(response, wait.get());
      return;
    }
    String code =
        exception instanceof OAuth2AuthenticationException oauth
            ? oauth.getError().getErrorCode()
            : OAuth2ErrorCodes.INVALID_CLIENT;
    writeError(
        response,
        OAuth2ErrorCodes.INVALID_CLIENT.equals(code)
            ? HttpStatus.UNAUTHORIZED
            : HttpStatus.BAD_REQUEST,
        new OAuth2Error(code));
  }

  /**
   * What Spring Authorization Server does after a client authenticated (the client becomes the
   * request's authentication), after lifting the client's lock at this address.
   */
  AuthenticationSuccessHandler liftingOnSuccess() {
    return (request, response, authentication) -> {
      attempts.succeeded(Door.API_CLIENT, authentication.getName(), request.getRemoteAddr());
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(authentication);
      SecurityContextHolder.setContext(context);
    };
  }

  private static void tooManyFailures(HttpServletResponse response, Duration wait)
      throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    writeError(
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        new OAuth2Error(
            TEMPORARILY_UNAVAILABLE,
            "Too many failed client authentications. Try again in " + seconds + " seconds.",
            null));
  }

  /** An OAuth 2.0 error response (JSON, never cached). */
  static void writeError(HttpServletResponse response, HttpStatus status, OAuth2Error error)
      throws IOException {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    ServletServerHttpResponse http = new ServletServerHttpResponse(response);
    http.setStatusCode(status);
    ERRORS.write(error, MediaType.APPLICATION_JSON, http);
  }

  /** Failures without a readable client id still count for the address. */
  private static String clientIdOrEmpty(HttpServletRequest request) {
    String clientId = clientId(request);
    return clientId == null ? "" : clientId;
  }

  /**
   * The client id a request authenticates with: HTTP Basic ({@code client_secret_basic}, the id
   * form-encoded, RFC 6749 section 2.3.1) or the {@code client_id} parameter ({@code
   * client_secret_post}); null if it names none.
   */
  static @Nullable String clientId(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0
            ? ""
            : URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return request.getParameter("client_id");
  }
}
