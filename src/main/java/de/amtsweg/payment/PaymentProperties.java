package de.amtsweg.payment;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment module ({@code amtsweg.payment.*}).
 *
 * @param secretKey AES-256 key (Base64 of 32 bytes) that encrypts the tenants' payment service
 *     secrets in the database; required outside the demo profile
 * @param providerTimeout how long a call to a payment service may take (connect and answer)
 * @param reconcileAfter an open payment without notification is asked about at its service after
 *     this time
 * @param expireAfter an open payment the payer never finished expires after this time
 * @param reconciliationInterval how often the reconciliation runs
 */
@ConfigurationProperties("amtsweg.payment")
public record PaymentProperties(
    @Nullable String secretKey,
    @DefaultValue("10s") Duration providerTimeout,
    @DefaultValue("15m") Duration reconcileAfter,
    @DefaultValue("2h") Duration expireAfter,
    @DefaultValue("1m") Duration reconciliationInterval) {}
