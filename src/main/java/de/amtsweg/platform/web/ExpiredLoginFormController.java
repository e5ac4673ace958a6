package de.amtsweg.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Sitzung abgelaufen" for a form of a logged-in area (Postfach reply, case note) sent after the
 * session ran out, without JavaScript (ADR 0026): instead of the login page, which would lose it,
 * the page shows what was typed for copying and leads through the login back to the form. The
 * security layer forwards here ({@code platform.security.ExpiredSessionEntryPoint}), after the CSRF
 * check, so no other site can put text on this page.
 */
@Controller
class ExpiredLoginFormController {

  /** Where the entry point forwards to. */
  static final String PATH = "/sitzung/abgelaufen";

  /** Request attribute: the login page of the area (set by {@code ExpiredSessionEntryPoint}). */
  static final String LOGIN_PAGE = ExpiredLoginFormController.class.getName() + ".login";

  private static final int MAX_TEXTS = 5;
  private static final int MAX_LENGTH = 20_000;

  @RequestMapping(PATH)
  String expired(HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    Object login = request.getAttribute(LOGIN_PAGE);
    model.addAttribute("keptTexts", typed(request.getParameterMap()));
    model.addAttribute(
        "loginAgain", back(request, login instanceof String page ? page : "/konto/anmelden"));
    return "platform/session-expired";
  }

  /**
   * What the person typed: values with white space in them (prose, not ids, codes or choices), of
   * fields not starting with "_" (CSRF token, buttons).
   */
  static List<String> typed(Map<String, String[]> parameters) {
    List<String> texts = new ArrayList<>();
    parameters.forEach(
        (name, values) -> {
          if (!name.startsWith("_")) {
            for (String value : values) {
              if (texts.size() < MAX_TEXTS && value.strip().matches("(?s).*\\s.*")) {
                texts.add(value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value);
              }
            }
          }
        });
    return texts;
  }

  /**
   * The page the form was on, when it is one of ours behind the same login (loading it leads
   * through the login and back); else the login page.
   */
  private static String back(HttpServletRequest request, String loginPage) {
    String referer = request.getHeader("Referer");
    String path = referer == null ? null : pathOf(referer);
    String area = loginPage.startsWith("/konto") ? "/konto/" : "/verwaltung/";
    return path != null && path.startsWith(area) && !path.startsWith("//") ? path : loginPage;
  }

  private static @Nullable String pathOf(String url) {
    try {
      return URI.create(url).getPath();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
