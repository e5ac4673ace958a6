package de.amtsweg.delivery;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way back from the receivers: they confirm receipt and report status, a Bescheid, a fee or
 * that they are done with a document. Fachverfahren use it through the pull API and signed
 * callbacks, the case inbox through its Java API, and both the same way: delivery records what is
 * its own (the acknowledgement) and announces the rest as events to the document's owner, which may
 * refuse. Every change is scoped to the receiver's tenant and guarded by a row lock, so two
 * requests cannot both count as the first.
 */
@Service
public class BackChannel {

  private static final Logger log = LoggerFactory.getLogger(BackChannel.class);
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  /** Authorities write to citizens in German, as the rest of the Postfach does. */
  private static final Locale AUTHORITY_LOCALE = Locale.GERMAN;

  private final JdbcClient jdbc;
  private final DeliveryStateGate gate;
  private final Documents documents;
  private final Postfach postfach;
  private final MessageSource messages;
  private final ApplicationEventPublisher events;

  BackChannel(
      JdbcClient jdbc,
      DeliveryStateGate gate,
      Documents documents,
      Postfach postfach,
      MessageSource messages,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.gate = gate;
    this.documents = documents;
    this.postfach = postfach;
    this.messages = messages;
    this.events = events;
  }

  // --- Fachverfahren (pull API, signed callbacks) ---

  /**
   * The Fachverfahren confirms receipt. Repeating it changes nothing and answers the same.
   *
   * @throws DeliveryException.NotFetched when it was never fetched or pushed
   */
  @Transactional
  public Delivery acknowledge(String tenantArs, UUID id) {
    Delivery delivery =
        SubmissionPickup.find(jdbc, tenantArs, id, true)
            .orElseThrow(DeliveryException.NotFound::new);
    if (delivery.state() == DeliveryState.ACKNOWLEDGED) {
      return delivery;
    }
    // A delivery that fell back is the case inbox's to acknowledge.
    if (delivery.state() != DeliveryState.DELIVERED) {
      throw new DeliveryException.NotFetched();
    }
    Delivery acknowledged = acknowledged(delivery, "acknowledged by the receiver");
    log.info("Delivery {} of {} acknowledged", id, delivery.reference());
    return acknowledged;
  }

  /**
   * A status report of a Fachverfahren.
   *
   * @param message text for the applicant, if any
   * @param bescheid the Bescheid as PDF, if any
   */
  public record Report(
      ReportedStatus status, @Nullable String message, @Nullable Bescheid bescheid) {}

  /** A Bescheid as PDF. */
  public record Bescheid(String fileName, byte[] pdf) {}

  /**
   * What became of a report.
   *
   * @param postfachMessage the message in the applicant's Postfach; null when they have no account
   */
  public record Reported(
      Delivery delivery, ReportedStatus status, @Nullable UUID postfachMessage) {}

  /**
   * Records a Fachverfahren's report: the document's owner takes the status (onto the applicant's
   * timeline) and, when the applicant has a Servicekonto, they get a Postfach message with the
   * Bescheid attached.
   *
   * @throws DeliveryException.NotAcknowledged before receipt was acknowledged
   * @throws de.amtsweg.platform.ProblemException the owner's refusal, when the status cannot follow
   *     the current one (nothing is recorded)
   */
  @Transactional
  public Reported report(String tenantArs, UUID id, Report report) {
    if (report.message() != null && report.message().length() > Postfach.MAX_TEXT) {
      throw new DeliveryException.MessageTooLong(Postfach.MAX_TEXT);
    }
    if (report.bescheid() != null && !isPdf(report.bescheid().pdf())) {
      throw new DeliveryException.BescheidInvalid(Postfach.MAX_ATTACHMENT_BYTES / 1000);
    }
    Delivery delivery =
        SubmissionPickup.find(jdbc, tenantArs, id, true)
            .orElseThrow(DeliveryException.NotFound::new);
    if (delivery.state() != DeliveryState.ACKNOWLEDGED) {
      throw new DeliveryException.NotAcknowledged();
    }
    announce(delivery, report.status(), report.status().name(), null);
    Document document = documents.of(delivery);
    UUID message = null;
    if (document.accountId() != null) {
      message = postfach.deliver(document.accountId(), postfachMessage(document, report));
    }
    log.info(
        "Delivery {}: {} reported {}{}",
        id,
        delivery.reference(),
        report.status(),
        report.bescheid() != null ? " with Bescheid" : "");
    return new Reported(delivery, report.status(), message);
  }

