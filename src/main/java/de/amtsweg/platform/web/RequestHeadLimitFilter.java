package de.amtsweg.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the request line and headers ({@code amtsweg.limits.request-head}): an address over the
 * limit is answered with 414, headers over it with 431, as problem details under {@code /api} and
 * the error page elsewhere. The web server itself reads a few times as much ({@code
 * server.max-http-request-header-size}), so that such a request still reaches this filter with its
 * path known; past that the server refuses it alone ({@link ContainerErrorPages}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestHeadLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestHeadLimitFilter.class);

  private final long max;

  RequestHeadLimitFilter(@Value("${amtsweg.limits.request-head:8KB}") DataSize max) {
    this.max = max.toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long line = requestLine(request);
    long head = line + headers(request);
    if (head <= max) {
      chain.doFilter(request, response);
      return;
    }
    boolean uri = line > max;
    int status = uri ? 414 : 431;
    log.warn(
        "Request to {} refused: its {} take {} bytes, the limit is {} bytes",
        request.getRequestURI().length() > 200
            ? request.getRequestURI().substring(0, 200) + "…"
            : request.getRequestURI(),
        uri ? "address" : "headers",
        head,
        max);
    request.setAttribute(Problems.TYPE_ATTRIBUTE, uri ? "uri-too-long" : "headers-too-large");
    request.setAttribute(Problems.DETAIL_ARGUMENTS_ATTRIBUTE, new Object[] {Sizes.format(max)});
    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
    response.setStatus(status);
    request.getRequestDispatcher("/error").forward(request, response);
  }

  /** The request line as sent: method, address with query, protocol. */
  private static long requestLine(HttpServletRequest request) {
    String query = request.getQueryString();
    return request.getMethod().length()
        + 1
        + request.getRequestURI().length()
        + (query == null ? 0 : query.length() + 1)
        + 1
        + request.getProtocol().length()
        + 2;
  }

  /** Every header line as sent: name, colon, value, line end. */
  private static long headers(HttpServletRequest request) {
    long total = 0;
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
        total += name.length() + 2 + values.nextElement().length() + 2;
      }
    }
    return total;
  }
}
