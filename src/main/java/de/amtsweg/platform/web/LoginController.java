package de.amtsweg.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The staff login page; Spring Security handles the POST. */
@Controller
class LoginController {

  /**
   * @param locked {@code ?gesperrt=<minutes>} after too many failures: the page says how long
   */
  @GetMapping("/anmelden")
  String login(
      @RequestParam(name = "gesperrt", required = false) @Nullable String locked,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("lockedMinutes", minutes(locked));
    model.addAttribute("username", failedUsername(request));
    return "platform/login";
  }

  /**
   * The user name of the attempt that just failed, once: the throttle ({@code
   * platform.security.StaffLoginThrottle#FAILED_USERNAME}) keeps it in the session.
   */
  private static @Nullable String failedUsername(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object username = session.getAttribute(FAILED_USERNAME);
    session.removeAttribute(FAILED_USERNAME);
    return username instanceof String name ? name : null;
  }

  private static final String FAILED_USERNAME = "amtsweg.staff-login.username";

  /** Whole minutes from the redirect, or null if there are none that make sense. */
  private static @Nullable Integer minutes(@Nullable String value) {
    if (value == null || !value.matches("\\d{1,4}")) {
      return null;
    }
    int minutes = Integer.parseInt(value);
    return minutes >= 1 && minutes <= 24 * 60 ? minutes : null;
  }
}
