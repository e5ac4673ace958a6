package de.amtsweg.platform;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * Checks a bearer token sent to {@code /api/**} ({@code Authorization: Bearer …}). Modules that
 * issue tokens provide one; the security configuration asks each in turn. A request with a token
 * that none accepts is refused with 401.
 */
public interface ApiTokenAuthenticator {

  /** The authentication for this token, if this authenticator issued it and it is valid now. */
  Optional<Authentication> authenticate(String token);
}
