package de.amtsweg.delivery;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragPayments;
import de.amtsweg.applications.AntragStatus;
import de.amtsweg.applications.AntragSubmitted;
import de.amtsweg.applications.Attachments;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries of submitted Anträge. The record is written by the listener below in the submitting
 * transaction (outbox): an Antrag that exists has a delivery, and a rolled-back submission has
 * none. Every read and change is scoped to the caller's tenant; state changes go through {@link
 * DeliveryState#canBecome} and are guarded by a row lock, so two requests of a Fachverfahren cannot
 * both count as the first. Logs carry ids, reference numbers and states, never answers.
 */
@Service
public class Deliveries {

  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  /** Authorities write to citizens in German, as the rest of the Postfach does. */
  private static final Locale AUTHORITY_LOCALE = Locale.GERMAN;

  /** Timeline entries this module writes ({@code applications.event.<type>}). */
  static final String EVENT_DELIVERED = "DELIVERED";

  static final String EVENT_ACKNOWLEDGED = "ACKNOWLEDGED";

  private final JdbcClient jdbc;
  private final DeliveryRoutes routes;
  private final AntragManagement antraege;
  private final Attachments attachments;
  private final Postfach postfach;
  private final MessageSource messages;
  private final ApplicationEventPublisher events;
  private final DeliveryMails mails;
  private final AntragPayments payments;

  Deliveries(
      JdbcClient jdbc,
      DeliveryRoutes routes,
      AntragManagement antraege,
      Attachments attachments,
      Postfach postfach,
      MessageSource messages,
      ApplicationEventPublisher events,
      DeliveryMails mails,
      AntragPayments payments) {
    this.jdbc = jdbc;
    this.payments = payments;
    this.mails = mails;
    this.routes = routes;
    this.antraege = antraege;
    this.attachments = attachments;
    this.postfach = postfach;
    this.messages = messages;
    this.events = events;
  }

  /**
   * In the submitting transaction: queue the delivery on the tenant's route for the app. The case
   * inbox is part of Amtsweg, so an Antrag routed there (also with an e-mail notice) is delivered
   * at once; a webhook delivery is due for the worker at once.
   */
  @EventListener
  void on(AntragSubmitted submitted) {
    Antrag antrag = antraege.get(submitted.antragId());
    DeliveryRoutes.Route route = routes.route(submitted.tenantArs(), submitted.appId());
    DeliveryChannel channel = route.channel();
    UUID id = UUID.randomUUID();
    boolean inbox = channel.caseInbox();
    OffsetDateTime now = OffsetDateTime.now();
    int inserted =
        jdbc.sql(
                """
            insert into delivery (id, antrag_id, reference, tenant_ars, app_id, channel, state, idempotency_key,
              submitted_at, delivered_at, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (antrag_id) do nothing
            """)
            .params(
                id,
                submitted.antragId(),
                submitted.reference(),
                submitted.tenantArs(),
                submitted.appId(),
                channel.name(),
                (inbox ? DeliveryState.DELIVERED : DeliveryState.QUEUED).name(),
                UUID.randomUUID(),
                antrag.submittedAt(),
                inbox ? now : null,
                channel == DeliveryChannel.WEBHOOK ? now : null)
            .update();
    if (inserted == 1 && inbox) {
      toCaseInbox(
          id,
          submitted.antragId(),
          submitted.reference(),
          submitted.tenantArs(),
          submitted.appId(),
          false);
      if (channel == DeliveryChannel.EMAIL_NOTICE) {
        mails.notice(route, submitted.reference());
      }
    }
    log.info("Delivery {} of Antrag {} queued for {}", id, submitted.reference(), channel);
  }

  /** A push was accepted: "delivered" on the applicant's timeline. */
  void addDeliveredEvent(UUID antragId) {
    antraege.addEvent(antragId, EVENT_DELIVERED, null);
  }

  /** The Antrag is in the case inbox: on the applicant's timeline, and announced to casework. */
  void toCaseInbox(
      UUID deliveryId,
      UUID antragId,
      String reference,
      String tenantArs,
      String appId,
      boolean fellBack) {
    antraege.addEvent(antragId, EVENT_DELIVERED, null);
    events.publishEvent(
        new CaseInboxDelivered(deliveryId, antragId, reference, tenantArs, appId, fellBack));
  }

