package de.amtsweg.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Housekeeping of the abuse protections: used slots and spent challenges, once they expired. */
@Configuration(proxyBeanMethods = false)
class PlatformJobs {

  @Bean
  RecurringJob expiredRateLimitsJob(RateLimits rateLimits) {
    return RecurringJob.cron(
        "platform.expired-rate-limits", "0 */10 * * * *", rateLimits::forgetExpired);
  }

  @Bean
  RecurringJob spentChallengesJob(ProofOfWork proofOfWork) {
    return RecurringJob.cron(
        "platform.spent-challenges", "0 */10 * * * *", proofOfWork::forgetExpired);
  }
}
