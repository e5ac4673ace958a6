package de.amtsweg.delivery;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the delivery engine ({@code amtsweg.delivery.*}).
 *
 * @param worker the worker that pushes deliveries, and how it retries Anträge
 * @param webhook how webhooks are sent and callbacks checked
 * @param acknowledgeWithin an Antrag's delivery not acknowledged this long after submission is
 *     shown as an alert in the cockpit and mailed once to the tenant's alert address
 * @param eRechnung how the worker retries e-invoices to the finance system
 * @param fileDropDirectory base folder of file drops: each tenant writes only below {@code
 *     <folder>/<tenant slug>/}; without it there are no file drops
 */
@ConfigurationProperties("amtsweg.delivery")
public record DeliveryProperties(
    @DefaultValue Worker worker,
    @DefaultValue Webhook webhook,
    @DefaultValue("PT48H") Duration acknowledgeWithin,
    @DefaultValue ERechnung eRechnung,
    @Nullable Path fileDropDirectory) {

  /**
   * @param enabled whether the worker runs as a platform job (on one node at a time); switched off
   *     on one node, the job's next run is removed for the whole cluster (tests run it themselves)
   * @param pollInterval pause between two runs
   * @param batchSize deliveries claimed at once
   * @param concurrency pushes in flight at once per node
   * @param lease how long a claimed delivery stays with its worker; after that (a killed node)
   *     another worker takes it
   * @param maxAttempts attempts before an Antrag falls back to the case inbox
   * @param baseDelay delay before the second attempt; doubled for every further one (with jitter)
   * @param maxDelay the longest delay between two attempts
   */
  public record Worker(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("5s") Duration pollInterval,
      @DefaultValue("50") int batchSize,
      @DefaultValue("8") int concurrency,
      @DefaultValue("PT5M") Duration lease,
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("PT30S") Duration baseDelay,
      @DefaultValue("PT6H") Duration maxDelay) {}

  /**
   * @param connectTimeout how long to wait for the receiver's endpoint to accept a connection
   * @param timeout how long a push may take in all
   * @param replayWindow a signed callback whose timestamp is further from now is refused; a
   *     signature is remembered this long, so that it cannot be used twice
   */
  public record Webhook(
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue("PT5M") Duration replayWindow) {}

  /**
   * Retries of e-invoice exports: no fallback; after the last attempt the failure waits in the
   * invoice inbox for a person.
   *
   * @param maxAttempts attempts (by the worker and by hand) before the worker stops trying
   * @param baseDelay delay after the first failure, doubled for every further one (with jitter)
   * @param maxDelay the longest delay between two attempts
   */
  public record ERechnung(
      @DefaultValue("10") int maxAttempts,
      @DefaultValue("PT1M") Duration baseDelay,
      @DefaultValue("PT1H") Duration maxDelay) {}

  /** How the worker retries deliveries of a document type. */
  record Policy(int maxAttempts, Duration baseDelay, Duration maxDelay, boolean fallBack) {}

  Policy policy(DocumentType type) {
    return switch (type) {
      case ANTRAG -> new Policy(worker.maxAttempts(), worker.baseDelay(), worker.maxDelay(), true);
      case E_RECHNUNG ->
          new Policy(eRechnung.maxAttempts(), eRechnung.baseDelay(), eRechnung.maxDelay(), false);
    };
  }
}
