package de.amtsweg.payment;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Payment requests as the Warenkorb makes them. */
final class PaymentFixtures {

  static final String ERFURT = "160510000000";
  static final String JENA = "160530000000";

  private PaymentFixtures() {}

  static PaymentRequest request(String tenantArs, long... amounts) {
    List<PaymentItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      items.add(
          new PaymentItem(
              "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
              "Meldebescheinigung " + i,
              amounts[i],
              i == 1 ? "1.1220.1100" : null,
              null));
    }
    return new PaymentRequest(
        tenantArs,
        UUID.randomUUID(),
        items,
        null,
        "cart-" + UUID.randomUUID(),
        URI.create("/warenkorb/zurueck"),
        URI.create("/warenkorb/abgebrochen"));
  }
}
