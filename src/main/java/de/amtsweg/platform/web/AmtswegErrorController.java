package de.amtsweg.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Renders every error that did not pass through a controller (unknown bug, security filter, the
 * container): problem details under {@code /api/}, an error page with the correlation id elsewhere,
 * never a stack trace.
 */
@Controller
class AmtswegErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(AmtswegErrorController.class);
  private final Problems problems;

  AmtswegErrorController(Problems problems) {
    this.problems = problems;
  }

  @RequestMapping("/error")
  Object error(HttpServletRequest request, Locale locale) {
    Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = statusAttribute instanceof Integer value ? value : 500;
    HttpStatus status = HttpStatus.resolve(code);
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    Object uriAttribute = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uriAttribute instanceof String uri ? uri : request.getRequestURI();
    if (status.is5xxServerError()) {
      Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
      MDC.put(CorrelationIdFilter.ATTRIBUTE, String.valueOf(correlationId));
      try {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        log.error(
            "Request to {} failed with {}",
            path,
            status.value(),
            exception instanceof Throwable t ? t : null);
      } finally {
        MDC.remove(CorrelationIdFilter.ATTRIBUTE);
      }
    }
    String type =
        request.getAttribute(Problems.TYPE_ATTRIBUTE) instanceof String set
            ? set
            : Problems.typeForStatus(status.value());
    if (status == HttpStatus.CONTENT_TOO_LARGE) {
      // The body-limit filter names its limit; a limit of the container's own has no number here.
      if (request.getAttribute(BodyLimitFilter.MULTIPART_LIMITS_ATTRIBUTE)
          instanceof long[] parts) {
        return problems.respond(
            request,
            path,
            status,
            type,
            "problem.payload-too-large.multipart.detail",
            new Object[] {Sizes.megabytes(parts[0]), Sizes.megabytes(parts[1])},
            locale);
      }
      return request.getAttribute(BodyLimitFilter.LIMIT_ATTRIBUTE) instanceof Long limit
          ? problems.respond(
              request, path, status, type, new Object[] {Sizes.format(limit)}, locale)
          : problems.respond(
              request,
              path,
              status,
              type,
              "problem.payload-too-large.unknown.detail",
              new Object[0],
              locale);
    }
    Object[] arguments =
        request.getAttribute(Problems.DETAIL_ARGUMENTS_ATTRIBUTE) instanceof Object[] given
            ? given
            : new Object[0];
    return problems.respond(request, path, status, type, arguments, locale);
  }
}
