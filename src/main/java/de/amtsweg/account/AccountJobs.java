package de.amtsweg.account;

import de.amtsweg.platform.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account clean-ups, each hourly or more often, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class AccountJobs {

  @Bean
  RecurringJob unconfirmedRegistrationsJob(AccountManagement accounts) {
    return RecurringJob.cron(
        "account.unconfirmed-registrations", "0 41 * * * *", accounts::deleteUnconfirmed);
  }

  @Bean
  RecurringJob spentTokensJob(AccountTokens tokens) {
    return RecurringJob.cron("account.spent-tokens", "0 23 * * * *", tokens::deleteSpent);
  }

  @Bean
  RecurringJob expiredApiTokensJob(AuthorizationServerClients clients) {
    return RecurringJob.cron(
        "account.expired-api-tokens", "0 47 * * * *", clients::forgetExpiredTokens);
  }

  @Bean
  RecurringJob oldLoginFailuresJob(LoginThrottle throttle) {
    return RecurringJob.cron(
        "account.old-login-failures", "0 */10 * * * *", throttle::forgetOldFailures);
  }
}
