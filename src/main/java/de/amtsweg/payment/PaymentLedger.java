package de.amtsweg.payment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bookings of payments for the authorities' cash systems ({@code payment_booking}): one per
 * item when a payment is paid, refunds split over the items. Written in the transaction of the
 * status change that causes them.
 */
@Component
class PaymentLedger {

  /** Bookings are dated in the authorities' time zone. */
  private static final ZoneId BOOKING_ZONE = ZoneId.of("Europe/Berlin");

  private final JdbcClient jdbc;

  PaymentLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A payment was paid: one booking per item. */
  void payment(StoredPayment stored) {
    Payment payment = stored.payment();
    for (int position = 0; position < payment.items().size(); position++) {
      book(stored, "PAYMENT", position, payment.items().get(position).amountCents());
    }
  }

  /** Splits a refund over the items in order, each up to what is left of it. */
  void refund(StoredPayment stored, long amountCents) {
    Map<Integer, Long> refunded = new HashMap<>();
    jdbc.sql(
            "select item_position, sum(amount_cents) from payment_booking where payment_id = ? and type = 'REFUND'"
                + " group by item_position")
        .param(stored.payment().id())
        .query((rs, n) -> refunded.put(rs.getInt(1), rs.getLong(2)))
        .list();
    long left = amountCents;
    List<PaymentItem> items = stored.payment().items();
    for (int position = 0; position < items.size() && left > 0; position++) {
      long open = items.get(position).amountCents() - refunded.getOrDefault(position, 0L);
      long share = Math.min(open, left);
      if (share > 0) {
        book(stored, "REFUND", position, share);
        left -= share;
      }
    }
  }

  private void book(StoredPayment stored, String type, int position, long amountCents) {
    Payment payment = stored.payment();
    PaymentItem item = payment.items().get(position);
    jdbc.sql(
            """
            insert into payment_booking (payment_id, tenant_ars, type, item_position, kassenzeichen, haushaltsstelle,
              objektnummer, amount_cents, currency, payer_reference, booking_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            payment.id(),
            payment.tenantArs(),
            type,
            position,
            payment.kassenzeichen(),
            item.haushaltsstelle(),
            item.objektnummer(),
            amountCents,
            payment.currency(),
            stored.payerReference(),
            LocalDate.now(BOOKING_ZONE))
        .update();
  }
}
