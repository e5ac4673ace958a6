package de.amtsweg.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the delivery to Fachverfahren ({@code amtsweg.delivery.*}).
 *
 * @param worker the worker that pushes webhook deliveries
 * @param webhook how webhooks are sent and callbacks checked
 * @param acknowledgeWithin a delivery not acknowledged this long after submission is shown as an
 *     alert in the cockpit and mailed once to the tenant's alert address
 */
@ConfigurationProperties("amtsweg.delivery")
public record DeliveryProperties(
    @DefaultValue Worker worker,
    @DefaultValue Webhook webhook,
    @DefaultValue("PT48H") Duration acknowledgeWithin) {

  /**
   * @param enabled whether this node runs the worker on a schedule (several nodes may)
   * @param pollInterval pause between two runs
   * @param batchSize deliveries claimed at once
   * @param concurrency pushes in flight at once per node
   * @param lease how long a claimed delivery stays with its worker; after that (a killed node)
   *     another worker takes it
   * @param maxAttempts attempts before the Antrag falls back to the case inbox
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
   * @param connectTimeout how long to wait for the Fachverfahren's endpoint to accept a connection
   * @param timeout how long a push may take in all
   * @param replayWindow a signed callback whose timestamp is further from now is refused; a
   *     signature is remembered this long, so that it cannot be used twice
   */
  public record Webhook(
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("30s") Duration timeout,
      @DefaultValue("PT5M") Duration replayWindow) {}
}
