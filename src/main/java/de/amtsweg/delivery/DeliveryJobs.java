package de.amtsweg.delivery;

import de.amtsweg.platform.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery worker's runs, every {@code amtsweg.delivery.worker.poll-interval}. */
@Configuration(proxyBeanMethods = false)
class DeliveryJobs {

  @Bean
  RecurringJob deliveryWorkerJob(DeliveryWorker worker, DeliveryProperties properties) {
    return RecurringJob.every(
            "delivery.worker", properties.worker().pollInterval(), worker::scheduled)
        .enabledWhen(properties.worker().enabled());
  }
}
