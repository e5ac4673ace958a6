package de.amtsweg.applications;

import de.amtsweg.applications.AntragManagement.AntragNotFoundException;
import de.amtsweg.applications.AntragManagement.StatusTransitionException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way an Antrag's status changes: along {@link AntragStatus#canBecome}, as a
 * compare-and-set on the status the caller saw, with a row in {@code antrag_status_history}. A
 * change that the table does not allow, or that another change overtook, is refused with {@link
 * StatusTransitionException} and leaves no trace. The history holds statuses, time and a technical
 * reason only, never personal data; it goes with the Antrag when that is deleted.
 */
@Component
class AntragStatusGate {

  /** Reasons are short technical words, so that no free text (and no personal data) gets in. */
  private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /** The Antrag was submitted. */
  static final String SUBMITTED = "submitted";

  /** The Antrag is complete, and its tenant wants the fee before submission. */
  static final String AWAITING_PAYMENT = "awaiting-payment";

  /** The fee an Antrag waited for was paid. */
  static final String PAID = "paid";

  private static final Logger log = LoggerFactory.getLogger(AntragStatusGate.class);

  private final JdbcClient jdbc;

  AntragStatusGate(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the status a new Antrag was written with: the first row of its history. */
  @Transactional
  void created(UUID antragId, AntragStatus status, String reason) {
    history(antragId, null, status, reason);
  }

  /**
   * Changes the status from {@code from} to {@code to}.
   *
   * @param from the status the caller saw and decided on
   * @param reason why, as a short technical word ({@code paid}, {@code casework}); no personal data
   * @throws StatusTransitionException when {@code from} cannot become {@code to}, or the Antrag no
   *     longer has the status {@code from} (another change came first)
   * @throws AntragNotFoundException when there is no such Antrag
   */
  @Transactional
  void change(UUID antragId, AntragStatus from, AntragStatus to, String reason) {
    checkReason(reason);
    if (!from.canBecome(to)) {
      throw new StatusTransitionException(from, to);
    }
    int changed =
        jdbc.sql("update antrag set status = ? where id = ? and status = ?")
            .params(to.name(), antragId, from.name())
            .update();
    if (changed == 0) {
      AntragStatus current =
          jdbc.sql("select status from antrag where id = ?")
              .param(antragId)
              .query(String.class)
              .optional()
              .map(AntragStatus::valueOf)
              .orElseThrow(AntragNotFoundException::new);
      throw new StatusTransitionException(current, to);
    }
    history(antragId, from, to, reason);
    log.info("Antrag {} {} -> {} ({})", antragId, from, to, reason);
  }

  private void history(UUID antragId, @Nullable AntragStatus from, AntragStatus to, String reason) {
    checkReason(reason);
    jdbc.sql(
            "insert into antrag_status_history (antrag_id, from_status, to_status, reason)"
                + " values (?, ?, ?, ?)")
        .params(antragId, from == null ? null : from.name(), to.name(), reason)
        .update();
  }

  private static void checkReason(String reason) {
    if (!REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException("A status change reason is a short technical word");
    }
  }
}
