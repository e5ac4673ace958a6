package de.amtsweg.payment;

import de.amtsweg.platform.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reconciliation every {@code amtsweg.payment.reconciliation-interval}, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class PaymentJobs {

  @Bean
  RecurringJob reconciliationJob(
      PaymentReconciliation reconciliation, PaymentProperties properties) {
    return RecurringJob.every(
        "payment.reconciliation", properties.reconciliationInterval(), reconciliation::scheduled);
  }
}
