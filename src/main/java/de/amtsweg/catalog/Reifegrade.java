package de.amtsweg.catalog;

import de.amtsweg.platform.Times;
import de.amtsweg.tenancy.Authorities;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The OZG maturity (Reifegrad) of each authority's online offer per Leistung: an append-only
 * history in which each assessment keeps its model version, so that reports can compare like with
 * like and a new model never rescores the past.
 */
@Service
public class Reifegrade {

  private static final String COLUMNS = "authority_ars, leika_key, model, level, assessed_on, note";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  private final Authorities authorities;
  private final Times times;

  Reifegrade(
      JdbcClient jdbc, ApplicationEventPublisher events, Authorities authorities, Times times) {
    this.jdbc = jdbc;
    this.events = events;
    this.authorities = authorities;
    this.times = times;
  }

  /**
   * Records an assessment.
   *
   * @throws CatalogException {@link CatalogException#INVALID_REIFEGRAD} if the level does not exist
   *     in the model, or the date is in the future; {@link CatalogException#NOT_FOUND} for an
   *     unknown Leistung
   * @throws de.amtsweg.tenancy.AuthorityNotFoundException for an unknown authority
   */
  @Transactional
  public Reifegrad record(
      String authorityArs,
      String leikaKey,
      ReifegradModell model,
      int level,
      LocalDate assessedOn,
      @Nullable String note) {
    if (level < 0 || level > model.maxLevel() || assessedOn.isAfter(times.today())) {
      throw new CatalogException(
          HttpStatus.BAD_REQUEST,
          CatalogException.INVALID_REIFEGRAD,
          model.code(),
          model.maxLevel());
    }
    authorities.get(authorityArs);
    Integer known =
        jdbc.sql("select count(*) from leistung where leika_key = ?")
            .param(leikaKey)
            .query(Integer.class)
            .single();
    if (known == 0) {
      throw CatalogException.notFound(leikaKey);
    }
    jdbc.sql(
            """
            insert into reifegrad_bewertung (id, authority_ars, leika_key, model, level, assessed_on, note)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(UUID.randomUUID(), authorityArs, leikaKey, model.code(), level, assessedOn, note)
        .update();
    events.publishEvent(new CatalogChanged(leikaKey));
    return new Reifegrad(authorityArs, leikaKey, model, level, assessedOn, note);
  }

  /** The latest assessment, in the model it was made under. */
  public Optional<Reifegrad> current(String authorityArs, String leikaKey) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from reifegrad_bewertung where authority_ars = ? and leika_key = ?"
                + " order by assessed_on desc, recorded_at desc limit 1")
        .params(authorityArs, leikaKey)
        .query(Reifegrade::map)
        .optional();
  }

  /** Every assessment, newest first. */
  public List<Reifegrad> history(String authorityArs, String leikaKey) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from reifegrad_bewertung where authority_ars = ? and leika_key = ?"
                + " order by assessed_on desc, recorded_at desc")
        .params(authorityArs, leikaKey)
        .query(Reifegrade::map)
        .list();
  }

  /** All current assessments, for reporting: one per authority and Leistung. */
  public List<Reifegrad> allCurrent() {
    return jdbc.sql(
            "select distinct on (authority_ars, leika_key) "
                + COLUMNS
                + " from reifegrad_bewertung"
                + " order by authority_ars, leika_key, assessed_on desc, recorded_at desc")
        .query(Reifegrade::map)
        .list();
  }

  private static Reifegrad map(ResultSet rs, int row) throws SQLException {
    return new Reifegrad(
        rs.getString("authority_ars"),
        rs.getString("leika_key"),
        ReifegradModell.of(rs.getString("model")).orElseThrow(),
        rs.getInt("level"),
        rs.getObject("assessed_on", LocalDate.class),
        rs.getString("note"));
  }
}
