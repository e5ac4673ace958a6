package de.amtsweg.einvoice;

import de.amtsweg.einvoice.Einvoices.Status;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that writes {@code einvoice.status} after intake: a compare-and-set update from the
 * status and version the caller read, along {@link Status#next}, and a history row.
 */
@Component
class EinvoiceStatusGate {

  private final JdbcClient jdbc;

  EinvoiceStatusGate(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Moves the invoice from {@code from} to {@code to}, in the caller's transaction.
   *
   * @param reason the reason staff gave (sent to the supplier when declined), or null
   * @param why a short technical note for the history (no invoice data)
   * @throws EinvoiceException {@code einvoice-status-conflict} when {@code to} cannot follow {@code
   *     from}, or another change came first
   */
  void change(
      UUID id, Status from, Status to, @Nullable String reason, int expectedVersion, String why) {
    if (!from.next().contains(to)) {
      throw EinvoiceException.transition();
    }
    int updated =
        jdbc.sql(
                """
            update einvoice set status = ?, status_reason = ?, status_changed_at = now(), version = version + 1
            where id = ? and status = ? and version = ?""")
            .params(to.name(), reason, id, from.name(), expectedVersion)
            .update();
    if (updated == 0) {
      throw EinvoiceException.transition();
    }
    jdbc.sql(
            "insert into einvoice_status_history (einvoice_id, from_status, to_status, reason)"
                + " values (?, ?, ?, ?)")
        .params(id, from.name(), to.name(), why)
        .update();
  }
}
