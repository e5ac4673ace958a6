package de.amtsweg.federation.forwarding;

import de.amtsweg.platform.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The link checker's runs, every {@code amtsweg.federation.forwarding.link-check-interval}. */
@Configuration(proxyBeanMethods = false)
class ForwardingJobs {

  @Bean
  RecurringJob federationLinkCheckJob(LinkChecker checker, ForwardingProperties properties) {
    return RecurringJob.every(
            "federation.link-check", properties.linkCheckInterval(), () -> checker.run())
        .enabledWhen(properties.linkCheck());
  }
}
