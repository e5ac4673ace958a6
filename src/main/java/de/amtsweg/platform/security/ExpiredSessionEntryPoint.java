package de.amtsweg.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A form sent to a logged-in area after the session ran out goes to "Sitzung abgelaufen", which
 * shows what was typed (ADR 0026); everything else to the area's login page as before.
 */
record ExpiredSessionEntryPoint(AuthenticationEntryPoint login, String loginPage)
    implements AuthenticationEntryPoint {

  static final String EXPIRED_PAGE = "/sitzung/abgelaufen";

  /** The request attribute {@code platform.web.ExpiredLoginFormController} reads the login from. */
  static final String LOGIN_PAGE = "de.amtsweg.platform.web.ExpiredLoginFormController.login";

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException, ServletException {
    if ("POST".equals(request.getMethod())
        && request.getRequestedSessionId() != null
        && !request.isRequestedSessionIdValid()) {
      request.setAttribute(LOGIN_PAGE, loginPage);
      request.getRequestDispatcher(EXPIRED_PAGE).forward(request, response);
      return;
    }
    login.commence(request, response, exception);
  }
}
