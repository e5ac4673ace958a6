package de.amtsweg.einvoice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries failed exports again by itself, so that a finance system that was down gets its invoices
 * when it is back, without anybody clicking "export" again. The wait doubles after each attempt (1,
 * 2, 4 … minutes, at most an hour); after {@value #MAX_ATTEMPTS} attempts it stops, and the
 * failure, shown in the invoice inbox, waits for a person. Each retry is claimed with one
 * conditional update, so two nodes never send the same invoice at the same moment (the receiver
 * deduplicates by the idempotency key anyway).
 */
@Component
class ExportRetries {

  static final int MAX_ATTEMPTS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(ExportRetries.class);

  private final JdbcClient jdbc;
  private final Einvoices einvoices;

  ExportRetries(JdbcClient jdbc, Einvoices einvoices) {
    this.jdbc = jdbc;
    this.einvoices = einvoices;
  }

  private record Due(UUID id, String tenant, int version, OffsetDateTime attemptedAt) {}

  @Scheduled(
      fixedDelayString = "${amtsweg.einvoice.export-retry-interval:1m}",
      initialDelayString = "PT1M")
  void retryDue() {
    int exported = retry();
    if (exported > 0) {
      LOG.info("{} invoice export(s) succeeded on retry", exported);
    }
  }

  /** Retries every failed export whose wait is over; returns how many are exported now. */
  int retry() {
    List<Due> due =
        jdbc.sql(
                """
        select id, tenant_slug, version, export_attempted_at from einvoice
        where status = 'SACHLICH_RICHTIG' and export_error is not null and export_attempts < ?
          and export_attempted_at < now() - least(interval '1 hour', interval '1 minute' * power(2, export_attempts - 1))
        order by export_attempted_at limit 100""")
            .param(MAX_ATTEMPTS)
            .query(
                (rs, n) ->
                    new Due(
                        rs.getObject("id", UUID.class),
                        rs.getString("tenant_slug"),
                        rs.getInt("version"),
                        rs.getObject("export_attempted_at", OffsetDateTime.class)))
            .list();
    int exported = 0;
    for (Due invoice : due) {
      boolean claimed =
          jdbc.sql(
                      "update einvoice set export_attempted_at = now() where id = ? and export_attempted_at = ?")
                  .params(invoice.id(), invoice.attemptedAt())
                  .update()
              == 1;
      if (!claimed) {
        continue;
      }
      try {
        if (einvoices.export(invoice.tenant(), invoice.id(), invoice.version()).status()
            == Einvoices.Status.EXPORTIERT) {
          exported++;
        }
      } catch (EinvoiceException e) {
        // Changed meanwhile (status, version) or the route was removed: nothing to retry.
        LOG.info("Export retry of invoice {} skipped: {}", invoice.id(), e.type());
      }
    }
    return exported;
  }
}
