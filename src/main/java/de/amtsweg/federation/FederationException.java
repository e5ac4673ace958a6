package de.amtsweg.federation;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/** A request to the Portalverbund's APIs that cannot be answered; {@link #type()} names why. */
public class FederationException extends ProblemException {

  /** {@code index} of the export is no whole number from 0. */
  public static final String INVALID_INDEX = "invalid-export-index";

  /** {@code leikaKey} of the routes is not 14 digits starting with 99. */
  public static final String INVALID_LEIKA_KEY = "invalid-routing-leika-key";

  /** {@code ars} of the routes is not 12 digits. */
  public static final String INVALID_ARS = "invalid-routing-ars";

  FederationException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }

  /** A 400 of this type, quoting the value (shortened). */
  public static FederationException badRequest(String type, String value) {
    String shown = value.length() > 20 ? value.substring(0, 20) + "…" : value;
    return new FederationException(HttpStatus.BAD_REQUEST, type, shown);
  }
}
