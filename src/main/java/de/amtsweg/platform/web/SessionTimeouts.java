package de.amtsweg.platform.web;

import de.amtsweg.platform.PlatformProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The idle timeout of the session, told to the page (WCAG 2.2.1 Timing Adjustable): the layout puts
 * it into meta elements, and {@code session.js} warns before it runs out, offers to extend it and
 * extends it while the person types, through {@link SessionKeepAliveController}.
 */
@ControllerAdvice
class SessionTimeouts {

  private final long warningBefore;

  SessionTimeouts(PlatformProperties properties) {
    this.warningBefore = properties.session().warningBefore().toSeconds();
  }

  /**
   * The session's idle timeout and when to warn, in seconds; null without a session (nothing to
   * lose). The timeout is the session's own (Spring Session takes {@code
   * server.servlet.session.timeout}, to the second).
   */
  @ModelAttribute("sessionTimeout")
  @Nullable SessionTimeout sessionTimeout(HttpServletRequest request) {
    return of(request.getSession(false));
  }

  /** The session's timeout, or null when there is none. */
  @Nullable SessionTimeout of(@Nullable HttpSession session) {
    if (session == null) {
      return null;
    }
    int seconds;
    try {
      seconds = session.getMaxInactiveInterval();
    } catch (IllegalStateException invalidated) {
      return null;
    }
    if (seconds <= 0) {
      return null;
    }
    return new SessionTimeout(seconds, Math.min(warningBefore, seconds / 2));
  }

  /**
   * @param seconds the idle timeout
   * @param warning how long before it runs out the page warns
   */
  record SessionTimeout(long seconds, long warning) {}
}
