package de.amtsweg.catalog;

import de.amtsweg.catalog.VerbundObjects.LinkStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the addresses of the Onlinedienste still work: what a link checker needs to check, and
 * the outcome it records. An address becomes {@link LinkStatus#DEAD} after {@value
 * #FAILURES_UNTIL_DEAD} failed checks in a row (one slow night of a provider must not hide its
 * service) and {@link LinkStatus#OK} again with the first success; {@link OnlineServices} hides
 * dead ones.
 */
@Service
public class OnlinedienstLinks {

  /** Failed checks in a row of the same address after which it counts as dead. */
  public static final int FAILURES_UNTIL_DEAD = 2;

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  OnlinedienstLinks(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Every Onlinedienst with the address to check: its placeholders filled with the Leistung and
   * region of one of its Zuständigkeiten (the address people are actually sent to), or with those
   * of none when it has none.
   */
  public List<Target> targets() {
    return jdbc.sql(
            """
            select d.id, d.url, z.leika_key, z.region_ars
            from onlinedienst d
            left join lateral (select leika_key, region_ars from zustaendigkeit
                               where onlinedienst_id = d.id order by id limit 1) z on true
            order by d.id
            """)
        .query(
            (rs, row) -> {
              String url = rs.getString("url");
              String leikaKey = rs.getString("leika_key");
              String region = rs.getString("region_ars");
              String address =
                  url.replace("{leikaKey}", leikaKey == null ? "" : leikaKey)
                      .replace("{ars}", region == null ? "" : region);
              return new Target(rs.getString("id"), url, address);
            })
        .list();
  }

  /**
   * Records the outcome of a check of {@code target}. Ignored when the Onlinedienst is gone or its
   * address changed since the target was read (the new address is checked next time).
   *
   * @param problem why the check failed, as a short code ({@code timeout}, {@code http-404}); null
   *     for success
   * @return the status before and after, empty when ignored
   */
  @Transactional
  public Optional<Change> record(Target target, @Nullable String problem, Instant checkedAt) {
    Optional<LinkStatus> before =
        jdbc.sql("select link_status from onlinedienst where id = ? and url = ? for update")
            .params(target.id(), target.url())
            .query((rs, row) -> LinkStatus.valueOf(rs.getString("link_status")))
            .optional();
    if (before.isEmpty()) {
      return Optional.empty();
    }
    LinkStatus after =
        jdbc.sql(
                """
                update onlinedienst set
                    link_failures = case when cast(:problem as varchar) is null then 0
                                         when link_checked_url = :url then link_failures + 1
                                         else 1 end,
                    link_status = case when cast(:problem as varchar) is null then 'OK'
                                       when (case when link_checked_url = :url
                                                  then link_failures + 1 else 1 end) >= :dead
                                       then 'DEAD'
                                       else link_status end,
                    link_checked_at = :checkedAt, link_problem = :problem, link_checked_url = :url
                where id = :id
                returning link_status
                """)
            .param("problem", problem == null ? null : truncate(problem))
            .param("url", target.url())
            .param("dead", FAILURES_UNTIL_DEAD)
            .param("checkedAt", Timestamp.from(checkedAt))
            .param("id", target.id())
            .query((rs, row) -> LinkStatus.valueOf(rs.getString("link_status")))
            .single();
    if (after != before.get()) {
      // Search results and service pages show or hide the service from now on.
      jdbc.sql("select distinct leika_key from zustaendigkeit where onlinedienst_id = ?")
          .param(target.id())
          .query(String.class)
          .list()
          .forEach(key -> events.publishEvent(new CatalogChanged(key)));
    }
    return Optional.of(new Change(target.id(), before.get(), after));
  }

  /** Every Onlinedienst with the outcome of its last check, dead ones first, for the operator. */
  public List<State> states() {
    return jdbc.sql(
            """
            select id, source, name, provider, url, link_status, link_checked_at, link_problem,
                link_failures
            from onlinedienst
            order by case link_status when 'DEAD' then 0 when 'UNCHECKED' then 1 else 2 end,
                provider, name, id
            """)
        .query(OnlinedienstLinks::state)
        .list();
  }

  private static String truncate(String problem) {
    return problem.length() > 300 ? problem.substring(0, 300) : problem;
  }

  private static State state(ResultSet rs, int row) throws SQLException {
    Timestamp checkedAt = rs.getTimestamp("link_checked_at");
    return new State(
        rs.getString("id"),
        rs.getString("source"),
        rs.getString("name"),
        rs.getString("provider"),
        rs.getString("url"),
        LinkStatus.valueOf(rs.getString("link_status")),
        checkedAt == null ? null : checkedAt.toInstant(),
        rs.getString("link_problem"),
        rs.getInt("link_failures"));
  }

  /**
   * An address to check.
   *
   * @param url the Onlinedienst's address as stored, possibly with placeholders
   * @param address the address to request, placeholders filled
   */
  public record Target(String id, String url, String address) {}

  /** What a recorded check changed. */
  public record Change(String id, LinkStatus before, LinkStatus after) {

    /** Whether this check made the address dead. */
    public boolean died() {
      return after == LinkStatus.DEAD && before != LinkStatus.DEAD;
    }
  }

  /** An Onlinedienst and the outcome of its last check. */
  public record State(
      String id,
      String source,
      String name,
      String provider,
      String url,
      LinkStatus status,
      @Nullable Instant checkedAt,
      @Nullable String problem,
      int failures) {}
}
