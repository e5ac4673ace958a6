package de.amtsweg.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff login page; Spring Security handles the POST. */
@Controller
class LoginController {

  @GetMapping("/anmelden")
  String login() {
    return "platform/login";
  }
}
