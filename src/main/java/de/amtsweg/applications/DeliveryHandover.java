package de.amtsweg.applications;

import de.amtsweg.delivery.Deliveries;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.delivery.Handover;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands every submitted Antrag to delivery, in the submitting transaction (outbox): an Antrag that
 * exists has its delivery, and a rolled-back submission has none. Where it goes is delivery's
 * business (the tenant's route for the app).
 */
@Component
class DeliveryHandover {

  private final Deliveries deliveries;
  private final AntragManagement antraege;

  DeliveryHandover(Deliveries deliveries, AntragManagement antraege) {
    this.deliveries = deliveries;
    this.antraege = antraege;
  }

  // Synchronous on purpose: the delivery is written in the transaction that submits the Antrag.
  @EventListener
  void on(AntragSubmitted submitted) {
    Antrag antrag = antraege.get(submitted.antragId());
    deliveries.handOver(
        new Handover(
            DocumentType.ANTRAG,
            submitted.antragId(),
            submitted.reference(),
            submitted.tenantArs(),
            submitted.appId(),
            antrag.submittedAt()));
  }
}
