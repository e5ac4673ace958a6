package de.amtsweg.einvoice;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the E-Rechnung intake ({@code amtsweg.einvoice.*}).
 *
 * @param maxSize largest invoice accepted (XML or PDF)
 * @param acceptOutdatedXrechnung validate XRechnung 2.3 invoices with the 2.3.1 rules instead of
 *     rejecting them as outdated (default: reject, as the reference validator does)
 * @param exportDirectory the folder under which file-drop exports are written, each tenant in its
 *     own sub-folder {@code <tenant>/} (plus the folder its admins chose); no file drop when unset
 * @param intakeNoticeInterval at most one e-mail per supplier organisation in this time about
 *     invoices rejected at intake
 * @param webhookTimeout how long an export by webhook may take (connect and answer)
 * @param webhookAllowHttp allow {@code http://} webhook addresses (default: only {@code https://});
 *     for tests and finance systems reachable only inside a trusted network
 */
@ConfigurationProperties("amtsweg.einvoice")
public record EinvoiceProperties(
    @DefaultValue("20MB") DataSize maxSize,
    @DefaultValue("false") boolean acceptOutdatedXrechnung,
    @Nullable Path exportDirectory,
    @DefaultValue("15m") Duration intakeNoticeInterval,
    @DefaultValue("10s") Duration webhookTimeout,
    @DefaultValue("false") boolean webhookAllowHttp) {}
