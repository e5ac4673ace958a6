package de.amtsweg.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place that turns an error into what the client sees: RFC 9457 problem details under
 * {@code /api/}, the error page everywhere else. Titles and details come from the message bundles.
 */
@Component
class Problems {

  static final String TYPE_PREFIX = "urn:amtsweg:problem:";

  /** A request attribute a filter sets before {@code sendError} to name the problem exactly. */
  static final String TYPE_ATTRIBUTE = "amtsweg.problemType";

  /** With {@link #TYPE_ATTRIBUTE}: the arguments of its detail text (an {@code Object[]}). */
  static final String DETAIL_ARGUMENTS_ATTRIBUTE = "amtsweg.problemArguments";

  private final MessageSource messages;
  private final LayoutModel layout;

  Problems(MessageSource messages, LayoutModel layout) {
    this.messages = messages;
    this.layout = layout;
  }

  static boolean isApi(@Nullable String path) {
    return path != null && (path.startsWith("/api/") || path.equals("/api"));
  }

  static String typeForStatus(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 429 -> "too-many-requests";
      default -> status >= 500 ? "internal-error" : "bad-request";
    };
  }

  Object respond(
      HttpServletRequest request,
      String path,
      HttpStatus status,
      String type,
      Object[] detailArguments,
      Locale locale) {
    return respond(
        request, path, status, type, "problem." + type + ".detail", detailArguments, locale);
  }

  /**
   * As {@link #respond(HttpServletRequest, String, HttpStatus, String, Object[], Locale)}, with a
   * detail text of its own: the same type where Amtsweg knows more about the case.
   */
  Object respond(
      HttpServletRequest request,
      String path,
      HttpStatus status,
      String type,
      String detailCode,
      Object[] detailArguments,
      Locale locale) {
    String title = message("problem." + type + ".title", new Object[0], locale);
    String detail = message(detailCode, detailArguments, locale);
    Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
    if (isApi(path)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
      problem.setType(URI.create(TYPE_PREFIX + type));
      problem.setTitle(title);
      problem.setInstance(URI.create(path));
      if (correlationId != null) {
        problem.setProperty("correlationId", correlationId);
      }
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    ModelAndView page = new ModelAndView("platform/error", status);
    page.addObject("status", status.value());
    page.addObject("errorTitle", title);
    page.addObject("errorDetail", detail);
    page.addObject("correlationId", correlationId);
    layout.addTo(page, request);
    return page;
  }

  private String message(String code, Object[] arguments, Locale locale) {
    return Objects.requireNonNull(
        messages.getMessage(code, arguments, code, locale), "message with a default");
  }
}
