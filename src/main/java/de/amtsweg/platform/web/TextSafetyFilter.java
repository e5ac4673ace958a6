package de.amtsweg.platform.web;

import de.amtsweg.platform.SafeText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Refuses characters nobody types ({@link SafeText}: control characters, non-characters, lone
 * surrogates) where they would otherwise reach the database or a document: in any query parameter,
 * and in the fields of plain forms. The Antrag forms ({@code /antrag/**}) are left to the answer
 * engine, which names the field on the page. Answered with 400 {@code invalid-characters}: problem
 * details under {@code /api}, the error page elsewhere; one WARN line without the input.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TextSafetyFilter extends OncePerRequestFilter {

  static final String TYPE = "invalid-characters";
  private static final Logger log = LoggerFactory.getLogger(TextSafetyFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!queryIsSafe(request.getQueryString()) || !formIsSafe(request)) {
      log.warn("Request to {} refused: characters that are not allowed", request.getRequestURI());
      request.setAttribute(Problems.TYPE_ATTRIBUTE, TYPE);
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean queryIsSafe(String query) {
    if (query == null || query.isEmpty()) {
      return true;
    }
    for (String pair : query.split("&")) {
      try {
        if (!SafeText.isSafe(UriUtils.decode(pair.replace('+', ' '), StandardCharsets.UTF_8))) {
          return false;
        }
      } catch (IllegalArgumentException malformed) {
        return false;
      }
    }
    return true;
  }

  private static boolean formIsSafe(HttpServletRequest request) {
    String type =
        request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/x-www-form-urlencoded")
        || request.getRequestURI().startsWith("/antrag/")) {
      return true;
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (!SafeText.isSafe(parameter.getKey())) {
        return false;
      }
      for (String value : parameter.getValue()) {
        if (!SafeText.isSafe(value)) {
          return false;
        }
      }
    }
    return true;
  }
}
