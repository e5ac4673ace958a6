package de.amtsweg.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Which other sites may frame a response ({@code Content-Security-Policy: frame-ancestors}). The
 * security configuration asks this while writing the headers; a module that owns framable pages
 * (the Antrags-Apps, #18) implements it. Without an implementation, or when it answers an empty
 * list, no site may frame the response ({@code frame-ancestors 'none'}, {@code X-Frame-Options:
 * DENY}).
 */
public interface FrameAncestors {

  /**
   * The origins allowed to frame the response to this request, each valid as a CSP source
   * expression ({@code scheme://host[:port]}, port may be {@code *}); empty for none.
   */
  List<String> allowedFor(HttpServletRequest request);
}
