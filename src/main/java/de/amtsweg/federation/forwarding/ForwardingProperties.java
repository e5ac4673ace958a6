package de.amtsweg.federation.forwarding;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of forwarding to other providers' online services ({@code
 * amtsweg.federation.forwarding.*}).
 *
 * @param linkCheck whether the link checker runs as a platform job (on one node at a time)
 * @param linkCheckInterval pause between two runs of the link checker
 * @param linkConnectTimeout how long the link checker waits for a connection
 * @param linkTimeout how long one check may take in all
 * @param linkConcurrency checks in flight at once
 * @param operatorEmail where the link checker reports addresses that died; none: only the operator
 *     page shows them
 */
@ConfigurationProperties("amtsweg.federation.forwarding")
public record ForwardingProperties(
    @DefaultValue("true") boolean linkCheck,
    @DefaultValue("PT6H") Duration linkCheckInterval,
    @DefaultValue("PT5S") Duration linkConnectTimeout,
    @DefaultValue("PT10S") Duration linkTimeout,
    @DefaultValue("8") int linkConcurrency,
    @Nullable String operatorEmail) {}
