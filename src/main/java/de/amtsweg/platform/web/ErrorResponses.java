package de.amtsweg.platform.web;

import de.amtsweg.platform.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Maps the errors a client can cause to problem details or the error page. Anything not listed here
 * is a bug: it goes to {@link AmtswegErrorController} as a 500 and is logged there.
 */
@ControllerAdvice
class ErrorResponses {

  private final Problems problems;
  private final MultipartProperties multipart;

  ErrorResponses(Problems problems, ObjectProvider<MultipartProperties> multipart) {
    this.problems = problems;
    this.multipart = multipart.getIfAvailable(MultipartProperties::new);
  }

  @ExceptionHandler(ProblemException.class)
  Object problem(
      ProblemException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    Duration retryAfter = e.retryAfter();
    if (retryAfter != null) {
      response.setHeader(
          HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
    return respond(request, e.status(), e.type(), locale, e.detailArguments());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(HttpServletRequest request, Locale locale) {
    return respond(request, HttpStatus.NOT_FOUND, "not-found", locale);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object methodNotAllowed(HttpServletRequest request, Locale locale) {
    return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", locale);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  Object missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request, Locale locale) {
    return respond(
        request, HttpStatus.BAD_REQUEST, "missing-parameter", locale, e.getParameterName());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object invalidParameter(
      MethodArgumentTypeMismatchException e, HttpServletRequest request, Locale locale) {
    return respond(request, HttpStatus.BAD_REQUEST, "invalid-parameter", locale, e.getName());
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, HandlerMethodValidationException.class})
  Object badRequest(Exception e, HttpServletRequest request, Locale locale) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
        return respond(
            request,
            HttpStatus.CONTENT_TOO_LARGE,
            "payload-too-large",
            locale,
            Sizes.format(tooLarge.limit));
      }
    }
    return respond(request, HttpStatus.BAD_REQUEST, "bad-request", locale);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  Object unsupportedMediaType(HttpServletRequest request, Locale locale) {
    return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", locale);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  Object notAcceptable(HttpServletRequest request, Locale locale) {
    return respond(request, HttpStatus.NOT_ACCEPTABLE, "not-acceptable", locale);
  }

  /**
   * A text the database cannot store (NUL; SQL states 22021 and 22P05) that slipped past the checks
   * of the input: refused like other unsafe text, without the statement or its values in the log.
   */
  @ExceptionHandler(org.springframework.dao.DataAccessException.class)
  Object database(
      org.springframework.dao.DataAccessException e, HttpServletRequest request, Locale locale)
      throws org.springframework.dao.DataAccessException {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql
          && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
        org.slf4j.LoggerFactory.getLogger(ErrorResponses.class)
            .warn("Request to {} refused: text the database cannot store", request.getRequestURI());
        return respond(request, HttpStatus.BAD_REQUEST, TextSafetyFilter.TYPE, locale);
      }
    }
    throw e;
  }

  /**
   * An upload over the container's multipart limits, which are checked before any controller: the
   * message states them ({@code spring.servlet.multipart.max-file-size} and {@code
   * .max-request-size}), in MB.
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(HttpServletRequest request, Locale locale) {
    return problems.respond(
        request,
        request.getRequestURI(),
        HttpStatus.CONTENT_TOO_LARGE,
        "payload-too-large",
        "problem.payload-too-large.multipart.detail",
        new Object[] {
          Sizes.megabytes(multipart.getMaxFileSize().toBytes()),
          Sizes.megabytes(multipart.getMaxRequestSize().toBytes())
        },
        locale);
  }

  private Object respond(
      HttpServletRequest request, HttpStatus status, String type, Locale locale, Object... args) {
    return problems.respond(request, request.getRequestURI(), status, type, args, locale);
  }
}