  /**
   * A caseworker opened an Antrag in the case inbox: the authority has it. Repeating it changes
   * nothing. Does nothing for an Antrag that is not in the case inbox.
   */
  @Transactional
  public void acknowledgeInCaseInbox(UUID antragId) {
    Optional<Delivery> delivery =
        jdbc.sql("select * from delivery where antrag_id = ? for update")
            .param(antragId)
            .query(Deliveries::map)
            .optional();
    if (delivery.isEmpty()) {
      return;
    }
    Delivery d = delivery.get();
    boolean inInbox = d.channel().caseInbox() || d.state() == DeliveryState.FELL_BACK;
    if (!inInbox || !d.state().canBecome(DeliveryState.ACKNOWLEDGED)) {
      return;
    }
    jdbc.sql(
            "update delivery set state = 'ACKNOWLEDGED', acknowledged_at = now(), updated_at = now() where id = ?")
        .param(d.id())
        .update();
    antraege.addEvent(antragId, EVENT_ACKNOWLEDGED, null);
    log.info("Delivery {} of Antrag {} acknowledged in the case inbox", d.id(), d.reference());
  }

  /** One page of a tenant's open pull deliveries, oldest first. */
  public record Page(List<Delivery> deliveries, int offset, long total) {}

  /** The tenant's deliveries on the pull route that are not acknowledged yet. */
  public Page pending(String tenantArs, int limit, int offset) {
    String open =
        "tenant_ars = ? and channel = 'PULL_API' and state in ('QUEUED', 'DELIVERED', 'FAILED')";
    long total =
        jdbc.sql("select count(*) from delivery where " + open)
            .param(tenantArs)
            .query(Long.class)
            .single();
    List<Delivery> page =
        jdbc.sql(
                "select * from delivery where "
                    + open
                    + " order by submitted_at, id limit ? offset ?")
            .params(tenantArs, limit, offset)
            .query(Deliveries::map)
            .list();
    return new Page(page, offset, total);
  }

  /** A delivery of the tenant on the pull or webhook route; another tenant's is not found. */
  public Delivery get(String tenantArs, UUID id) {
    return find(tenantArs, id, false).orElseThrow(DeliveryException.NotFound::new);
  }

  /** The delivery of an Antrag, whatever its route (for the cockpit and the tests). */
  public Optional<Delivery> ofAntrag(UUID antragId) {
    return jdbc.sql("select * from delivery where antrag_id = ?")
        .param(antragId)
        .query(Deliveries::map)
        .optional();
  }

  /**
   * What a Fachverfahren fetches: the delivery and its Antrag with the files' metadata.
   *
   * @param payment what is due online for the Antrag and how far it is paid; null when nothing is
   */
  public record Fetched(
      Delivery delivery,
      Antrag antrag,
      List<Attachments.Stored> attachments,
      @Nullable PaymentState payment) {}

  /**
   * The fee paid (or due) online, for the authority's records.
   *
   * @param amount euro with two decimals, e.g. {@code "5.00"}
   */
  public record PaymentState(
      String status, String amount, String currency, @Nullable String kassenzeichen) {}

  private Fetched fetched(Delivery delivery) {
    Antrag antrag = antraege.get(delivery.antragId());
    PaymentState payment =
        payments
            .due(antrag)
            .map(
                due ->
                    new PaymentState(
                        due.status().name(),
                        BigDecimal.valueOf(due.amountCents(), 2).toPlainString(),
                        "EUR",
                        due.kassenzeichen()))
            .orElse(null);
    return new Fetched(delivery, antrag, attachments.listOfAntrag(delivery.antragId()), payment);
  }

  /**
   * Hands a submission to the tenant's Fachverfahren. The first fetch makes it delivered and puts
   * "delivered" on the applicant's timeline; every fetch counts as an attempt.
   */
  @Transactional
  public Fetched fetch(String tenantArs, UUID id) {
    Delivery delivery = find(tenantArs, id, true).orElseThrow(DeliveryException.NotFound::new);
    if (delivery.state().canBecome(DeliveryState.DELIVERED)) {
      jdbc.sql(
              """
              update delivery set state = 'DELIVERED', attempts = attempts + 1, delivered_at = now(), last_error = null,
                updated_at = now() where id = ?
              """)
          .param(id)
          .update();
      antraege.addEvent(delivery.antragId(), EVENT_DELIVERED, null);
      log.info("Delivery {} of Antrag {} fetched", id, delivery.reference());
    } else if (delivery.state() == DeliveryState.DELIVERED) {
      jdbc.sql("update delivery set attempts = attempts + 1, updated_at = now() where id = ?")
          .param(id)
          .update();
    }
    return fetched(get(tenantArs, id));
  }

  /** A file of a submission of the tenant. */
  public Attachments.Content attachment(String tenantArs, UUID id, UUID attachmentId) {
    Delivery delivery = get(tenantArs, id);
    return attachments
        .ofAntrag(delivery.antragId(), attachmentId)
        .orElseThrow(DeliveryException.NotFound::new);
  }

