package de.amtsweg.applications;

import de.amtsweg.delivery.DeliveryAcknowledged;
import de.amtsweg.delivery.DeliveryDelivered;
import de.amtsweg.delivery.DocumentDiscarded;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.delivery.FeeCharged;
import de.amtsweg.delivery.StatusReported;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the authorities' side reports about delivered Anträge, through delivery's events: onto the
 * applicant's timeline ("übermittelt", "bei der Behörde eingegangen", each status), into the
 * Antrag's status, a fee to pay, and the deletion after the authority's retention period.
 */
@Component
class DeliveryFeedback {

  /** Timeline entries of delivery ({@code applications.event.<type>}). */
  static final String DELIVERED = "DELIVERED";

  static final String ACKNOWLEDGED = "ACKNOWLEDGED";

  private final AntragManagement antraege;
  private final AntragPayments payments;
  private final JdbcClient jdbc;

  DeliveryFeedback(AntragManagement antraege, AntragPayments payments, JdbcClient jdbc) {
    this.antraege = antraege;
    this.payments = payments;
    this.jdbc = jdbc;
  }

  /**
   * Synchronous: the applicant's timeline says "übermittelt" exactly when the delivery says
   * delivered, in the same transaction (a page that shows one shows the other).
   */
  @EventListener
  void on(DeliveryDelivered delivered) {
    if (delivered.type() == DocumentType.ANTRAG) {
      entry(delivered.documentId(), DELIVERED, null, delivered.at());
    }
  }

  /** Synchronous, like the delivery: the case page that acknowledges shows it on the timeline. */
  @EventListener
  void on(DeliveryAcknowledged acknowledged) {
    if (acknowledged.type() == DocumentType.ANTRAG) {
      entry(acknowledged.documentId(), ACKNOWLEDGED, null, acknowledged.at());
    }
  }

  /**
   * Synchronous: the Antrag may refuse the status (it cannot follow the current one), and the
   * refusal must reach the reporter before anything is recorded.
   */
  @EventListener
  void on(StatusReported reported) {
    if (reported.type() != DocumentType.ANTRAG) {
      return;
    }
    if (reported.status() != null) {
      antraege.changeStatus(reported.documentId(), AntragStatus.valueOf(reported.status().name()));
    }
    antraege.addEvent(reported.documentId(), reported.entry(), reported.note());
  }

  /** Synchronous: a refusal (nothing is due online) must reach the authority. */
  @EventListener
  void on(FeeCharged charged) {
    if (charged.type() == DocumentType.ANTRAG) {
      payments.setAmountDue(
          charged.tenantArs(), charged.reference(), charged.amountCents(), charged.by());
    }
  }

  /** Synchronous: the authority's deletion and the Antrag's happen together or not at all. */
  @EventListener
  void on(DocumentDiscarded discarded) {
    if (discarded.type() == DocumentType.ANTRAG) {
      antraege.delete(discarded.documentId(), discarded.tenantArs());
    }
  }

  /** A timeline entry at the time the event happened. */
  private void entry(UUID antragId, String type, @Nullable String note, OffsetDateTime at) {
    jdbc.sql(
            "insert into antrag_event (antrag_id, type, note, at)"
                + " select ?, ?, ?, ? where exists (select 1 from antrag where id = ?)")
        .params(antragId, type, note, at, antragId)
        .update();
  }
}
