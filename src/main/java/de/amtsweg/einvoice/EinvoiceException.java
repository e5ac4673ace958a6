package de.amtsweg.einvoice;

import de.amtsweg.platform.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * An invoice request that cannot be served: unusable input, unknown invoice, wrong status change.
 */
public final class EinvoiceException extends ProblemException {

  EinvoiceException(HttpStatus status, String type, Object... arguments) {
    super(status, type, arguments);
  }

  static EinvoiceException notFound() {
    return new EinvoiceException(HttpStatus.NOT_FOUND, "einvoice-not-found");
  }

  /**
   * @param maxBytes the limit the validator applied ({@code amtsweg.einvoice.max-size})
   */
  static EinvoiceException unusable(ValidationReport report, long maxBytes) {
    ValidationReport.Unusable why = java.util.Objects.requireNonNull(report.unusable());
    String message = report.findings().isEmpty() ? "" : report.findings().getFirst().message();
    return switch (why) {
      case TOO_LARGE -> tooLarge(maxBytes);
      case NOT_XML -> new EinvoiceException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "einvoice-not-xml");
      case EMPTY -> new EinvoiceException(HttpStatus.BAD_REQUEST, "einvoice-empty");
      case NOT_WELL_FORMED ->
          new EinvoiceException(HttpStatus.BAD_REQUEST, "einvoice-not-well-formed", message);
      case DTD_FORBIDDEN -> new EinvoiceException(HttpStatus.BAD_REQUEST, "einvoice-doctype");
      case PDF_WITHOUT_INVOICE ->
          new EinvoiceException(HttpStatus.BAD_REQUEST, "einvoice-pdf-without-invoice");
      case PDF_UNREADABLE ->
          new EinvoiceException(HttpStatus.BAD_REQUEST, "einvoice-pdf-unreadable");
    };
  }

  /** An invoice over {@code amtsweg.einvoice.max-size}; the message states the limit in MB. */
  public static EinvoiceException tooLarge(long maxBytes) {
    return new EinvoiceException(
        HttpStatus.PAYLOAD_TOO_LARGE, "einvoice-too-large", maxBytes / (1024.0 * 1024.0));
  }

  static EinvoiceException transition() {
    return new EinvoiceException(HttpStatus.CONFLICT, "einvoice-status-conflict");
  }
}
