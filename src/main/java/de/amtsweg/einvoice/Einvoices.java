package de.amtsweg.einvoice;

import de.amtsweg.delivery.Deliveries;
import de.amtsweg.delivery.Delivery;
import de.amtsweg.delivery.DeliveryDelivered;
import de.amtsweg.delivery.DeliveryRoutes;
import de.amtsweg.delivery.DeliveryWorker;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.delivery.Handover;
import de.amtsweg.einvoice.ValidationReport.Finding;
import de.amtsweg.tenancy.TenantManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Contract;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invoice intake and inbox: validates, routes by Leitweg-ID, keeps every invoice (also rejected
 * and unroutable ones, for the operator), detects duplicates, and runs the status workflow. Lookups
 * are scoped: a supplier by its organisation, staff by their tenant.
 */
@Service
public class Einvoices {

  /** Where an invoice came in. */
  public enum Channel {
    API,
    WEB
  }

  /**
   * The inbox workflow; {@code ZURUECKGEWIESEN} is the intake's rejection (invalid, unroutable,
   * duplicate).
   */
  public enum Status {
    ZURUECKGEWIESEN,
    EINGEGANGEN,
    GEPRUEFT,
    SACHLICH_RICHTIG,
    ABGELEHNT,
    EXPORTIERT;

    /** The statuses staff may move an invoice to from this one. */
    public Set<Status> next() {
      return switch (this) {
        case EINGEGANGEN -> EnumSet.of(GEPRUEFT, ABGELEHNT);
        case GEPRUEFT -> EnumSet.of(SACHLICH_RICHTIG, ABGELEHNT);
        case SACHLICH_RICHTIG -> EnumSet.of(EXPORTIERT, ABGELEHNT);
        default -> EnumSet.noneOf(Status.class);
      };
    }
  }

  /** Why an invoice could not be routed to a tenant. */
  public enum RoutingProblem {
    MISSING,
    MALFORMED,
    WRONG_CHECK_DIGITS,
    UNKNOWN
  }

  /**
   * Who submits: a supplier organisation, through an API client or a person's account.
   *
   * @param submittedBy the API client's id or the person's account id
   * @param accountId the person's account, null for a machine (API client)
   */
  public record Submitter(
      Channel channel, UUID organisationId, String submittedBy, @Nullable UUID accountId) {

    /** A machine (API client) submitting for the organisation. */
    public Submitter(Channel channel, UUID organisationId, String clientId) {
      this(channel, organisationId, clientId, null);
    }
  }

  /** The authority an invoice is routed to. */
  public record Recipient(String slug, String ars, String name) {}

  /** A stored invoice with its report, as the inbox and the API show it. */
  public record Invoice(
      UUID id,
      OffsetDateTime receivedAt,
      Channel channel,
      UUID organisationId,
      String format,
      @Nullable String syntax,
      @Nullable String specification,
      boolean valid,
      @Nullable String leitwegId,
      @Nullable RoutingProblem routingProblem,
      @Nullable Recipient recipient,
      Status status,
      @Nullable String statusReason,
      @Nullable UUID duplicateOf,
      @Nullable String invoiceNumber,
      @Nullable String sellerName,
      @Nullable LocalDate issueDate,
      @Nullable LocalDate dueDate,
      @Nullable String currency,
      @Nullable BigDecimal payableAmount,
      List<Finding> findings,
      int version,
      int exportAttempts,
      @Nullable String exportError,
      @Nullable OffsetDateTime exportAttemptedAt) {

    public List<Finding> errors() {
      return findings.stream()
          .filter(f -> f.severity() == ValidationReport.Severity.ERROR)
          .toList();
    }
  }

  /** Filter of the inbox list; null fields do not filter. */
  public record Filter(
      @Nullable Status status,
      @Nullable String supplier,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable BigDecimal minAmount,
      @Nullable BigDecimal maxAmount,
      @Nullable LocalDate dueBefore) {
    public static Filter none() {
      return new Filter(null, null, null, null, null, null, null);
    }
  }

