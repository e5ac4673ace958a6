package de.amtsweg.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code POST /sitzung}: extends the session for {@code session.js} ("Sitzung verlängern", and
 * while the person types). A POST with the CSRF token, so that no other site can keep a session
 * alive; it changes nothing but the session's last access.
 */
@Controller
class SessionKeepAliveController {

  private final SessionTimeouts timeouts;

  SessionKeepAliveController(SessionTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  /**
   * The request itself touches the session. Answers whether there still is one (after the idle
   * timeout there is none, and none is created) with its timeout and warning time in seconds.
   */
  @PostMapping("/sitzung")
  @ResponseBody
  ResponseEntity<Map<String, Object>> keepAlive(HttpServletRequest request) {
    SessionTimeouts.SessionTimeout timeout = timeouts.of(request.getSession(false));
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .body(
            timeout == null
                ? Map.of("active", false)
                : Map.of(
                    "active", true, "timeout", timeout.seconds(), "warning", timeout.warning()));
  }
}
