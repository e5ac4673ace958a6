package de.amtsweg.platform.mail;

import de.amtsweg.platform.RecurringJob;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mail jobs: delivery over SMTP (only when it is configured) and housekeeping. */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "spring.mail", name = "host")
  RecurringJob mailDeliveryJob(
      MailDelivery delivery, @Value("${amtsweg.mail.poll-interval:5s}") Duration interval) {
    return RecurringJob.every("platform.mail-delivery", interval, delivery::deliverPending);
  }

  @Bean
  RecurringJob mailHousekeepingJob(MailHousekeeping housekeeping) {
    return RecurringJob.cron(
        "platform.mail-housekeeping", "0 17 * * * *", housekeeping::deleteOldMails);
  }
}
