package de.amtsweg.delivery;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import de.amtsweg.platform.OutboundReason;
import de.amtsweg.platform.OutboundTargets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checks of what tenant admins enter for a route: addresses, keys, mailboxes, folders. */
final class RouteValidation {

  /** The largest JWK accepted (a 4096-bit RSA public key is well under 1 KB). */
  static final int MAX_JWK_CHARS = 8_000;

  static final int MAX_URL_CHARS = 2_000;
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

  /** One to five folder names of letters, digits, dot, dash and underscore; never "." or "..". */
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}");

  private static final int MAX_SEGMENTS = 5;

  private RouteValidation() {}

  static boolean isEmail(String value) {
    return value.length() <= 320 && EMAIL.matcher(value).matches();
  }

  /**
   * A sub-folder below {@code base} as it is stored ({@code ""} for the folder itself); null when
   * it is not allowed (too deep, odd names, or leading outside).
   */
  static @Nullable String folder(String directory, Path base) {
    String folder = directory.strip().replace('\\', '/');
    folder = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    if (folder.isEmpty()) {
      return folder;
    }
    String[] segments = folder.split("/", -1);
    boolean valid = segments.length <= MAX_SEGMENTS;
    for (String segment : segments) {
      valid &= SEGMENT.matcher(segment).matches() && !segment.startsWith("..");
    }
    return valid && base.resolve(folder).normalize().startsWith(base) ? folder : null;
  }

  /**
   * What is wrong with a receiver's address, as a message key; null when it is fine. The address
   * rules (https, no internal network) are the platform's, see {@link OutboundTargets}.
   *
   * @param unresolvableAllowed whether a name that does not resolve now may be saved (routes moved
   *     at start-up, when nobody could correct it; the push checks again)
   */
  static @Nullable String urlProblem(
      String url, OutboundTargets targets, boolean unresolvableAllowed) {
    if (url.length() > MAX_URL_CHARS) {
      return "delivery.routes.error.url.size";
    }
    return targets
        .problem(url)
        .filter(reason -> !(unresolvableAllowed && reason == OutboundReason.UNKNOWN_HOST))
        .map(
            reason ->
                switch (reason) {
                  case HTTPS -> "delivery.routes.error.url.https";
                  case BLOCKED -> "delivery.routes.error.url.blocked";
                  case UNKNOWN_HOST -> "delivery.routes.error.url.unresolvable";
                  default -> "delivery.routes.error.url.syntax";
                })
        .orElse(null);
  }

  /** What is wrong with a receiver's public key (JWK), as a message key; null when it is fine. */
  static @Nullable String jwkProblem(String json) {
    if (json.length() > MAX_JWK_CHARS) {
      return "delivery.routes.error.jwk.syntax";
    }
    JWK jwk;
    try {
      jwk = JWK.parse(json);
    } catch (ParseException | RuntimeException e) {
      return "delivery.routes.error.jwk.syntax";
    }
    if (jwk.isPrivate()) {
      return "delivery.routes.error.jwk.private";
    }
    if (jwk instanceof RSAKey rsa) {
      return rsa.size() < 2048 ? "delivery.routes.error.jwk.weak" : null;
    }
    if (jwk instanceof ECKey) {
      return null;
    }
    return "delivery.routes.error.jwk.type";
  }
}
