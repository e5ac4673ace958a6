package de.amtsweg.einvoice;

import de.amtsweg.delivery.Deliveries;
import de.amtsweg.delivery.Delivery;
import de.amtsweg.delivery.DeliveryState;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.einvoice.Einvoices.Channel;
import de.amtsweg.einvoice.Einvoices.Filter;
import de.amtsweg.einvoice.Einvoices.Invoice;
import de.amtsweg.einvoice.Einvoices.Recipient;
import de.amtsweg.einvoice.Einvoices.RoutingProblem;
import de.amtsweg.einvoice.Einvoices.Status;
import de.amtsweg.einvoice.ValidationReport.Finding;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads invoices for the inbox and the API: one invoice with its findings and how far its export
 * got (from its delivery), and filtered lists.
 */
final class InvoiceQueries {

  private final JdbcClient jdbc;
  private final TenantManagement tenants;
  private final Deliveries deliveries;

  InvoiceQueries(JdbcClient jdbc, TenantManagement tenants, Deliveries deliveries) {
    this.jdbc = jdbc;
    this.tenants = tenants;
    this.deliveries = deliveries;
  }

  List<Invoice> list(String scope, Object[] scopeParams, Filter filter) {
    StringBuilder sql = new StringBuilder("select e.* from einvoice e where ").append(scope);
    List<Object> params = new ArrayList<>(List.of(scopeParams));
    if (filter.status() != null) {
      sql.append(" and status = ?");
      params.add(filter.status().name());
    }
    if (filter.supplier() != null && !filter.supplier().isBlank()) {
      sql.append(" and seller_name ilike ?");
      params.add(
          "%"
              + filter
                  .supplier()
                  .strip()
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%");
    }
    if (filter.from() != null) {
      sql.append(" and issue_date >= ?");
      params.add(filter.from());
    }
    if (filter.to() != null) {
      sql.append(" and issue_date <= ?");
      params.add(filter.to());
    }
    if (filter.minAmount() != null) {
      sql.append(" and payable_amount >= ?");
      params.add(filter.minAmount());
    }
    if (filter.maxAmount() != null) {
      sql.append(" and payable_amount <= ?");
      params.add(filter.maxAmount());
    }
    if (filter.dueBefore() != null) {
      sql.append(" and due_date <= ?");
      params.add(filter.dueBefore());
    }
    sql.append(" order by received_at desc limit 500");
    List<UUID> ids =
        jdbc.sql(sql.toString().replace("select e.*", "select e.id"))
            .params(params)
            .query(UUID.class)
            .list();
    Map<UUID, Delivery> exports = deliveries.ofDocuments(DocumentType.E_RECHNUNG, ids);
    return ids.stream()
        .map(this::row)
        .flatMap(Optional::stream)
        .map(i -> withExport(i, exports.get(i.id())))
        .toList();
  }

  Optional<Invoice> load(UUID id) {
    return row(id)
        .map(i -> withExport(i, deliveries.ofDocument(DocumentType.E_RECHNUNG, id).orElse(null)));
  }

  /**
   * The invoice with how far its export got: the attempts and, while it has not arrived, the last
   * error of its delivery.
   */
  private static Invoice withExport(Invoice i, @Nullable Delivery export) {
    if (export == null) {
      return i;
    }
    boolean failing = export.lastError() != null && export.state() != DeliveryState.DELIVERED;
    return new Invoice(
        i.id(),
        i.receivedAt(),
        i.channel(),
        i.organisationId(),
        i.format(),
        i.syntax(),
        i.specification(),
        i.valid(),
        i.leitwegId(),
        i.routingProblem(),
        i.recipient(),
        i.status(),
        i.statusReason(),
        i.duplicateOf(),
        i.invoiceNumber(),
        i.sellerName(),
        i.issueDate(),
        i.dueDate(),
        i.currency(),
        i.payableAmount(),
        i.findings(),
        i.version(),
        export.attempts(),
        failing ? export.lastError() : null,
        // Shown in the installation's zone by the templates (platform.Times).
        export.updatedAt());
  }

  private Optional<Invoice> row(UUID id) {
    List<Finding> findings =
        jdbc.sql(
                "select rule, severity, location, message from einvoice_finding where einvoice_id = ? order by position")
            .param(id)
            .query(
                (rs, n) ->
                    new Finding(
                        rs.getString(1),
                        ValidationReport.Severity.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4)))
            .list();
    return jdbc.sql("select * from einvoice where id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              String slug = rs.getString("tenant_slug");
              Recipient recipient =
                  slug == null
                      ? null
                      : tenants
                          .bySlug(slug)
                          .map(
                              (Tenant t) ->
                                  new Recipient(t.slug(), t.authorityArs(), t.displayName()))
                          .orElse(null);
              String routing = rs.getString("routing_problem");
              return new Invoice(
                  (UUID) rs.getObject("id"),
                  rs.getObject("received_at", OffsetDateTime.class),
                  Channel.valueOf(rs.getString("channel")),
                  (UUID) rs.getObject("organisation_id"),
                  rs.getString("format"),
                  rs.getString("syntax"),
                  rs.getString("specification"),
                  rs.getBoolean("valid"),
                  rs.getString("leitweg_id"),
                  routing == null ? null : RoutingProblem.valueOf(routing),
                  recipient,
                  Status.valueOf(rs.getString("status")),
                  rs.getString("status_reason"),
                  (UUID) rs.getObject("duplicate_of"),
                  rs.getString("invoice_number"),
                  rs.getString("seller_name"),
                  rs.getObject("issue_date", LocalDate.class),
                  rs.getObject("due_date", LocalDate.class),
                  rs.getString("currency"),
                  rs.getBigDecimal("payable_amount"),
                  findings,
                  rs.getInt("version"),
                  0,
                  null,
                  null);
            })
        .optional();
  }
}
