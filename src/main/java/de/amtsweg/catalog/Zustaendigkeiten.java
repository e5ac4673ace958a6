package de.amtsweg.catalog;

import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.AuthorityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zuständigkeit: for a Leistung and a place, the responsible authority. The Leistung's level
 * (Verwaltungsebene) is resolved along the place's chain of authorities; an operator's override for
 * the place or any region above it wins, the most specific first. See
 * docs/adr/0007-zustaendigkeit.md.
 */
@Service
public class Zustaendigkeiten {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Authorities authorities;

  Zustaendigkeiten(JdbcClient jdbc, Authorities authorities, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.authorities = authorities;
    this.events = events;
  }

  /**
   * @throws CatalogException if the Leistung does not exist
   * @throws de.amtsweg.tenancy.MalformedArsException if the ARS is not 12 digits
   * @throws de.amtsweg.tenancy.AuthorityNotFoundException if no authority has it
   */
  public Zustaendigkeit responsible(String leikaKey, String placeArs) {
    Place place = place(placeArs);
    Level level =
        jdbc.sql("select leika_key, ebene, ebene_reason from leistung where leika_key = ?")
            .param(leikaKey)
            .query(Zustaendigkeiten::level)
            .optional()
            .orElseThrow(() -> CatalogException.notFound(leikaKey));
    return Objects.requireNonNull(responsible(List.of(level), place).get(leikaKey), "resolved");
  }

  /** The place with its chain of authorities, for resolving many Leistungen at once. */
  Place place(String placeArs) {
    Authority authority = authorities.get(placeArs);
    List<Authority> chain = new ArrayList<>();
    chain.add(authority);
    chain.addAll(authorities.ancestors(authority.ars()));
    return new Place(List.copyOf(chain));
  }

  /** Resolves several Leistungen at one place with one query for overrides. */
  Map<String, Zustaendigkeit> responsible(Collection<Level> levels, Place place) {
    Map<String, Zustaendigkeit> result = new HashMap<>();
    if (levels.isEmpty()) {
      return result;
    }
    Map<String, Map<String, OverrideRow>> overrides = new HashMap<>();
    jdbc.sql(
            """
            select leika_key, region_ars, authority_ars, reason from zustaendigkeit_override
            where leika_key = any(?) and region_ars = any(?)
            """)
        .params(
            levels.stream().map(Level::leikaKey).toArray(String[]::new),
            place.chain().stream().map(Authority::ars).toArray(String[]::new))
        .query(
            (rs, row) ->
                new OverrideRow(
                    rs.getString("leika_key"),
                    rs.getString("region_ars"),
                    rs.getString("authority_ars"),
                    rs.getString("reason")))
        .list()
        .forEach(
            o ->
                overrides
                    .computeIfAbsent(o.leikaKey(), k -> new HashMap<>())
                    .put(o.regionArs(), o));
    for (Level level : levels) {
      result.put(
          level.leikaKey(),
          resolve(level, place, overrides.getOrDefault(level.leikaKey(), Map.of())));
    }
    return result;
  }

  private Zustaendigkeit resolve(Level level, Place place, Map<String, OverrideRow> overrides) {
    for (Authority region : place.chain()) {
      OverrideRow override = overrides.get(region.ars());
      if (override != null) {
        Authority responsible = authorities.find(override.authorityArs()).orElse(null);
        if (responsible != null) {
          return new Zustaendigkeit(level.ebene(), override.reason(), responsible, true);
        }
      }
    }
    return new Zustaendigkeit(level.ebene(), level.reason(), byLevel(level.ebene(), place), false);
  }

