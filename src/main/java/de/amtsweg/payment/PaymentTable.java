package de.amtsweg.payment;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code payment} table with its items: a new payment with its Kassenzeichen, and reading
 * payments back. Status changes are not made here but by {@link Payments#change}, the gate.
 */
@Component
class PaymentTable {

  private static final Logger log = LoggerFactory.getLogger(PaymentTable.class);

  private final JdbcClient jdbc;

  PaymentTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<StoredPayment> stored(UUID id) {
    return jdbc.sql("select * from payment where id = ?").param(id).query(this::map).optional();
  }

  /** The payment, locked for a change in the caller's transaction. */
  Optional<StoredPayment> lock(UUID id) {
    return jdbc.sql("select * from payment where id = ? for update")
        .param(id)
        .query(this::map)
        .optional();
  }

  /** The payment a provider's transaction belongs to. */
  Optional<StoredPayment> byTransaction(String provider, String tenantArs, String transactionId) {
    return jdbc.sql(
            "select * from payment where provider = ? and provider_transaction_id = ? and tenant_ars = ?")
        .params(provider, transactionId, tenantArs)
        .query(this::map)
        .optional();
  }

  Optional<StoredPayment> byKey(UUID key) {
    return jdbc.sql("select * from payment where idempotency_key = ?")
        .param(key)
        .query(this::map)
        .optional();
  }

  /** Writes a new payment with its items and first history row; one per idempotency key. */
  StoredPayment insert(PaymentRequest request, PaymentConfig config, long total) {
    UUID id = UUID.randomUUID();
    String kassenzeichen = nextKassenzeichen(config);
    int inserted =
        jdbc.sql(
                """
            insert into payment (id, tenant_ars, idempotency_key, kassenzeichen, status, amount_cents, currency, provider,
              account_id, payer_reference, return_url, cancel_url)
            values (?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing
            """)
            .params(
                id,
                request.tenantArs(),
                request.idempotencyKey(),
                kassenzeichen,
                total,
                Payments.CURRENCY,
                config.provider(),
                request.accountId(),
                request.payerReference(),
                request.returnUrl().toString(),
                request.cancelUrl().toString())
            .update();
    if (inserted == 0) {
      return byKey(request.idempotencyKey()).orElseThrow();
    }
    int position = 0;
    for (PaymentItem item : request.items()) {
      jdbc.sql(
              """
              insert into payment_item (payment_id, position, antrag_reference, description, amount_cents, haushaltsstelle,
                objektnummer) values (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              position++,
              item.antragReference(),
              item.description().strip(),
              item.amountCents(),
              Objects.requireNonNullElse(
                  PaymentConfigs.blankToNull(item.haushaltsstelle()), config.haushaltsstelle()),
              Optional.ofNullable(PaymentConfigs.blankToNull(item.objektnummer()))
                  .orElse(config.objektnummer()))
          .update();
    }
    jdbc.sql(
            "insert into payment_event (payment_id, to_status, amount_cents, source) values (?, 'CREATED', ?, 'REQUEST')")
        .params(id, total)
        .update();
    log.info(
        "Payment {} ({}) of {} cents created at {}", id, kassenzeichen, total, config.provider());
    return stored(id).orElseThrow();
  }

  private String nextKassenzeichen(PaymentConfig config) {
    int year = LocalDate.now(Payments.BOOKING_ZONE).getYear();
    long number =
        jdbc.sql(
                """
            insert into payment_kassenzeichen_counter (tenant_ars, year, last_value) values (?, ?, 1)
            on conflict (tenant_ars, year) do update set last_value = payment_kassenzeichen_counter.last_value + 1
            returning last_value
            """)
            .params(config.tenantArs(), year)
            .query(Long.class)
            .single();
    return config.kassenzeichenScheme().format(config.kassenzeichenPrefix(), year, number);
  }

  StoredPayment map(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    List<PaymentItem> items =
        new ArrayList<>(
            jdbc.sql("select * from payment_item where payment_id = ? order by position")
                .param(id)
                .query(
                    (r, n) ->
                        new PaymentItem(
                            r.getString("antrag_reference"),
                            r.getString("description"),
                            r.getLong("amount_cents"),
                            r.getString("haushaltsstelle"),
                            r.getString("objektnummer")))
                .list());
    String payUrl = rs.getString("pay_url");
    PaymentStatus status = PaymentStatus.valueOf(rs.getString("status"));
    boolean cancelRequested = rs.getObject("cancel_requested_at") != null;
    Payment payment =
        new Payment(
            id,
            rs.getString("tenant_ars"),
            rs.getString("kassenzeichen"),
            status,
            rs.getLong("amount_cents"),
            rs.getLong("refunded_cents"),
            rs.getString("currency"),
            payUrl == null || !status.open() || cancelRequested ? null : URI.create(payUrl),
            items,
            rs.getString("provider"),
            rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class),
            cancelRequested);
    return new StoredPayment(
        payment,
        rs.getString("provider_transaction_id"),
        URI.create(rs.getString("return_url")),
        URI.create(rs.getString("cancel_url")),
        rs.getString("payer_reference"),
        rs.getString("last_error"),
        rs.getInt("attempts"),
        rs.getString("cancel_reason"),
        rs.getBoolean("late_refund_due"));
  }
}
