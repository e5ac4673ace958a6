package de.amtsweg.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment module ({@code amtsweg.payment.*}). The older setting {@code
 * amtsweg.payment.secret-key} is read by {@code platform.SecretBox}: it is the key {@code payment}
 * of its key ring, which opens the payment secrets sealed with it.
 *
 * @param providerTimeout how long a call to a payment service may take (connect and answer)
 * @param reconcileAfter an open payment without notification is asked about at its service after
 *     this time
 * @param expireAfter an open payment the payer never finished expires after this time
 * @param reconciliationInterval how often the reconciliation runs
 */
@ConfigurationProperties("amtsweg.payment")
public record PaymentProperties(
    @DefaultValue("10s") Duration providerTimeout,
    @DefaultValue("15m") Duration reconcileAfter,
    @DefaultValue("2h") Duration expireAfter,
    @DefaultValue("1m") Duration reconciliationInterval) {}
