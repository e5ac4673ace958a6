package de.amtsweg.applications;

import de.amtsweg.platform.RecurringJob;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reminders and deletion of old drafts, every {@code amtsweg.applications.cleanup-interval}. */
@Configuration(proxyBeanMethods = false)
class ApplicationsJobs {

  @Bean
  RecurringJob draftCleanupJob(
      DraftCleanup cleanup,
      @Value("${amtsweg.applications.cleanup-interval:PT1H}") Duration interval) {
    return RecurringJob.every("applications.draft-cleanup", interval, cleanup::run);
  }
}