  /** The receipt PDF of a submission of the tenant. */
  public byte[] receipt(String tenantArs, UUID id) {
    return antraege.receipt(get(tenantArs, id).antragId());
  }

  /**
   * The Fachverfahren confirms receipt. Repeating it changes nothing and answers the same.
   *
   * @throws DeliveryException.NotFetched when it was never fetched
   */
  @Transactional
  public Delivery acknowledge(String tenantArs, UUID id) {
    Delivery delivery = find(tenantArs, id, true).orElseThrow(DeliveryException.NotFound::new);
    if (delivery.state() == DeliveryState.ACKNOWLEDGED) {
      return delivery;
    }
    // A delivery that fell back is the case inbox's to acknowledge.
    if (delivery.state() != DeliveryState.DELIVERED) {
      throw new DeliveryException.NotFetched();
    }
    jdbc.sql(
            "update delivery set state = 'ACKNOWLEDGED', acknowledged_at = now(), updated_at = now() where id = ?")
        .param(id)
        .update();
    antraege.addEvent(delivery.antragId(), EVENT_ACKNOWLEDGED, null);
    log.info("Delivery {} of Antrag {} acknowledged", id, delivery.reference());
    return get(tenantArs, id);
  }

  /**
   * A status report of the Fachverfahren.
   *
   * @param message text for the applicant, if any
   * @param bescheid the Bescheid as PDF, if any
   */
  public record Report(
      AntragStatus status, @Nullable String message, @Nullable Bescheid bescheid) {}

  /** A Bescheid as PDF. */
  public record Bescheid(String fileName, byte[] pdf) {}

  /**
   * What became of a report.
   *
   * @param postfachMessage the message in the applicant's Postfach; null when they have no account
   */
  public record Reported(Antrag antrag, @Nullable UUID postfachMessage) {}

  /**
   * Changes the Antrag's status, puts it on the timeline and, when the applicant has a
   * Servicekonto, sends them a Postfach message with the Bescheid attached.
   *
   * @throws DeliveryException.NotAcknowledged before receipt was acknowledged
   * @throws AntragManagement.StatusTransitionException when the status cannot follow the current
   *     one
   */
  @Transactional
  public Reported report(String tenantArs, UUID id, Report report) {
    if (report.message() != null && report.message().length() > Postfach.MAX_TEXT) {
      throw new DeliveryException.MessageTooLong(Postfach.MAX_TEXT);
    }
    if (report.bescheid() != null && !isPdf(report.bescheid().pdf())) {
      throw new DeliveryException.BescheidInvalid(Postfach.MAX_ATTACHMENT_BYTES / 1000);
    }
    Delivery delivery = find(tenantArs, id, true).orElseThrow(DeliveryException.NotFound::new);
    if (delivery.state() != DeliveryState.ACKNOWLEDGED) {
      throw new DeliveryException.NotAcknowledged();
    }
    Antrag antrag = antraege.changeStatus(delivery.antragId(), report.status());
    antraege.addEvent(antrag.id(), report.status().name(), null);
    UUID message = null;
    if (antrag.accountId() != null) {
      message = postfach.deliver(antrag.accountId(), postfachMessage(antrag, report));
    }
    log.info(
        "Delivery {}: Antrag {} reported {}{}",
        id,
        antrag.reference(),
        report.status(),
        report.bescheid() != null ? " with Bescheid" : "");
    return new Reported(antrag, message);
  }

  private Postfach.NewMessage postfachMessage(Antrag antrag, Report report) {
    String status =
        messages.getMessage(
            "applications.status." + report.status().name(), null, AUTHORITY_LOCALE);
    String subject =
        messages.getMessage(
            "delivery.postfach.subject",
            new Object[] {antrag.reference(), status},
            AUTHORITY_LOCALE);
    String body =
        report.message() != null && !report.message().isBlank()
            ? report.message()
            : messages.getMessage(
                "delivery.postfach.body",
                new Object[] {antrag.reference(), status},
                AUTHORITY_LOCALE);
    PostfachMessage.Kind kind =
        report.bescheid() != null
            ? PostfachMessage.Kind.BESCHEID
            : report.status() == AntragStatus.RUECKFRAGE
                ? PostfachMessage.Kind.QUESTION
                : PostfachMessage.Kind.STATUS;
    List<PostfachMessage.File> files =
        report.bescheid() == null
            ? List.of()
            : List.of(
                new PostfachMessage.File(
                    report.bescheid().fileName(), "application/pdf", report.bescheid().pdf()));
    return new Postfach.NewMessage(
        kind, antrag.tenantArs(), antrag.authorityName(), antrag.reference(), subject, body, files);
  }

