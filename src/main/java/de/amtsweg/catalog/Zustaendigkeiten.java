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
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Zuständigkeit: for a Leistung and a place, who is responsible and how sure that is. Walking the
 * place's chain of authorities from the place up to the Land and then Germany, the first region
 * with an operator's override ({@link Zustaendigkeit.Basis#OVERRIDE}) or a stored Zuständigkeit of
 * role {@code ZUSTAENDIGE_STELLE} ({@link Zustaendigkeit.Basis#DATA}) decides, the override first
 * within one region. Without either, the Leistung's Verwaltungsebene is resolved along the chain
 * (docs/adr/0007-zustaendigkeit.md), but only a rule a person wrote down names somebody ({@link
 * Zustaendigkeit.Basis#RULE}); the Typisierung guesses give {@link Zustaendigkeit.Basis#UNKNOWN}.
 * See docs/adr/0027-responsibility-as-data.md.
 */
@Service
public class Zustaendigkeiten {

  /** The Land's own region (Thüringen), asked after the place's chain if the chain lacks it. */
  static final String LAND = "160000000000";

  /** The reason given when nobody is known: the rule's guess is not repeated as a reason. */
  static final String UNKNOWN =
      "Für diese Leistung liegen für diesen Ort weder Zuständigkeitsdaten noch eine verlässliche"
          + " Regel vor.";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Authorities authorities;
  private final VerbundObjects objects;
  private final OnlineOffers offers;

  Zustaendigkeiten(
      JdbcClient jdbc,
      Authorities authorities,
      ApplicationEventPublisher events,
      VerbundObjects objects,
      OnlineOffers offers) {
    this.offers = offers;
    this.jdbc = jdbc;
    this.authorities = authorities;
    this.events = events;
    this.objects = objects;
  }

  /**
   * @throws CatalogException if the Leistung does not exist
   * @throws de.amtsweg.tenancy.MalformedArsException if the ARS is not 12 digits
   * @throws de.amtsweg.tenancy.AuthorityNotFoundException if no authority has it
   */
  public Zustaendigkeit responsible(String leikaKey, String placeArs) {
    Place place = place(placeArs);
    Level level =
        jdbc.sql(
                "select leika_key, ebene, ebene_reason, ebene_reliable from leistung"
                    + " where leika_key = ?")
            .param(leikaKey)
            .query(Zustaendigkeiten::level)
            .optional()
            .orElseThrow(() -> CatalogException.notFound(leikaKey));
    Zustaendigkeit found =
        Objects.requireNonNull(responsible(List.of(level), place).get(leikaKey), "resolved");
    Authority authority = found.authority();
    if (found.organisationseinheit() == null && authority != null) {
      // The authority's own office record, for its contact data (tenants have one).
      return new Zustaendigkeit(
          found.basis(),
          found.ebene(),
          found.reason(),
          authority,
          objects.organisationseinheitOf(authority.ars()).orElse(null));
    }
    return found;
  }

  /** The place with its chain of authorities, for resolving many Leistungen at once. */
  Place place(String placeArs) {
    Authority authority = authorities.get(placeArs);
    List<Authority> chain = new ArrayList<>();
    chain.add(authority);
    chain.addAll(authorities.ancestors(authority.ars()));
    return new Place(List.copyOf(chain));
  }

  /** Resolves several Leistungen at one place with one query for overrides and one for data. */
  Map<String, Zustaendigkeit> responsible(Collection<Level> levels, Place place) {
    Map<String, Zustaendigkeit> result = new HashMap<>();
    if (levels.isEmpty()) {
      return result;
    }
    String[] keys = levels.stream().map(Level::leikaKey).toArray(String[]::new);
    String[] regions = place.regions().toArray(String[]::new);
    Map<String, Map<String, OverrideRow>> overrides = new HashMap<>();
    jdbc.sql(
            """
            select leika_key, region_ars, authority_ars, reason from zustaendigkeit_override
            where leika_key = any(?) and region_ars = any(?)
            """)
        .params(keys, regions)
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
    Map<String, Map<String, DataRow>> data = new HashMap<>();
    jdbc.sql(
            """
            select z.leika_key, z.region_ars, z.source as z_source, o.id, o.source, o.name,
                o.authority_ars, o.street, o.postcode, o.city, o.phone, o.email, o.website,
                o.opening_hours
            from zustaendigkeit z join organisationseinheit o on o.id = z.organisationseinheit_id
            where z.rolle = 'ZUSTAENDIGE_STELLE' and z.leika_key = any(?) and z.region_ars = any(?)
            order by z.id
            """)
        .params(keys, regions)
        .query(
            (rs, row) ->
                new DataRow(
                    rs.getString("leika_key"),
                    rs.getString("region_ars"),
                    rs.getString("z_source"),
                    VerbundObjects.unit(rs, row)))
        .list()
        .forEach(
            d ->
                data.computeIfAbsent(d.leikaKey(), k -> new HashMap<>())
                    .putIfAbsent(d.regionArs(), d));
    // A tenant that switched on an Antrags-App for a Leistung has declared itself responsible for
    // it in its area: the same fact the export tells the Verbund.
    Map<String, Set<String>> offered =
        offers.offeredLeistungen(place.chain().stream().map(Authority::ars).toList());
    for (Level level : levels) {
      result.put(
          level.leikaKey(),
          resolve(
              level,
              place,
              overrides.getOrDefault(level.leikaKey(), Map.of()),
              data.getOrDefault(level.leikaKey(), Map.of()),
              offered));
    }
    return result;
  }

  private Zustaendigkeit resolve(
      Level level,
      Place place,
      Map<String, OverrideRow> overrides,
      Map<String, DataRow> data,
      Map<String, Set<String>> offered) {
    for (String region : place.regions()) {
      OverrideRow override = overrides.get(region);
      if (override != null) {
        Authority responsible = authorities.find(override.authorityArs()).orElse(null);
        if (responsible != null) {
          return new Zustaendigkeit(
              Zustaendigkeit.Basis.OVERRIDE, level.ebene(), override.reason(), responsible, null);
        }
      }
      DataRow row = data.get(region);
      if (row != null) {
        String authorityArs = row.unit().authorityArs();
        return new Zustaendigkeit(
            Zustaendigkeit.Basis.DATA,
            level.ebene(),
            "Zuständigkeit laut Verwaltungsdaten (Quelle: "
                + row.source()
                + ") für "
                + place.regionName(region),
            authorityArs == null ? null : authorities.find(authorityArs).orElse(null),
            row.unit());
      }
      if (offered.getOrDefault(region, Set.of()).contains(level.leikaKey())) {
        Authority tenant = authorities.find(region).orElse(null);
        if (tenant != null) {
          return new Zustaendigkeit(
              Zustaendigkeit.Basis.DATA,
              level.ebene(),
              tenant.displayName() + " bietet diese Leistung mit einer Antrags-App in Amtsweg an.",
              tenant,
              null);
        }
      }
    }
    Authority byRule = byLevel(level.ebene(), place);
    if (level.reliable() && byRule != null) {
      return new Zustaendigkeit(
          Zustaendigkeit.Basis.RULE, level.ebene(), level.reason(), byRule, null);
    }
    return new Zustaendigkeit(Zustaendigkeit.Basis.UNKNOWN, level.ebene(), UNKNOWN, null, null);
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

  /** A Leistung's level, the reason for it and whether a person decided it. */
  record Level(String leikaKey, Verwaltungsebene ebene, String reason, boolean reliable) {}

  /** A place and the authorities above it, nearest first. */
  record Place(List<Authority> chain) {

    /** The regions to ask for data: the chain, the Land if the chain lacks it, then Germany. */
    List<String> regions() {
      List<String> regions = new ArrayList<>();
      chain.forEach(a -> regions.add(a.ars()));
      if (!regions.contains(LAND)) {
        regions.add(LAND);
      }
      regions.add(VerbundObjects.GERMANY);
      return regions;
    }

    String regionName(String region) {
      if (region.equals(VerbundObjects.GERMANY)) {
        return "Deutschland";
      }
      if (region.equals(LAND)) {
        return "Thüringen";
      }
      return chain.stream()
          .filter(a -> a.ars().equals(region))
          .map(Authority::displayName)
          .findFirst()
          .orElse(region);
    }

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

  private record DataRow(
      String leikaKey, String regionArs, String source, VerbundObjects.Organisationseinheit unit) {}

  static Level level(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Level(
        rs.getString("leika_key"),
        Verwaltungsebene.valueOf(rs.getString("ebene")),
        rs.getString("ebene_reason"),
        rs.getBoolean("ebene_reliable"));
  }
}
