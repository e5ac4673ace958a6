package de.amtsweg.catalog;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** Why a request to the catalog could not be answered; {@link #type()} names the reason. */
public class CatalogException extends ProblemException {

  /** No Leistung has this key. */
  public static final String NOT_FOUND = "leistung-not-found";

  /** The key is not 14 digits starting with 99. */
  public static final String MALFORMED_KEY = "malformed-leika-key";

  /** The query is longer than allowed. */
  public static final String QUERY_TOO_LONG = "service-query-too-long";

  /** The assessment does not fit its model (level out of range) or lies in the future. */
  public static final String INVALID_REIFEGRAD = "invalid-reifegrad";

  /** The Leistung already has an override in this region. */
  public static final String OVERRIDE_EXISTS = "zustaendigkeit-override-exists";

  /** An Organisationseinheit, Onlinedienst or Zuständigkeit with a malformed field (named). */
  public static final String INVALID_VERBUND_OBJECT = "invalid-verbund-object";

  /** A text module in an unknown language, or longer than allowed. */
  public static final String INVALID_TEXT_MODULE = "invalid-text-module";

  CatalogException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }

  static CatalogException notFound(String leikaKey) {
    return new CatalogException(HttpStatus.NOT_FOUND, NOT_FOUND, leikaKey);
  }

  /**
   * @return the key, trimmed
   * @throws CatalogException {@link #MALFORMED_KEY}
   */
  public static String requireLeikaKey(String candidate) {
    String key = candidate.strip();
    if (!key.matches("99[0-9]{12}")) {
      throw new CatalogException(
          HttpStatus.BAD_REQUEST,
          MALFORMED_KEY,
          key.length() > 20 ? key.substring(0, 20) + "…" : key);
    }
    return key;
  }
}
