package de.amtsweg.platform.web;

import de.amtsweg.platform.BodyLimit;
import de.amtsweg.platform.BodyLimitProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Bounds every request body before anything reads it: a declared length over the limit is refused
 * at once with 413 (problem details under {@code /api}, the error page elsewhere, one WARN line); a
 * body without a declared length is counted while it is read and fails as soon as it passes the
 * limit ({@link BodyTooLargeException}). Runs right after the correlation id, before security and
 * before the container parses forms.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodyLimitFilter extends OncePerRequestFilter {

  /** The request attribute with the limit in bytes, for the error's detail. */
  static final String LIMIT_ATTRIBUTE = "amtsweg.bodyLimit";

  /** The request attribute with the multipart limits {file, request} in bytes, when they failed. */
  static final String MULTIPART_LIMITS_ATTRIBUTE = "amtsweg.multipartLimits";

  private static final Logger log = LoggerFactory.getLogger(BodyLimitFilter.class);

  private record Rule(PathPattern pattern, long max) {}

  private final List<BodyLimitProvider> providers;
  private final List<Rule> rules;
  private final long defaultMax;
  private final long formMax;
  private final long multipartMax;
  private final long multipartFileMax;

  BodyLimitFilter(
      List<BodyLimitProvider> providers,
      List<BodyLimit> limits,
      @Value("${amtsweg.limits.request-body:1MB}") DataSize defaultMax,
      @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formMax,
      @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize multipartMax,
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize multipartFileMax) {
    this.providers = providers;
    PathPatternParser parser = new PathPatternParser();
    this.rules =
        limits.stream()
            .map(l -> new Rule(parser.parse(l.pathPattern()), l.max().toBytes()))
            .toList();
    this.defaultMax = defaultMax.toBytes();
    this.formMax = formMax.toBytes();
    this.multipartMax = multipartMax.toBytes();
    this.multipartFileMax = multipartFileMax.toBytes();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long max = limit(request);
    long declared = request.getContentLengthLong();
    if (declared > max) {
      log.warn(
          "Request body of {} bytes to {} refused: the limit is {} bytes",
          declared,
          request.getRequestURI(),
          max);
      refuse(request, response, max);
      return;
    }
    if (isMultipart(request) && partsTooLarge(request)) {
      log.warn(
          "Multipart request to {} refused: a part is over the limit", request.getRequestURI());
      HttpServletRequest bodyless = new Bodyless(request);
      bodyless.setAttribute(
          MULTIPART_LIMITS_ATTRIBUTE, new long[] {multipartFileMax, multipartMax});
      refuse(bodyless, response, max);
      return;
    }
    request.setAttribute(LIMIT_ATTRIBUTE, max);
    chain.doFilter(declared >= 0 ? request : new Bounded(request, max), response);
  }

  /**
   * Shows the error (problem details or the error page) without the body: forwarded to {@code
   * /error} as a request that has no body and only its query parameters. A plain {@code sendError}
   * would not do: the container refuses to parse the form of an over-large body and throws again
   * whenever the error page asks for a parameter, and then falls back to its own page.
   */
  private static void refuse(HttpServletRequest request, HttpServletResponse response, long max)
      throws ServletException, IOException {
    HttpServletRequest bodyless = request instanceof Bodyless ? request : new Bodyless(request);
    bodyless.setAttribute(LIMIT_ATTRIBUTE, max);
    bodyless.setAttribute(
        jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE,
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    bodyless.setAttribute(
        jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    // The body was not read: the connection must not be reused for another request.
    response.setHeader("Connection", "close");
    request.getRequestDispatcher("/error").forward(bodyless, response);
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  /**
   * Parses the parts now, before security reads the CSRF token from them: a file over the
   * container's multipart limits would otherwise fail there, and again in every error page that
   * asks for a parameter, ending on the container's own page. Other parse failures are left to the
   * dispatcher.
   */
  private static boolean partsTooLarge(HttpServletRequest request) throws IOException {
    try {
      request.getParts();
      return false;
    } catch (IllegalStateException | ServletException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("exceed")
            && (message.contains("size") || message.contains("length"))) {
          return true;
        }
      }
      return false;
    }
  }

  /** The request without its body: no input, and only the parameters of the query string. */
  private static final class Bodyless extends HttpServletRequestWrapper {
    private final Map<String, String[]> query;

    Bodyless(HttpServletRequest request) {
      super(request);
      this.query = java.util.Collections.unmodifiableMap(queryParameters(request.getQueryString()));
    }

    private static Map<String, String[]> queryParameters(@Nullable String queryString) {
      Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
      if (queryString == null || queryString.isEmpty()) {
        return parameters;
      }
      for (String pair : queryString.split("&")) {
        int equals = pair.indexOf('=');
        try {
          String name = decode(equals < 0 ? pair : pair.substring(0, equals));
          String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
          parameters.merge(
              name,
              new String[] {value},
              (a, b) ->
                  java.util.stream.Stream.concat(
                          java.util.Arrays.stream(a), java.util.Arrays.stream(b))
                      .toArray(String[]::new));
        } catch (IllegalArgumentException malformed) {
          // left out
        }
      }
      return parameters;
    }

    private static String decode(String text) {
      return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public @Nullable String getParameter(String name) {
      String[] values = query.get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return query;
    }

    @Override
    public java.util.Enumeration<String> getParameterNames() {
      return java.util.Collections.enumeration(query.keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
      return query.get(name);
    }

    // No content type either: otherwise the dispatcher would parse the unread multipart body.
    @Override
    public @Nullable String getContentType() {
      return null;
    }

    @Override
    public @Nullable String getHeader(String name) {
      return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String name) {
      return "Content-Type".equalsIgnoreCase(name)
          ? java.util.Collections.emptyEnumeration()
          : super.getHeaders(name);
    }

    @Override
    public java.util.Collection<jakarta.servlet.http.Part> getParts() {
      return List.of();
    }

    @Override
    public jakarta.servlet.http.@Nullable Part getPart(String name) {
      return null;
    }

    @Override
    public int getContentLength() {
      return 0;
    }

    @Override
    public long getContentLengthLong() {
      return 0;
    }

    @Override
    public ServletInputStream getInputStream() {
      return new ServletInputStream() {
        @Override
        public int read() {
          return -1;
        }

        @Override
        public boolean isFinished() {
          return true;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
      };
    }
  }

  /** The limit for this request: a declared one for its path, else by its kind of body. */
  long limit(HttpServletRequest request) {
    for (BodyLimitProvider provider : providers) {
      java.util.OptionalLong limit = provider.limit(request);
      if (limit.isPresent()) {
        return limit.getAsLong();
      }
    }
    PathContainer path = PathContainer.parsePath(request.getRequestURI());
    for (Rule rule : rules) {
      if (rule.pattern().matches(path)) {
        return rule.max();
      }
    }
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("multipart/")) {
      return multipartMax;
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      return formMax;
    }
    return defaultMax;
  }

  /** A body read beyond its limit. */
  static final class BodyTooLargeException extends IOException {
    final long limit;

    BodyTooLargeException(long limit) {
      super("request body larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  /** A request whose body fails once more than {@code max} bytes were read. */
  private static final class Bounded extends HttpServletRequestWrapper {
    private final long max;
    private @Nullable ServletInputStream stream;

    Bounded(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws BodyTooLargeException {
                read += n;
                if (read > max) {
                  throw new BodyTooLargeException(max);
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
