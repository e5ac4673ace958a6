package de.amtsweg.platform.web;

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
      @RequestParam(name = "gesperrt", required = false) @Nullable String locked, Model model) {
    model.addAttribute("lockedMinutes", minutes(locked));
    return "platform/login";
  }

  /** Whole minutes from the redirect, or null if there are none that make sense. */
  private static @Nullable Integer minutes(@Nullable String value) {
    if (value == null || !value.matches("\\d{1,4}")) {
      return null;
    }
    int minutes = Integer.parseInt(value);
    return minutes >= 1 && minutes <= 24 * 60 ? minutes : null;
  }
}