  private @Nullable Authority byLevel(Verwaltungsebene ebene, Place place) {
    Authority here = place.chain().getFirst();
    return switch (ebene) {
      case BUND -> null;
      case LAND -> place.first(AuthorityType.LAND);
      case KREIS -> place.first(AuthorityType.LANDKREIS, AuthorityType.KREISFREIE_STADT);
      case GEMEINDE -> here.type().isMunicipality() ? here : null;
      case GEMEINDEVERBAND -> {
        Authority verband = isVerband(here) ? here : null;
        if (verband == null
            && here.type().isMunicipality()
            && place.chain().size() > 1
            && isVerband(place.chain().get(1))) {
          verband = place.chain().get(1);
        }
        if (verband == null) {
          yield here.type().isMunicipality() ? here : null;
        }
        // An erfüllende Gemeinde's tasks are carried out by the administration of its Gemeinde.
        yield verband.type() == AuthorityType.ERFUELLENDE_GEMEINDE
            ? authorities.fulfillingGemeinde(verband.ars()).orElse(verband)
            : verband;
      }
    };
  }

  private static boolean isVerband(Authority authority) {
    return authority.type() == AuthorityType.VERWALTUNGSGEMEINSCHAFT
        || authority.type() == AuthorityType.ERFUELLENDE_GEMEINDE;
  }

  /** All overrides, newest first. */
  public List<Override> overrides() {
    return jdbc.sql(
            """
            select o.id, o.leika_key, l.name, o.region_ars, o.authority_ars, o.reason, o.created_at
            from zustaendigkeit_override o join leistung l on l.leika_key = o.leika_key
            order by o.created_at desc
            """)
        .query(
            (rs, row) ->
                new Override(
                    rs.getObject("id", UUID.class),
                    rs.getString("leika_key"),
                    rs.getString("name"),
                    rs.getString("region_ars"),
                    rs.getString("authority_ars"),
                    rs.getString("reason"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  /**
   * Makes {@code authorityArs} responsible for the Leistung in the region (a place or any authority
   * above it).
   *
   * @throws CatalogException if the Leistung does not exist or an override for this region exists
   */
  @Transactional
  public void addOverride(String leikaKey, String regionArs, String authorityArs, String reason) {
    authorities.get(regionArs);
    authorities.get(authorityArs);
    if (jdbc.sql("select count(*) from leistung where leika_key = ?")
            .param(leikaKey)
            .query(Integer.class)
            .single()
        == 0) {
      throw CatalogException.notFound(leikaKey);
    }
    try {
      jdbc.sql(
              """
              insert into zustaendigkeit_override (id, leika_key, region_ars, authority_ars, reason)
              values (?, ?, ?, ?, ?)
              """)
          .params(UUID.randomUUID(), leikaKey, regionArs, authorityArs, reason)
          .update();
      events.publishEvent(new CatalogChanged(leikaKey));
    } catch (DuplicateKeyException e) {
      throw new CatalogException(
          HttpStatus.CONFLICT, CatalogException.OVERRIDE_EXISTS, leikaKey, regionArs);
    }
  }

  /** Removes an override; the rule applies again. */
  @Transactional
  public void removeOverride(UUID id) {
    jdbc.sql("delete from zustaendigkeit_override where id = ? returning leika_key")
        .param(id)
        .query(String.class)
        .optional()
        .ifPresent(leikaKey -> events.publishEvent(new CatalogChanged(leikaKey)));
  }

  /** An operator's decision that differs from the rule. */
  public record Override(
      UUID id,
      String leikaKey,
      String leistungName,
      String regionArs,
      String authorityArs,
      String reason,
      Instant createdAt) {}

  /** A Leistung's level and the reason for it. */
  record Level(String leikaKey, Verwaltungsebene ebene, String reason) {}

  /** A place and the authorities above it, nearest first. */
  record Place(List<Authority> chain) {
    @Nullable Authority first(AuthorityType... types) {
      for (Authority authority : chain) {
        for (AuthorityType type : types) {
          if (authority.type() == type) {
            return authority;
          }
        }
      }
      return null;
    }
  }

  private record OverrideRow(
      String leikaKey, String regionArs, String authorityArs, String reason) {}

  static Level level(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Level(
        rs.getString("leika_key"),
        Verwaltungsebene.valueOf(rs.getString("ebene")),
        rs.getString("ebene_reason"));
  }
}
