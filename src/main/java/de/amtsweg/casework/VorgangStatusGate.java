package de.amtsweg.casework;

import de.amtsweg.delivery.BackChannel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one place that writes {@code casework_case.status}. */
@Component
class VorgangStatusGate {

  private static final Logger log = LoggerFactory.getLogger(VorgangStatusGate.class);

  private final JdbcClient jdbc;
  private final Cases cases;
  private final BackChannel backChannel;

  VorgangStatusGate(JdbcClient jdbc, Cases cases, BackChannel backChannel) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.backChannel = backChannel;
  }

  /**
   * The case's one gate for its status: a compare-and-set update from the status the caller read, a
   * history row, and the report to the Antrag's owner through the back channel (which may refuse,
   * rolling everything back). In the caller's transaction.
   *
   * @param note a reference for the applicant's timeline entry (a Postfach message id)
   * @param by who changed it (a staff member, or {@code system})
   * @throws CaseworkException.StatusTransition when {@code next} cannot follow the current status,
   *     or another change came first
   */
  void change(
      Vorgang vorgang, VorgangStatus next, @Nullable String note, String by, String reason) {
    if (!vorgang.status().canBecome(next)) {
      throw new CaseworkException.StatusTransition(vorgang.status(), next);
    }
    int changed =
        jdbc.sql(
                """
                update casework_case set status = ?, version = version + 1,
                  closed_at = case when ? = 'ABGESCHLOSSEN' then now() else closed_at end
                where antrag_id = ? and status = ?
                """)
            .params(next.name(), next.name(), vorgang.antragId(), vorgang.status().name())
            .update();
    if (changed == 0) {
      throw new CaseworkException.StatusTransition(vorgang.status(), next);
    }
    jdbc.sql(
            "insert into casework_status_history (antrag_id, from_status, to_status, changed_by, reason)"
                + " values (?, ?, ?, ?, ?)")
        .params(vorgang.antragId(), vorgang.status().name(), next.name(), by, reason)
        .update();
    backChannel.record(cases.delivery(vorgang), next.reported(), next.name(), note);
    log.info("Case {} is now {}", vorgang.reference(), next);
  }
}
