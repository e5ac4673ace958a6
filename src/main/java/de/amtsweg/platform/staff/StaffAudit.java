package de.amtsweg.platform.staff;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log of staff management ({@code staff_audit}): who did what to which account, when.
 * Written in the transaction of the change; names, not ids, so entries outlive the account.
 */
@Component
class StaffAudit {

  /** What was done. */
  enum Action {
    INVITED,
    REINVITED,
    INVITATION_ACCEPTED,
    DISABLED,
    ENABLED,
    FACTOR_REGISTERED,
    FACTOR_RESET
  }

  /** One entry. */
  record Entry(
      Instant at,
      String actor,
      Action action,
      String target,
      @Nullable String tenant,
      @Nullable String detail) {}

  private final JdbcClient jdbc;

  StaffAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(
      String actor,
      Action action,
      String target,
      @Nullable String tenant,
      @Nullable String detail) {
    jdbc.sql(
            """
            insert into staff_audit (actor, action, target_username, target_tenant, detail)
            values (?, ?, ?, ?, ?)
            """)
        .params(actor, action.name(), target, tenant, detail)
        .update();
  }

  /** The newest entries, of one tenant's staff or (tenant null) of all staff. */
  List<Entry> newest(@Nullable String tenant, int limit) {
    return jdbc.sql(
            """
            select at, actor, action, target_username, target_tenant, detail from staff_audit
            where (cast(? as varchar) is null or target_tenant = ?) order by at desc, id desc limit ?
            """)
        .params(tenant, tenant, limit)
        .query(
            (rs, row) ->
                new Entry(
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"),
                    Action.valueOf(rs.getString("action")),
                    rs.getString("target_username"),
                    rs.getString("target_tenant"),
                    rs.getString("detail")))
        .list();
  }
}
