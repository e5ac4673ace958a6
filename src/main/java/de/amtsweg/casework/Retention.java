package de.amtsweg.casework;

import de.amtsweg.delivery.BackChannel;
import de.amtsweg.delivery.Deliveries;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.platform.Times;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes closed cases whose retention period is over: the period the tenant's admins set for the
 * app, or {@code amtsweg.casework.retention}. The Antrag goes with its answers, attachments,
 * receipt and timeline, the case with its notes, questions and Bescheide; what stays is an audit
 * entry naming the reference, the app, when and why. Runs as the job {@code casework.retention}, on
 * one node at a time.
 */
@Service
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final Times times;
  private final JdbcClient jdbc;
  private final Deliveries deliveries;
  private final BackChannel backChannel;
  private final CaseAudit audit;
  private final CaseworkProperties properties;

  Retention(
      JdbcClient jdbc,
      Deliveries deliveries,
      BackChannel backChannel,
      CaseAudit audit,
      CaseworkProperties properties,
      Times times) {
    this.jdbc = jdbc;
    this.deliveries = deliveries;
    this.backChannel = backChannel;
    this.audit = audit;
    this.properties = properties;
    this.times = times;
  }

  /** The job's run. */
  void run() {
    purge(OffsetDateTime.now());
  }

  /**
   * Deletes every closed case whose period ended by {@code now}.
   *
   * @return how many were deleted
   */
  @Transactional
  public int purge(OffsetDateTime now) {
    record Due(
        UUID antragId,
        String reference,
        String tenantArs,
        String appId,
        OffsetDateTime closedAt,
        int days) {}
    // The due cases stay locked until they are gone: a caseworker may still act on a closed case
    // (a note, an assignment), and that action waits and then finds no case instead of writing to
    // one that is being deleted.
    List<Due> due =
        jdbc.sql(
                """
            select c.antrag_id, c.reference, c.tenant_ars, c.app_id, c.closed_at,
              coalesce(s.retention_days, :default) as days
            from casework_case c
            left join casework_app_setting s on s.tenant_ars = c.tenant_ars and s.app_id = c.app_id
            where c.closed_at is not null
              and c.closed_at + make_interval(days => coalesce(s.retention_days, :default)) <= :now
            order by c.closed_at
            for update of c
            """)
            .param("default", properties.retentionDays())
            .param("now", now)
            .query(
                (rs, row) ->
                    new Due(
                        rs.getObject("antrag_id", UUID.class),
                        rs.getString("reference"),
                        rs.getString("tenant_ars"),
                        rs.getString("app_id"),
                        rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getInt("days")))
            .list();
    for (Due d : due) {
      // The Antrag goes with its answers, attachments, receipt and timeline: its owner deletes it
      // when told through the back channel, in this transaction.
      deliveries
          .ofDocument(DocumentType.ANTRAG, d.antragId())
          .filter(delivery -> delivery.tenantArs().equals(d.tenantArs()))
          .ifPresent(backChannel::discard);
      jdbc.sql("delete from casework_case where antrag_id = ?").param(d.antragId()).update();
      audit.record(
          d.tenantArs(),
          CaseAudit.SYSTEM,
          AuditAction.DELETED,
          d.reference(),
          d.appId(),
          // Why, as data the audit page puts into words: the period in days and the day it was
          // closed.
          d.days() + ";" + d.closedAt().atZoneSameInstant(times.zone()).toLocalDate());
      log.info("Case {} deleted after its retention period of {} days", d.reference(), d.days());
    }
    return due.size();
  }
}
