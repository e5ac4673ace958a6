package de.amtsweg.payment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What staff see of payments: a tenant's payments page by page, and one payment's history. */
@Service
public class PaymentRecords {

  private final JdbcClient jdbc;
  private final Payments payments;
  private final PaymentTable table;

  PaymentRecords(JdbcClient jdbc, Payments payments, PaymentTable table) {
    this.jdbc = jdbc;
    this.payments = payments;
    this.table = table;
  }

  /** One entry of a payment's status history. */
  public record HistoryEntry(
      @Nullable PaymentStatus from,
      PaymentStatus to,
      @Nullable Long amountCents,
      String source,
      @Nullable String actor,
      @Nullable String reason,
      OffsetDateTime at) {}

  /** The status history of a payment of the tenant, oldest first. */
  public List<HistoryEntry> history(String tenantArs, UUID id) {
    payments.ofTenant(tenantArs, id);
    return jdbc.sql("select * from payment_event where payment_id = ? order by id")
        .param(id)
        .query(
            (rs, n) ->
                new HistoryEntry(
                    rs.getString("from_status") == null
                        ? null
                        : PaymentStatus.valueOf(rs.getString("from_status")),
                    PaymentStatus.valueOf(rs.getString("to_status")),
                    (Long) rs.getObject("amount_cents"),
                    rs.getString("source"),
                    rs.getString("actor"),
                    rs.getString("reason"),
                    rs.getObject("at", OffsetDateTime.class)))
        .list();
  }

  /** What a caseworker's list shows of a payment. */
  public record Listed(Payment payment, @Nullable String lastError) {}

  /**
   * A page of the tenant's payments, newest first.
   *
   * @param status only these, or all when null
   * @param text a Kassenzeichen or Antrag reference (prefix, case-insensitive), or null
   */
  public List<Listed> search(
      String tenantArs,
      @Nullable PaymentStatus status,
      @Nullable String text,
      int limit,
      int offset) {
    String like =
        text == null || text.isBlank()
            ? null
            : text.strip()
                    .toUpperCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_")
                + "%";
    return jdbc
        .sql(
            """
            select p.* from payment p where p.tenant_ars = :ars and (cast(:status as varchar) is null or p.status = :status)
              and (cast(:like as varchar) is null or upper(p.kassenzeichen) like :like
                or exists (select 1 from payment_item i where i.payment_id = p.id and upper(i.antrag_reference) like :like))
            order by p.created_at desc, p.id limit :limit offset :offset
            """)
        .param("ars", tenantArs)
        .param("status", status == null ? null : status.name())
        .param("like", like)
        .param("limit", limit)
        .param("offset", offset)
        .query(table::map)
        .list()
        .stream()
        .map(s -> new Listed(s.payment(), s.lastError()))
        .toList();
  }
}
