package de.amtsweg.platform.security;

import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundReason;
import de.amtsweg.platform.OutboundTargets;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a provider's OpenID Connect discovery document when an operator saves it, through the
 * platform's outbound client (only to addresses the SSRF rules allow, ADR 0022), and checks every
 * endpoint in it by the same rules. The endpoints are stored, so a sign-in never depends on
 * discovery.
 */
@Component
class StaffIdentityProviderDiscovery {

  /** Why an issuer cannot be used, as a message key for the issuer field. */
  static final class Refused extends RuntimeException {
    private final String messageKey;

    Refused(String messageKey) {
      super(messageKey);
      this.messageKey = messageKey;
    }

    String messageKey() {
      return messageKey;
    }
  }

  private static final int MAX_DOCUMENT_BYTES = 64 * 1024;

  private final OutboundTargets targets;
  private final OutboundHttp http;

  StaffIdentityProviderDiscovery(OutboundTargets targets) {
    this.targets = targets;
    this.http =
        targets.client(
            "Amtsweg staff sign-in",
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            MAX_DOCUMENT_BYTES);
  }

  /** What is wrong with an issuer URL as typed, as a message key; null when it may be tried. */
  @Nullable String problem(String issuer) {
    return targets.problem(issuer).map(StaffIdentityProviderDiscovery::key).orElse(null);
  }

  /**
   * The endpoints of the issuer.
   *
   * @throws Refused when the document cannot be read, names another issuer or an endpoint that is
   *     not allowed
   */
  StaffIdentityProviders.Endpoints discover(String issuer) {
    String problem = problem(issuer);
    if (problem != null) {
      throw new Refused(problem);
    }
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    OutboundHttp.Response response;
    try {
      response =
          http.send(
              OutboundHttp.Request.get(URI.create(base + "/.well-known/openid-configuration"))
                  .header("Accept", "application/json"));
    } catch (OutboundHttp.Failure e) {
      throw new Refused("staffidp.error.issuer.unreachable");
    }
    if (response.status() != 200 || !response.complete()) {
      throw new Refused("staffidp.error.issuer.discovery");
    }
    JsonNode document;
    try {
      document = JsonMapper.builder().build().readTree(response.body());
    } catch (RuntimeException notJson) {
      throw new Refused("staffidp.error.issuer.discovery");
    }
    // OpenID Connect Discovery 1.0, 4.3: the issuer in the document must be the one asked for.
    if (!issuer.equals(text(document, "issuer"))) {
      throw new Refused("staffidp.error.issuer.mismatch");
    }
    String userInfo = text(document, "userinfo_endpoint");
    return new StaffIdentityProviders.Endpoints(
        issuer,
        endpoint(document, "authorization_endpoint"),
        endpoint(document, "token_endpoint"),
        endpoint(document, "jwks_uri"),
        userInfo == null ? null : endpoint(document, "userinfo_endpoint"));
  }

  private String endpoint(JsonNode document, String name) {
    String url = text(document, name);
    if (url == null || url.length() > 1000) {
      throw new Refused("staffidp.error.issuer.discovery");
    }
    if (targets.problem(url).isPresent()) {
      throw new Refused("staffidp.error.issuer.endpoint");
    }
    return url;
  }

  private static @Nullable String text(JsonNode document, String name) {
    JsonNode value = document.get(name);
    return value != null && value.isString() ? value.asString() : null;
  }

  private static String key(OutboundReason reason) {
    return switch (reason) {
      case HTTPS -> "staffidp.error.issuer.https";
      case BLOCKED -> "staffidp.error.issuer.blocked";
      case UNKNOWN_HOST -> "staffidp.error.issuer.unresolvable";
      default -> "staffidp.error.issuer.syntax";
    };
  }
}
