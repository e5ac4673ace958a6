package de.amtsweg.payment;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test helper in the shared context: every PaymentStatusChanged, as published. */
@Component
public class RecordedPaymentEvents {

  private final List<PaymentStatusChanged> events = new CopyOnWriteArrayList<>();

  @EventListener
  void on(PaymentStatusChanged event) {
    events.add(event);
  }

  /** The events of one payment, in order. */
  public List<PaymentStatusChanged> of(UUID paymentId) {
    return events.stream().filter(e -> e.paymentId().equals(paymentId)).toList();
  }
}
