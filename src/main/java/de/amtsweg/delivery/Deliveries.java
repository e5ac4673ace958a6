package de.amtsweg.delivery;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of everything Amtsweg hands on. The owner of a document hands it over ({@link
 * #handOver}) in the transaction that creates or releases it, so a document that exists has its
 * delivery and a rolled-back one has none. The delivery then goes the route's way: an inbox channel
 * (the case inbox) takes it in the same transaction, a push channel gets it from the worker, a pull
 * channel waits for the receiver. Every read of a tenant's deliveries names the tenant. Logs carry
 * ids, reference numbers and states, never content.
 */
@Service
public class Deliveries {

  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

  private final JdbcClient jdbc;
  private final DeliveryRoutes routes;
  private final Channels channels;
  private final Documents documents;
  private final DeliveryStateGate gate;
  private final ApplicationEventPublisher events;

  Deliveries(
      JdbcClient jdbc,
      DeliveryRoutes routes,
      Channels channels,
      Documents documents,
      DeliveryStateGate gate,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.routes = routes;
    this.channels = channels;
    this.documents = documents;
    this.gate = gate;
    this.events = events;
  }

  /**
   * Hands a document on along the tenant's route for its type and subject, in the caller's
   * transaction. Handing the same document over again returns its delivery and changes nothing.
   *
   * @throws DeliveryException.NoRoute when the tenant has no route for the type and there is no
   *     default (e-invoices without a file drop)
   */
  @Transactional
  public Delivery handOver(Handover handover) {
    Optional<Delivery> existing = ofDocument(handover.type(), handover.documentId());
    if (existing.isPresent()) {
      return existing.get();
    }
    DeliveryRoutes.Route route =
        routes
            .route(handover.tenantArs(), handover.type(), handover.subject())
            .orElseThrow(DeliveryException.NoRoute::new);
    Channel channel = channels.get(route.channel());
    if (!channel.accepts(handover.type())) {
      throw new IllegalStateException(route.channel() + " cannot carry " + handover.type());
    }
    boolean inbox = channel.mode() == Channel.Mode.INBOX;
    // A receiver tells a repeat by this key; an e-invoice's is its id, as before the engine.
    UUID idempotencyKey =
        handover.type() == DocumentType.E_RECHNUNG ? handover.documentId() : UUID.randomUUID();
    Optional<Delivery> inserted =
        jdbc.sql(
                """
                insert into delivery (id, document_type, document_id, reference, tenant_ars, subject, channel, state,
                  idempotency_key, submitted_at, delivered_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? then now() end, case when ? then now() end)
                on conflict (document_type, document_id) do nothing
                returning *
                """)
            .params(
                UUID.randomUUID(),
                handover.type().name(),
                handover.documentId(),
                handover.reference(),
                handover.tenantArs(),
                handover.subject(),
                route.channel().name(),
                (inbox ? DeliveryState.DELIVERED : DeliveryState.QUEUED).name(),
                idempotencyKey,
                handover.submittedAt(),
                inbox,
                channel.mode() == Channel.Mode.PUSH)
            .query(DeliveryRows::map)
            .optional();
    if (inserted.isEmpty()) {
      return ofDocument(handover.type(), handover.documentId()).orElseThrow();
    }
    Delivery delivery = inserted.get();
    if (inbox) {
      channel.receive(new Channel.Parcel(delivery, documents.of(delivery), false));
      events.publishEvent(delivered(delivery, false));
    }
    log.info(
        "Delivery {} of {} {} queued for {}",
        delivery.id(),
        handover.type(),
        handover.reference(),
        route.channel());
    return delivery;
  }

  static DeliveryDelivered delivered(Delivery delivery, boolean fellBack) {
    return new DeliveryDelivered(
        delivery.id(),
        delivery.type(),
        delivery.documentId(),
        delivery.tenantArs(),
        fellBack ? DeliveryChannel.CASE_INBOX : delivery.channel(),
        fellBack,
        OffsetDateTime.now());
  }

  /** A delivery of the tenant, on any route; another tenant's is not found. */
  public Delivery get(String tenantArs, UUID id) {
    return jdbc.sql("select * from delivery where id = ? and tenant_ars = ?")
        .params(id, tenantArs)
        .query(DeliveryRows::map)
        .optional()
        .orElseThrow(DeliveryException.NotFound::new);
  }

  /** The delivery of a document, whatever its route. */
  public Optional<Delivery> ofDocument(DocumentType type, UUID documentId) {
    return jdbc.sql("select * from delivery where document_type = ? and document_id = ?")
        .params(type.name(), documentId)
        .query(DeliveryRows::map)
        .optional();
  }

  /** The deliveries of several documents of a type, by document id (for lists). */
  public Map<UUID, Delivery> ofDocuments(DocumentType type, Collection<UUID> documentIds) {
    if (documentIds.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql("select * from delivery where document_type = ? and document_id = any(?)")
        .params(type.name(), documentIds.toArray(UUID[]::new))
        .query(DeliveryRows::map)
        .list()
        .stream()
        .collect(Collectors.toMap(Delivery::documentId, Function.identity()));
  }

  /** The document of a delivery as it is now, read from its owner. */
  public Document document(Delivery delivery) {
    return documents.of(delivery);
  }

  /** An attachment of a delivery's document. */
  public Document.FileContent file(Delivery delivery, UUID fileId) {
    return documents.file(delivery, fileId).orElseThrow(DeliveryException.NotFound::new);
  }

  /** The receipt of a delivery's document. */
  public byte[] receipt(Delivery delivery) {
    return documents.receipt(delivery).orElseThrow(DeliveryException.NotFound::new);
  }

  /**
   * Filter of the cockpit.
   *
   * @param type null for every type
   */
  public record Query(@Nullable DeliveryState state, @Nullable DocumentType type, int limit) {

    public Query(@Nullable DeliveryState state, int limit) {
      this(state, null, limit);
    }
  }

  /** The tenant's deliveries on every route, newest first. */
  public List<Delivery> list(String tenantArs, Query query) {
    String state = query.state() == null ? null : query.state().name();
    String type = query.type() == null ? null : query.type().name();
    return jdbc.sql(
            """
            select * from delivery where tenant_ars = ?
              and (cast(? as varchar) is null or state = ?) and (cast(? as varchar) is null or document_type = ?)
            order by submitted_at desc, id limit ?
            """)
        .params(tenantArs, state, state, type, type, query.limit())
        .query(DeliveryRows::map)
        .list();
  }

  /**
   * The tenant's Anträge whose receipt was not acknowledged within the time the authority promised,
   * oldest first.
   */
  public List<Delivery> overdue(String tenantArs, Duration within, int limit) {
    return jdbc.sql(
            """
            select * from delivery where tenant_ars = ? and document_type = 'ANTRAG' and state <> 'ACKNOWLEDGED'
              and submitted_at < now() - make_interval(secs => ?) order by submitted_at, id limit ?
            """)
        .params(tenantArs, (double) within.toSeconds(), limit)
        .query(DeliveryRows::map)
        .list();
  }

  /**
   * An admin pushes a failed or fallen-back delivery again, with a fresh series of attempts. A
   * fallen-back Antrag stays in the case inbox meanwhile, unless somebody has opened it there (then
   * it is acknowledged and not retried).
   *
   * @throws DeliveryException.NotRetryable for a delivery that is not pushed, or not failed
   */
  @Transactional
  public Delivery retry(String tenantArs, UUID id) {
    Delivery delivery = get(tenantArs, id);
    boolean retryable =
        channels.get(delivery.channel()).mode() == Channel.Mode.PUSH
            && (delivery.state() == DeliveryState.FAILED
                || delivery.state() == DeliveryState.FELL_BACK);
    if (!retryable) {
      throw new DeliveryException.NotRetryable();
    }
    Delivery queued =
        gate.move(
                id,
                delivery.state(),
                DeliveryStateGate.Move.to(DeliveryState.QUEUED, "retried by an admin")
                    .resetAttempts()
                    .nextAttemptIn(Duration.ZERO)
                    .releaseLease())
            .orElseThrow(DeliveryException.NotRetryable::new);
    log.info("Delivery {} of {} queued again by an admin", id, delivery.reference());
    return queued;
  }

  /**
   * A person sends a document again that the worker could not deliver (an e-invoice export), along
   * the route as it is now; the attempts go on counting, so a person's retry does not restart the
   * worker's series. Pushed at once by the caller ({@link DeliveryWorker#pushNow}).
   *
   * @throws DeliveryException.NotRetryable when it is not a failed push
   * @throws DeliveryException.NoRoute when the tenant has no route for it any more
   */
  @Transactional
  public Delivery resend(Delivery delivery) {
    Delivery current = get(delivery.tenantArs(), delivery.id());
    if (current.state() == DeliveryState.QUEUED) {
      return current;
    }
    if (current.state() != DeliveryState.FAILED) {
      throw new DeliveryException.NotRetryable();
    }
    DeliveryRoutes.Route route =
        routes
            .route(current.tenantArs(), current.type(), current.subject())
            .orElseThrow(DeliveryException.NoRoute::new);
    Channel channel = channels.get(route.channel());
    if (channel.mode() != Channel.Mode.PUSH || !channel.accepts(current.type())) {
      throw new DeliveryException.NotRetryable();
    }
    return gate.move(
            current.id(),
            current.state(),
            DeliveryStateGate.Move.to(DeliveryState.QUEUED, "sent again by a person")
                .channel(route.channel())
                .nextAttemptIn(Duration.ZERO)
                .releaseLease())
        .orElseThrow(DeliveryException.NotRetryable::new);
  }

  /**
   * The owner takes a document back that has not arrived yet (an e-invoice declined after a failed
   * export): nobody pushes it any more. Does nothing for a document without a delivery, or one that
   * arrived already.
   *
   * @return the delivery afterwards, if there is one
   */
  @Transactional
  public Optional<Delivery> withdraw(DocumentType type, UUID documentId) {
    Optional<Delivery> delivery = ofDocument(type, documentId);
    if (delivery.isEmpty() || !delivery.get().state().canBecome(DeliveryState.WITHDRAWN)) {
      return delivery;
    }
    Delivery d = delivery.get();
    Optional<Delivery> withdrawn =
        gate.move(
            d.id(),
            d.state(),
            DeliveryStateGate.Move.to(DeliveryState.WITHDRAWN, "withdrawn by its owner")
                .nextAttemptIn(null)
                .releaseLease());
    withdrawn.ifPresent(w -> log.info("Delivery {} of {} withdrawn", w.id(), w.reference()));
    return withdrawn.isPresent() ? withdrawn : ofDocument(type, documentId);
  }

  /** The channels a tenant may choose for documents of this type. */
  public List<DeliveryChannel> channelsFor(DocumentType type) {
    return channels.offered(type);
  }

  /** The states the delivery went through, oldest first, as {@code FROM>TO} (for the cockpit). */
  public List<String> history(Delivery delivery) {
    return gate.history(delivery.id());
  }
}