  private Postfach.NewMessage postfachMessage(Document document, Report report) {
    String status =
        messages.getMessage(
            "applications.status." + report.status().name(), null, AUTHORITY_LOCALE);
    String subject =
        messages.getMessage(
            "delivery.postfach.subject",
            new Object[] {document.reference(), status},
            AUTHORITY_LOCALE);
    String body =
        report.message() != null && !report.message().isBlank()
            ? report.message()
            : messages.getMessage(
                "delivery.postfach.body",
                new Object[] {document.reference(), status},
                AUTHORITY_LOCALE);
    PostfachMessage.Kind kind =
        report.bescheid() != null
            ? PostfachMessage.Kind.BESCHEID
            : report.status() == ReportedStatus.RUECKFRAGE
                ? PostfachMessage.Kind.QUESTION
                : PostfachMessage.Kind.STATUS;
    List<PostfachMessage.File> files =
        report.bescheid() == null
            ? List.of()
            : List.of(
                new PostfachMessage.File(
                    report.bescheid().fileName(), "application/pdf", report.bescheid().pdf()));
    return new Postfach.NewMessage(
        kind,
        document.tenantArs(),
        document.authority(),
        document.reference(),
        subject,
        body,
        files);
  }

  // --- the case inbox ---

  /**
   * A caseworker opened a document in the case inbox: the authority has it. Repeating it changes
   * nothing; so does a delivery that is not in the case inbox.
   */
  @Transactional
  public void acknowledgeInCaseInbox(Delivery delivery) {
    Delivery locked = lock(delivery.id());
    if (!locked.inCaseInbox() || !locked.state().canBecome(DeliveryState.ACKNOWLEDGED)) {
      return;
    }
    acknowledged(locked, "opened in the case inbox");
    log.info("Delivery {} of {} acknowledged in the case inbox", locked.id(), locked.reference());
  }

  /**
   * The case inbox reports a status, or only an entry for the applicant's timeline ({@code status}
   * null). It writes to the applicant itself, so nothing goes to the Postfach here.
   *
   * @param entry what the timeline entry says: the status name, or e.g. {@code ANTWORT}
   * @param note a reference for the entry (a Postfach message id), never a text
   * @throws DeliveryException.NotFound for a delivery that is not in the case inbox
   */
  @Transactional
  public void record(
      Delivery delivery, @Nullable ReportedStatus status, String entry, @Nullable String note) {
    Delivery locked = lock(delivery.id());
    if (!locked.inCaseInbox()) {
      throw new DeliveryException.NotFound();
    }
    announce(locked, status, entry, note);
  }

  /**
   * The receiver sets the fee it charges for the document (pay after the Bescheid); the owner asks
   * the applicant to pay it. Runs outside a transaction: the owner calls the payment service.
   *
   * @throws de.amtsweg.platform.ProblemException the owner's refusal (nothing is due online)
   */
  public void chargeFee(Delivery delivery, long amountCents, String by) {
    events.publishEvent(
        new FeeCharged(
            delivery.id(),
            delivery.type(),
            delivery.documentId(),
            delivery.tenantArs(),
            delivery.reference(),
            amountCents,
            by));
  }

  /**
   * The receiver is done with the document and its retention period is over: its owner deletes it,
   * in this transaction.
   */
  @Transactional
  public void discard(Delivery delivery) {
    events.publishEvent(
        new DocumentDiscarded(
            delivery.id(), delivery.type(), delivery.documentId(), delivery.tenantArs()));
    log.info(
        "Delivery {}: document {} discarded by its receiver", delivery.id(), delivery.reference());
  }

  private void announce(
      Delivery delivery, @Nullable ReportedStatus status, String entry, @Nullable String note) {
    events.publishEvent(
        new StatusReported(
            delivery.id(),
            delivery.type(),
            delivery.documentId(),
            delivery.tenantArs(),
            status,
            entry,
            note,
            OffsetDateTime.now()));
  }

  private Delivery acknowledged(Delivery delivery, String reason) {
    Delivery acknowledged =
        gate.move(
                delivery.id(),
                delivery.state(),
                DeliveryStateGate.Move.to(DeliveryState.ACKNOWLEDGED, reason).acknowledged())
            .orElseThrow();
    events.publishEvent(
        new DeliveryAcknowledged(
            acknowledged.id(),
            acknowledged.type(),
            acknowledged.documentId(),
            acknowledged.tenantArs(),
            OffsetDateTime.now()));
    return acknowledged;
  }

  private Delivery lock(UUID id) {
    return jdbc.sql("select * from delivery where id = ? for update")
        .param(id)
        .query(DeliveryRows::map)
        .optional()
        .orElseThrow(DeliveryException.NotFound::new);
  }

  static boolean isPdf(byte[] bytes) {
    return bytes.length > PDF_MAGIC.length
        && bytes.length <= Postfach.MAX_ATTACHMENT_BYTES
        && Arrays.equals(Arrays.copyOf(bytes, PDF_MAGIC.length), PDF_MAGIC);
  }
}
