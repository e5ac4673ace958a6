package de.amtsweg.delivery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a Fachverfahren pulls (the pull API, modelled on FIT-Connect): the tenant's Anträge on the
 * pull route that are not acknowledged yet, one Antrag with its data, its files and its receipt.
 * Only deliveries of the caller's tenant on the pull or webhook route are found; every other is
 * "not found".
 */
@Service
public class SubmissionPickup {

  private static final Logger log = LoggerFactory.getLogger(SubmissionPickup.class);

  private final JdbcClient jdbc;
  private final Documents documents;
  private final DeliveryStateGate gate;
  private final ApplicationEventPublisher events;

  SubmissionPickup(
      JdbcClient jdbc,
      Documents documents,
      DeliveryStateGate gate,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.documents = documents;
    this.gate = gate;
    this.events = events;
  }

  /** One page of a tenant's open pull deliveries, oldest first. */
  public record Page(List<Delivery> deliveries, int offset, long total) {}

  /** The tenant's deliveries on the pull route that are not acknowledged yet. */
  public Page pending(String tenantArs, int limit, int offset) {
    String open =
        "tenant_ars = ? and document_type = 'ANTRAG' and channel = 'PULL_API'"
            + " and state in ('QUEUED', 'DELIVERED', 'FAILED')";
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
            .query(DeliveryRows::map)
            .list();
    return new Page(page, offset, total);
  }

  /** An Antrag's delivery of the tenant on the pull or webhook route. */
  public Delivery get(String tenantArs, UUID id) {
    return find(jdbc, tenantArs, id, false).orElseThrow(DeliveryException.NotFound::new);
  }

  /** A delivery with its document, as the receiver gets it. */
  public record Fetched(Delivery delivery, Document document) {}

  /**
   * Hands a submission to the tenant's Fachverfahren. The first fetch makes it delivered (and
   * "delivered" goes onto the applicant's timeline); every fetch counts as an attempt.
   */
  @Transactional
  public Fetched fetch(String tenantArs, UUID id) {
    Delivery delivery =
        find(jdbc, tenantArs, id, true).orElseThrow(DeliveryException.NotFound::new);
    if (delivery.state().canBecome(DeliveryState.DELIVERED)) {
      delivery =
          gate.move(
                  id,
                  delivery.state(),
                  DeliveryStateGate.Move.to(DeliveryState.DELIVERED, "fetched")
                      .delivered()
                      .countAttempt()
                      .error(null))
              .orElseThrow();
      events.publishEvent(Deliveries.delivered(delivery, false));
      log.info("Delivery {} of {} fetched", id, delivery.reference());
    } else if (delivery.state() == DeliveryState.DELIVERED) {
      delivery =
          jdbc.sql(
                  "update delivery set attempts = attempts + 1, updated_at = now() where id = ? returning *")
              .param(id)
              .query(DeliveryRows::map)
              .single();
    }
    return new Fetched(delivery, documents.of(delivery));
  }

  /** A file of a submission of the tenant. */
  public Document.FileContent attachment(String tenantArs, UUID id, UUID attachmentId) {
    return documents
        .file(get(tenantArs, id), attachmentId)
        .orElseThrow(DeliveryException.NotFound::new);
  }

  /** The receipt PDF of a submission of the tenant. */
  public byte[] receipt(String tenantArs, UUID id) {
    return documents.receipt(get(tenantArs, id)).orElseThrow(DeliveryException.NotFound::new);
  }

  /**
   * A delivery the tenant's Fachverfahren may see: an Antrag on the pull or webhook route.
   *
   * @param lock whether to lock the row for a change
   */
  static Optional<Delivery> find(JdbcClient jdbc, String tenantArs, UUID id, boolean lock) {
    return jdbc.sql(
            "select * from delivery where id = ? and tenant_ars = ? and document_type = 'ANTRAG'"
                + " and channel in ('PULL_API', 'WEBHOOK')"
                + (lock ? " for update" : ""))
        .params(id, tenantArs)
        .query(DeliveryRows::map)
        .optional();
  }
}
