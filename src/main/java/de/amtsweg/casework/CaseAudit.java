package de.amtsweg.casework;

import de.amtsweg.platform.Times;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of the case inbox: who saw or changed which case when. Entries name the staff
 * account, the action, the reference and the app, never answers or other personal data. Only the
 * tenant's admins read it, and only their tenant's entries.
 */
@Service
public class CaseAudit {

  /** The actor of entries the retention job writes. */
  public static final String SYSTEM = "system";

  /** One entry. */
  public record Entry(
      OffsetDateTime at,
      String actor,
      AuditAction action,
      String reference,
      String appId,
      @Nullable String detail) {}

  /** What an admin looks for; every part is optional. */
  public record Filter(
      @Nullable String reference,
      @Nullable String actor,
      @Nullable LocalDate from,
      @Nullable LocalDate to) {}

  /** One page, newest first. */
  public record Page(List<Entry> entries, int page, int size, long total) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  private final Times times;
  private final JdbcClient jdbc;
  private final CaseworkProperties properties;

  CaseAudit(JdbcClient jdbc, CaseworkProperties properties, Times times) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.times = times;
  }

  /** Writes an entry in the caller's transaction, so a view that fails leaves none behind. */
  @Transactional(propagation = Propagation.MANDATORY)
  void record(
      String tenantArs,
      String actor,
      AuditAction action,
      String reference,
      String appId,
      @Nullable String detail) {
    jdbc.sql(
            "insert into casework_audit (tenant_ars, actor, action, reference, app_id, detail) values (?, ?, ?, ?, ?, ?)")
        .params(tenantArs, actor, action.name(), reference, appId, detail)
        .update();
  }

  /**
   * The tenant's entries matching the filter (reference and user exactly, dates in Berlin time).
   */
  public Page search(Caseworker admin, Filter filter, int page) {
    if (!admin.admin()) {
      throw new CaseworkException.NotAllowed();
    }
    String where =
        """
        where tenant_ars = :tenant
          and (cast(:reference as text) is null or reference = :reference)
          and (cast(:actor as text) is null or actor = :actor)
          and (cast(:from as timestamptz) is null or at >= :from)
          and (cast(:to as timestamptz) is null or at < :to)
        """;
    OffsetDateTime from =
        filter.from() == null ? null : filter.from().atStartOfDay(times.zone()).toOffsetDateTime();
    OffsetDateTime to =
        filter.to() == null
            ? null
            : filter.to().plusDays(1).atStartOfDay(times.zone()).toOffsetDateTime();
    int size = properties.pageSize();
    long total =
        jdbc.sql("select count(*) from casework_audit " + where)
            .param("tenant", admin.tenantArs())
            .param("reference", blankToNull(filter.reference()))
            .param("actor", blankToNull(filter.actor()))
            .param("from", from)
            .param("to", to)
            .query(Long.class)
            .single();
    List<Entry> entries =
        jdbc.sql(
                "select * from casework_audit "
                    + where
                    + " order by at desc, id desc limit :size offset :offset")
            .param("tenant", admin.tenantArs())
            .param("reference", blankToNull(filter.reference()))
            .param("actor", blankToNull(filter.actor()))
            .param("from", from)
            .param("to", to)
            .param("size", size)
            .param("offset", (long) Math.max(0, page) * size)
            .query(
                (rs, row) ->
                    new Entry(
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getString("reference"),
                        rs.getString("app_id"),
                        rs.getString("detail")))
            .list();
    return new Page(entries, Math.max(0, page), size, total);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