  private final JdbcClient jdbc;
  private final InvoiceValidator validator;
  private final TenantManagement tenants;
  private final EinvoiceProperties properties;
  private final SupplierNotices notices;
  private final Deliveries deliveries;
  private final DeliveryRoutes routes;
  private final DeliveryWorker worker;
  private final EinvoiceStatusGate gate;
  private final TransactionTemplate transaction;
  private final InvoiceQueries queries;

  Einvoices(
      JdbcClient jdbc,
      TenantManagement tenants,
      EinvoiceProperties properties,
      SupplierNotices notices,
      Deliveries deliveries,
      DeliveryRoutes routes,
      DeliveryWorker worker,
      EinvoiceStatusGate gate,
      PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.queries = new InvoiceQueries(jdbc, tenants, deliveries);
    this.notices = notices;
    this.deliveries = deliveries;
    this.routes = routes;
    this.worker = worker;
    this.gate = gate;
    this.tenants = tenants;
    this.properties = properties;
    this.validator =
        new InvoiceValidator(properties.maxSize().toBytes(), properties.acceptOutdatedXrechnung());
  }

  public long maxBytes() {
    return validator.maxBytes();
  }

  /**
   * Validates, routes and stores an invoice.
   *
   * @throws EinvoiceException for input that is no invoice at all (empty, too large, not XML, not
   *     well-formed, a DTD, a PDF without invoice): nothing is stored
   */
  public Invoice submit(Submitter submitter, byte[] content) {
    // Validation (milliseconds to seconds of CPU) runs before the transaction: no database
    // connection is held while the Schematron runs.
    ValidationReport report = validator.validate(content);
    if (report.unusable() != null) {
      throw EinvoiceException.unusable(report, maxBytes());
    }
    return transaction.execute(status -> store(submitter, content, report));
  }

