package de.amtsweg.casework;

import de.amtsweg.platform.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retention at {@code amtsweg.casework.retention-cron}, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class CaseworkJobs {

  @Bean
  RecurringJob retentionJob(Retention retention, CaseworkProperties properties) {
    return RecurringJob.cron("casework.retention", properties.retentionCron(), retention::run);
  }
}
