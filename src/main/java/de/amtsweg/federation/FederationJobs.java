package de.amtsweg.federation;

import de.amtsweg.platform.RecurringJob;
import de.amtsweg.platform.SealedColumn;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduled import of all sources, every {@code amtsweg.federation.import-interval}; where the
 * module keeps sealed values.
 */
@Configuration(proxyBeanMethods = false)
class FederationJobs {

  @Bean
  RecurringJob federationImportJob(VerbundImport imports, FederationProperties properties) {
    return RecurringJob.every("federation.import", properties.importInterval(), imports::runAll)
        .enabledWhen(properties.importEnabled() && !properties.sources().isEmpty());
  }

  /** The import once at start-up, where {@code amtsweg.federation.import-on-start} asks for it. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> federationImportOnStart(
      VerbundImport imports, FederationProperties properties) {
    return event -> {
      if (properties.importOnStart()) {
        try {
          imports.runAll();
        } catch (RuntimeException e) {
          // The portal serves without the import; the schedule and the operator try again.
          LoggerFactory.getLogger(FederationJobs.class).warn("Import at start-up failed", e);
        }
      }
    };
  }

  /** The private signing keys, re-sealed after a rotation of the secrets' key. */
  @Bean
  SealedColumn federationSigningKeyColumn() {
    return new SealedColumn(
        "federation_signing_key", "private_jwk", "'" + SigningKeys.OWNER + "' || kid");
  }
}