  private Invoice store(Submitter submitter, byte[] content, ValidationReport report) {
    InvoiceData data = report.data();
    String bt10 = report.buyerReference();
    LeitwegId.Parsed parsed = LeitwegId.parse(bt10);
    String number = data == null ? null : data.invoiceNumber();
    // One round trip for both lookups: the tenant of the Leitweg-ID (LeitwegRegistry's table) and
    // an earlier invoice of the supplier with the same number.
    Object[] found =
        jdbc.sql(
                """
        select (select tenant_slug from einvoice_leitweg_id where leitweg_id = ?),
          (select id from einvoice where organisation_id = ? and invoice_number = ? and status <> 'ZURUECKGEWIESEN'
           order by received_at limit 1)""")
            .params(
                parsed.id() != null ? parsed.id().toString() : null,
                submitter.organisationId(),
                number)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)})
            .single();
    String tenant = parsed.ok() ? (String) found[0] : null;
    RoutingProblem routing =
        !parsed.ok()
            ? RoutingProblem.valueOf(String.valueOf(parsed.problem()))
            : tenant == null ? RoutingProblem.UNKNOWN : null;
    UUID duplicateOf = number == null ? null : (UUID) found[1];
    Status status =
        report.valid() && routing == null && duplicateOf == null
            ? Status.EINGEGANGEN
            : Status.ZURUECKGEWIESEN;
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now();
    List<Finding> findings = report.findings();
    // The invoice and all its findings in one statement (a rejected invoice can have dozens). The
    // XML is kept separately only for a PDF; for an XML invoice it is the original.
    jdbc.sql(
            """
        with invoice as (
          insert into einvoice (id, received_at, channel, organisation_id, submitted_by, submitted_by_account, format,
            syntax, specification, valid, leitweg_id, routing_problem, tenant_slug, status, duplicate_of, invoice_number,
            seller_name, issue_date, due_date, currency, payable_amount, original, original_type, xml)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          returning id)
        insert into einvoice_finding (einvoice_id, position, rule, severity, location, message)
        select invoice.id, (t.n - 1)::int, t.rule, t.severity, t.location, t.message
        from invoice, unnest(?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as t(rule, severity, location, message, n)""")
        .params(
            id,
            now,
            submitter.channel().name(),
            submitter.organisationId(),
            submitter.submittedBy(),
            submitter.accountId(),
            report.format(),
            report.syntax(),
            cut(report.specification(), 300),
            report.valid(),
            cut(bt10, 100),
            routing == null ? null : routing.name(),
            tenant,
            status.name(),
            duplicateOf,
            cut(number, 200),
            data == null ? null : cut(data.sellerName(), 300),
            data == null ? null : data.issueDate(),
            data == null ? null : data.dueDate(),
            data == null ? null : cut(data.currency(), 3),
            data == null ? null : data.payableAmount(),
            content,
            "PDF".equals(report.format()) ? "application/pdf" : "application/xml",
            "PDF".equals(report.format()) ? report.xml() : null,
            findings.stream().map(f -> cut(f.rule(), 100)).toArray(String[]::new),
            findings.stream().map(f -> f.severity().name()).toArray(String[]::new),
            findings.stream().map(Finding::location).toArray(String[]::new),
            findings.stream().map(Finding::message).toArray(String[]::new))
        .update();
    if (status == Status.ZURUECKGEWIESEN) {
      notices.intakeRejected(submitter);
    }
    Recipient recipient =
        tenant == null
            ? null
            : tenants
                .bySlug(tenant)
                .map(t -> new Recipient(t.slug(), t.authorityArs(), t.displayName()))
                .orElse(null);
    return new Invoice(
        id,
        now,
        submitter.channel(),
        submitter.organisationId(),
        report.format(),
        report.syntax(),
        report.specification(),
        report.valid(),
        bt10,
        routing,
        recipient,
        status,
        null,
        duplicateOf,
        number,
        data == null ? null : data.sellerName(),
        data == null ? null : data.issueDate(),
        data == null ? null : data.dueDate(),
        data == null ? null : data.currency(),
        data == null ? null : data.payableAmount(),
        findings,
        0,
        0,
        null,
        null);
  }

  /** An invoice the organisation submitted. */
  public Invoice ofSupplier(Set<UUID> organisations, UUID id) {
    return queries
        .load(id)
        .filter(i -> organisations.contains(i.organisationId()))
        .orElseThrow(EinvoiceException::notFound);
  }

  /** An invoice routed to the tenant (and accepted at intake). */
  public Invoice ofTenant(String tenantSlug, UUID id) {
    return queries
        .load(id)
        .filter(
            i ->
                i.recipient() != null
                    && i.recipient().slug().equals(tenantSlug)
                    && i.status() != Status.ZURUECKGEWIESEN)
        .orElseThrow(EinvoiceException::notFound);
  }

  /** Any invoice, for the operator. */
  public Invoice any(UUID id) {
    return queries.load(id).orElseThrow(EinvoiceException::notFound);
  }

  public List<Invoice> listForSupplier(Set<UUID> organisations) {
    if (organisations.isEmpty()) {
      return List.of();
    }
    return queries.list(
        "organisation_id = any(?)",
        new Object[] {organisations.toArray(UUID[]::new)},
        Filter.none());
  }

  public List<Invoice> listForTenant(String tenantSlug, Filter filter) {
    return queries.list(
        "tenant_slug = ? and status <> 'ZURUECKGEWIESEN'", new Object[] {tenantSlug}, filter);
  }

  /** Everything, for the operator: also rejected and unroutable invoices. */
  public List<Invoice> listAll(Filter filter) {
    return queries.list("true", new Object[0], filter);
  }

  /** The original as received (XML or PDF) with its content type. */
  public record Original(byte[] content, String contentType) {}

  public Original original(UUID id) {
    return jdbc.sql("select original, original_type from einvoice where id = ?")
        .param(id)
        .query((rs, n) -> new Original(rs.getBytes(1), rs.getString(2)))
        .optional()
        .orElseThrow(EinvoiceException::notFound);
  }

  /** The invoice XML (embedded XML for a PDF) for the human-readable view and the export. */
  public Optional<InvoiceData> data(UUID id) {
    byte[] xml =
        jdbc.sql("select coalesce(xml, original) from einvoice where id = ?")
            .param(id)
            .query(byte[].class)
            .optional()
            .orElse(null);
    if (xml == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(validator.read(xml));
  }

  /**
   * Moves an invoice of the tenant to the next status. {@code EXPORTIERT} goes through {@link
   * #export}.
   *
   * @param reason required for {@code ABGELEHNT}, sent to the supplier
   */
  @Transactional
  public Invoice changeStatus(
      String tenantSlug, UUID id, Status to, @Nullable String reason, int expectedVersion) {
    if (to == Status.EXPORTIERT) {
      return export(tenantSlug, id, expectedVersion);
    }
    Invoice invoice = ofTenant(tenantSlug, id);
    if (!invoice.status().next().contains(to) || invoice.version() != expectedVersion) {
      throw EinvoiceException.transition();
    }
    if (to == Status.ABGELEHNT && (reason == null || reason.isBlank())) {
      throw new EinvoiceException(HttpStatus.BAD_REQUEST, "einvoice-reason-missing");
    }
    gate.change(
        invoice.id(),
        invoice.status(),
        to,
        reason == null || reason.isBlank() ? null : reason.strip(),
        expectedVersion,
        "changed by staff");
    if (to == Status.ABGELEHNT) {
      // A declined invoice must not reach the finance system by a retry of an earlier export.
      deliveries.withdraw(DocumentType.E_RECHNUNG, id);
      notices.declined(invoice.organisationId(), submittedBy(id));
    }
    return ofTenant(tenantSlug, id);
  }

  /** The account of the person who submitted the invoice; null when a machine did. */
  private @Nullable UUID submittedBy(UUID id) {
    return jdbc
        .sql("select submitted_by_account from einvoice where id = ?")
        .param(id)
        .query((rs, n) -> rs.getObject(1, UUID.class))
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /**
   * Exports a {@code SACHLICH_RICHTIG} invoice to the finance system along the tenant's route for
   * e-invoices, through the delivery engine, and tries it at once; only when that succeeds it
   * becomes {@code EXPORTIERT} (see {@link #on(DeliveryDelivered)}). A failure stays on the
   * delivery (attempts, error, time) for the inbox; the delivery worker retries it by itself, and
   * the same call tries it again at once. Runs outside a database transaction: no connection is
   * held while the finance system answers.
   *
   * @return the invoice afterwards: {@code EXPORTIERT}, or unchanged with {@code exportError}
   * @throws EinvoiceException {@code einvoice-status-conflict}, {@code
   *     einvoice-export-unconfigured}
   */
  public Invoice export(String tenantSlug, UUID id, int expectedVersion) {
    Invoice invoice = ofTenant(tenantSlug, id);
    if (!invoice.status().next().contains(Status.EXPORTIERT)
        || invoice.version() != expectedVersion) {
      throw EinvoiceException.transition();
    }
    Recipient recipient = java.util.Objects.requireNonNull(invoice.recipient());
    if (routes.route(recipient.ars(), DocumentType.E_RECHNUNG, "").isEmpty()) {
      throw new EinvoiceException(HttpStatus.CONFLICT, "einvoice-export-unconfigured");
    }
    Delivery delivery =
        deliveries
            .ofDocument(DocumentType.E_RECHNUNG, id)
            .map(deliveries::resend)
            .orElseGet(
                () ->
                    deliveries.handOver(
                        new Handover(
                            DocumentType.E_RECHNUNG,
                            id,
                            invoice.invoiceNumber() == null
                                ? id.toString()
                                : cut(invoice.invoiceNumber(), 200),
                            recipient.ars(),
                            "",
                            invoice.receivedAt())));
    worker.pushNow(delivery.id());
    return ofTenant(tenantSlug, id);
  }

  /**
   * The invoice reached the finance system (now, or by a retry of the delivery worker): it is
   * {@code EXPORTIERT}. In the transaction that records the delivery, so the two never disagree.
   */
  @EventListener
  void on(DeliveryDelivered delivered) {
    if (delivered.type() != DocumentType.E_RECHNUNG) {
      return;
    }
    queries
        .load(delivered.documentId())
        .filter(i -> i.status() == Status.SACHLICH_RICHTIG)
        .ifPresent(
            i -> gate.change(i.id(), i.status(), Status.EXPORTIERT, null, i.version(), "exported"));
  }

  @Contract("!null, _ -> !null")
  private static @Nullable String cut(@Nullable String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
