package de.amtsweg.federation;

import de.amtsweg.platform.RecurringJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scheduled import of all sources, every {@code amtsweg.federation.import-interval}. */
@Configuration(proxyBeanMethods = false)
class FederationJobs {

  @Bean
  RecurringJob federationImportJob(VerbundImport imports, FederationProperties properties) {
    return RecurringJob.every("federation.import", properties.importInterval(), imports::runAll)
        .enabledWhen(properties.importEnabled() && !properties.sources().isEmpty());
  }
}
