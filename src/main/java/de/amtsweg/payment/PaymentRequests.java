package de.amtsweg.payment;

import java.net.URI;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checks of a payment request before anything is stored or a payment service is asked. */
final class PaymentRequests {

  private static final Pattern ARS = Pattern.compile("[0-9]{12}");

  private PaymentRequests() {}

  static void validate(PaymentRequest request) {
    if (!ARS.matcher(request.tenantArs()).matches()) {
      throw new PaymentException.Invalid("tenantArs");
    }
    if (request.items().isEmpty() || request.items().size() > Payments.MAX_ITEMS) {
      throw new PaymentException.Invalid("items");
    }
    for (PaymentItem item : request.items()) {
      if (item.amountCents() <= 0 || item.amountCents() > 100_000_000_00L) {
        throw new PaymentException.Invalid("amountCents");
      }
      if (item.antragReference().isBlank() || item.antragReference().length() > 40) {
        throw new PaymentException.Invalid("antragReference");
      }
      if (item.description().isBlank() || item.description().length() > 200) {
        throw new PaymentException.Invalid("description");
      }
      if (tooLong(item.haushaltsstelle()) || tooLong(item.objektnummer())) {
        throw new PaymentException.Invalid("haushaltsstelle");
      }
    }
    if (request.payerReference().isBlank() || request.payerReference().length() > 100) {
      throw new PaymentException.Invalid("payerReference");
    }
    if (!webAddress(request.returnUrl()) || !webAddress(request.cancelUrl())) {
      throw new PaymentException.Invalid("returnUrl");
    }
  }

  private static boolean tooLong(@Nullable String value) {
    return value != null && value.length() > 40;
  }

  /** An absolute http(s) address, or a path on this host (starting with one slash). */
  static boolean webAddress(URI uri) {
    String text = uri.toString();
    if (text.length() > 1000) {
      return false;
    }
    if (uri.isAbsolute()) {
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null;
    }
    return text.startsWith("/") && !text.startsWith("//") && uri.getHost() == null;
  }
}
