package de.amtsweg.einvoice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the E-Rechnung intake ({@code amtsweg.einvoice.*}).
 *
 * @param maxSize largest invoice accepted (XML or PDF)
 * @param acceptOutdatedXrechnung validate XRechnung 2.3 invoices with the 2.3.1 rules instead of
 *     rejecting them as outdated (default: reject, as the reference validator does)
 * @param intakeNoticeInterval at most one e-mail per supplier organisation in this time about
 *     invoices rejected at intake
 */
@ConfigurationProperties("amtsweg.einvoice")
public record EinvoiceProperties(
    @DefaultValue("20MB") DataSize maxSize,
    @DefaultValue("false") boolean acceptOutdatedXrechnung,
    @DefaultValue("15m") Duration intakeNoticeInterval) {}
