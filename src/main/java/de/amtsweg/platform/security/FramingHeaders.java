package de.amtsweg.platform.security;

import de.amtsweg.platform.FrameAncestors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.web.header.HeaderWriter;

/**
 * Writes the Content-Security-Policy and, where no site may frame the response, {@code
 * X-Frame-Options: DENY}. Where {@link FrameAncestors} allows origins, the policy says {@code
 * frame-ancestors 'self' <origins>} and X-Frame-Options is left out: browsers apply it in addition
 * and would refuse the frame.
 */
final class FramingHeaders implements HeaderWriter {

  private static final String CSP = "Content-Security-Policy";
  private static final String NONE = "frame-ancestors 'none'";

  private final Supplier<List<FrameAncestors>> policies;

  FramingHeaders(Supplier<List<FrameAncestors>> policies) {
    this.policies = policies;
  }

  @Override
  public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
    List<String> allowed =
        policies.get().stream().flatMap(p -> p.allowedFor(request).stream()).distinct().toList();
    if (!response.containsHeader(CSP)) {
      response.setHeader(CSP, policy(allowed));
    }
    if (allowed.isEmpty() && !response.containsHeader("X-Frame-Options")) {
      response.setHeader("X-Frame-Options", "DENY");
    }
  }

  /** The platform's policy with frame-ancestors for the allowed origins. */
  static String policy(List<String> allowed) {
    String policy = SecurityConfiguration.CONTENT_SECURITY_POLICY;
    if (allowed.isEmpty()) {
      return policy;
    }
    return policy.replace(NONE, "frame-ancestors 'self' " + String.join(" ", allowed));
  }
}
