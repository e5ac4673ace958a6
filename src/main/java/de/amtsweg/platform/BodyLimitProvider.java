package de.amtsweg.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;

/**
 * SPI: a module that knows a request's body limit only from the request itself (the Antrag API: the
 * files its app allows) declares a bean; the first one that answers decides. See {@link BodyLimit}
 * for fixed limits by path.
 */
public interface BodyLimitProvider {

  /** The limit in bytes for this request, or empty when this provider does not know it. */
  OptionalLong limit(HttpServletRequest request);
}