  /**
   * A webhook delivery, whatever its tenant: a signed callback names it by id, its secret proves
   * the sender.
   */
  public Optional<Delivery> pushed(UUID id) {
    return jdbc.sql("select * from delivery where id = ? and channel = 'WEBHOOK'")
        .param(id)
        .query(Deliveries::map)
        .optional();
  }

  /** What a push carries, without changing anything. */
  Fetched forPush(Delivery delivery) {
    return fetched(delivery);
  }

  /** The bytes of a file of a submission (for pushes with the files inline). */
  byte[] attachmentBytes(UUID antragId, UUID attachmentId) {
    return attachments
        .ofAntrag(antragId, attachmentId)
        .orElseThrow(DeliveryException.NotFound::new)
        .bytes();
  }

  /** Filter of the cockpit. */
  public record Query(@Nullable DeliveryState state, int limit) {}

  /** The tenant's deliveries on every route, newest first. */
  public List<Delivery> list(String tenantArs, Query query) {
    return jdbc.sql(
            "select * from delivery where tenant_ars = ? and (cast(? as varchar) is null or state = ?)"
                + " order by submitted_at desc, id limit ?")
        .params(
            tenantArs,
            query.state() == null ? null : query.state().name(),
            query.state() == null ? null : query.state().name(),
            query.limit())
        .query(Deliveries::map)
        .list();
  }

  /**
   * The tenant's deliveries not acknowledged within the time the authority promised, oldest first.
   */
  public List<Delivery> overdue(String tenantArs, java.time.Duration within, int limit) {
    return jdbc.sql(
            "select * from delivery where tenant_ars = ? and state <> 'ACKNOWLEDGED'"
                + " and submitted_at < now() - make_interval(secs => ?) order by submitted_at, id limit ?")
        .params(tenantArs, (double) within.toSeconds(), limit)
        .query(Deliveries::map)
        .list();
  }

  /**
   * An admin pushes a failed or fallen-back webhook delivery again, with a fresh series of
   * attempts. A fallen-back one stays in the case inbox meanwhile, unless somebody has opened it
   * there (then it is acknowledged and not retried).
   *
   * @throws DeliveryException.NotRetryable for any other route or state
   */
  @Transactional
  public Delivery retry(String tenantArs, UUID id) {
    Delivery delivery =
        jdbc.sql("select * from delivery where id = ? and tenant_ars = ? for update")
            .params(id, tenantArs)
            .query(Deliveries::map)
            .optional()
            .orElseThrow(DeliveryException.NotFound::new);
    boolean retryable =
        delivery.channel() == DeliveryChannel.WEBHOOK
            && (delivery.state() == DeliveryState.FAILED
                || delivery.state() == DeliveryState.FELL_BACK);
    if (!retryable) {
      throw new DeliveryException.NotRetryable();
    }
    jdbc.sql(
            """
            update delivery set state = 'QUEUED', attempts = 0, next_attempt_at = now(), locked_until = null, claim = null,
              fell_back_at = null, updated_at = now() where id = ?
            """)
        .param(id)
        .update();
    log.info("Delivery {} of Antrag {} queued again by an admin", id, delivery.reference());
    return ofAntrag(delivery.antragId()).orElseThrow();
  }

  static boolean isPdf(byte[] bytes) {
    return bytes.length > PDF_MAGIC.length
        && bytes.length <= Postfach.MAX_ATTACHMENT_BYTES
        && Arrays.equals(Arrays.copyOf(bytes, PDF_MAGIC.length), PDF_MAGIC);
  }

  private Optional<Delivery> find(String tenantArs, UUID id, boolean lock) {
    return jdbc.sql(
            "select * from delivery where id = ? and tenant_ars = ? and channel in ('PULL_API', 'WEBHOOK')"
                + (lock ? " for update" : ""))
        .params(id, tenantArs)
        .query(Deliveries::map)
        .optional();
  }

  static Delivery map(ResultSet rs, int row) throws SQLException {
    return new Delivery(
        rs.getObject("id", UUID.class),
        rs.getObject("antrag_id", UUID.class),
        rs.getString("reference"),
        rs.getString("tenant_ars"),
        rs.getString("app_id"),
        DeliveryChannel.valueOf(rs.getString("channel")),
        DeliveryState.valueOf(rs.getString("state")),
        rs.getObject("idempotency_key", UUID.class),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getObject("delivered_at", OffsetDateTime.class),
        rs.getObject("acknowledged_at", OffsetDateTime.class));
  }
}
