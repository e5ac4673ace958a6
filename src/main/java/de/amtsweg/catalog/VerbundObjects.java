package de.amtsweg.catalog;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The XZuFi objects behind responsibility as data: Organisationseinheiten, Onlinedienste and the
 * Zuständigkeiten that tie them to a Leistung in a region. Objects are edited here, seeded, or
 * imported from a source of the Portalverbund; each id is {@code <source>:<id in the source>}.
 * Saving is idempotent and says whether anything changed, so that an import can report honestly.
 */
@Service
public class VerbundObjects {

  /** The region that stands for the whole of Germany (XZuFi gebietID of the Bund). */
  public static final String GERMANY = "000000000000";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  VerbundObjects(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Creates or updates an Organisationseinheit.
   *
   * @throws CatalogException {@link CatalogException#INVALID_VERBUND_OBJECT} for a malformed id,
   *     source, name, address or an authority ARS that is not 12 digits
   */
  @Transactional
  public Saved save(Organisationseinheit unit) {
    requireId(unit.id(), unit.source());
    requireText(unit.name(), 300, "name");
    if (unit.authorityArs() != null && !unit.authorityArs().matches("[0-9]{12}")) {
      throw invalid("authorityArs");
    }
    if (unit.website() != null && !isWebAddress(unit.website())) {
      throw invalid("website");
    }
    return saved(
        jdbc.sql(
                """
                insert into organisationseinheit as o (id, source, name, authority_ars, street,
                    postcode, city, phone, email, website, opening_hours)
                values (:id, :source, :name,
                    (select ars from authority where ars = :authorityArs), :street, :postcode,
                    :city, :phone, :email, :website, :openingHours)
                on conflict (id) do update set name = excluded.name,
                    authority_ars = excluded.authority_ars, street = excluded.street,
                    postcode = excluded.postcode, city = excluded.city, phone = excluded.phone,
                    email = excluded.email, website = excluded.website,
                    opening_hours = excluded.opening_hours, updated_at = now()
                where (o.name, o.authority_ars, o.street, o.postcode, o.city, o.phone, o.email,
                       o.website, o.opening_hours)
                  is distinct from (excluded.name, excluded.authority_ars, excluded.street,
                       excluded.postcode, excluded.city, excluded.phone, excluded.email,
                       excluded.website, excluded.opening_hours)
                returning (xmax = 0) as inserted
                """)
            .param("id", unit.id())
            .param("source", unit.source())
            .param("name", unit.name().strip())
            .param("authorityArs", unit.authorityArs())
            .param("street", unit.street())
            .param("postcode", unit.postcode())
            .param("city", unit.city())
            .param("phone", unit.phone())
            .param("email", unit.email())
            .param("website", unit.website())
            .param("openingHours", unit.openingHours())
            .query(Boolean.class)
            .optional());
  }

  /**
   * Creates or updates an Onlinedienst. Its address must be {@code https} (or {@code http} on the
   * loopback interface, for two portals on one machine); it may contain {@code {leikaKey}} and
   * {@code {ars}}.
   *
   * @throws CatalogException {@link CatalogException#INVALID_VERBUND_OBJECT}
   */
  @Transactional
  public Saved save(Onlinedienst service) {
    requireId(service.id(), service.source());
    requireText(service.name(), 300, "name");
    requireText(service.provider(), 300, "provider");
    if (!isWebAddress(service.url())) {
      throw invalid("url");
    }
    return saved(
        jdbc.sql(
                """
                insert into onlinedienst as d (id, source, name, provider, url)
                values (:id, :source, :name, :provider, :url)
                on conflict (id) do update set name = excluded.name,
                    provider = excluded.provider, url = excluded.url, updated_at = now(),
                    link_status = case when d.url = excluded.url then d.link_status
                                       else 'UNCHECKED' end
                where (d.name, d.provider, d.url)
                  is distinct from (excluded.name, excluded.provider, excluded.url)
                returning (xmax = 0) as inserted
                """)
            .param("id", service.id())
            .param("source", service.source())
            .param("name", service.name().strip())
            .param("provider", service.provider().strip())
            .param("url", service.url())
            .query(Boolean.class)
            .optional());
  }

  /**
   * Creates or updates a Zuständigkeit. The Organisationseinheit or Onlinedienst it names must
   * exist.
   *
   * @throws CatalogException {@link CatalogException#INVALID_VERBUND_OBJECT} for a malformed
   *     object, or {@code leistung-not-found}
   */
  @Transactional
  public Saved save(Zustaendigkeitseintrag entry) {
    requireId(entry.id(), entry.source());
    CatalogException.requireLeikaKey(entry.leikaKey());
    if (!entry.regionArs().matches("[0-9]{12}")) {
      throw invalid("regionArs");
    }
    if ((entry.rolle() == Rolle.ONLINEDIENST) != (entry.onlinedienstId() != null)
        || (entry.onlinedienstId() == null) == (entry.organisationseinheitId() == null)) {
      throw invalid("rolle");
    }
    if (jdbc.sql("select count(*) from leistung where leika_key = ?")
            .param(entry.leikaKey())
            .query(Integer.class)
            .single()
        == 0) {
      throw CatalogException.notFound(entry.leikaKey());
    }
    String serviceId = entry.onlinedienstId();
    if (serviceId != null && onlinedienst(serviceId).isEmpty()) {
      throw invalid("onlinedienstId");
    }
    String unitId = entry.organisationseinheitId();
    if (unitId != null && organisationseinheit(unitId).isEmpty()) {
      throw invalid("organisationseinheitId");
    }
    Saved saved =
        saved(
            jdbc.sql(
                    """
                    insert into zustaendigkeit as z (id, source, leika_key, region_ars,
                        organisationseinheit_id, onlinedienst_id, rolle)
                    values (:id, :source, :leikaKey, :regionArs, :organisationseinheitId,
                        :onlinedienstId, :rolle)
                    on conflict (id) do update set leika_key = excluded.leika_key,
                        region_ars = excluded.region_ars,
                        organisationseinheit_id = excluded.organisationseinheit_id,
                        onlinedienst_id = excluded.onlinedienst_id, rolle = excluded.rolle,
                        updated_at = now()
                    where (z.leika_key, z.region_ars, z.organisationseinheit_id,
                           z.onlinedienst_id, z.rolle)
                      is distinct from (excluded.leika_key, excluded.region_ars,
                           excluded.organisationseinheit_id, excluded.onlinedienst_id,
                           excluded.rolle)
                    returning (xmax = 0) as inserted
                    """)
                .param("id", entry.id())
                .param("source", entry.source())
                .param("leikaKey", entry.leikaKey())
                .param("regionArs", entry.regionArs())
                .param("organisationseinheitId", entry.organisationseinheitId())
                .param("onlinedienstId", entry.onlinedienstId())
                .param("rolle", entry.rolle().name())
                .query(Boolean.class)
                .optional());
    if (saved != Saved.UNCHANGED) {
      events.publishEvent(new CatalogChanged(entry.leikaKey()));
    }
    return saved;
  }

  /**
   * Deletes an object by kind and id; deleting an Organisationseinheit or Onlinedienst also deletes
   * its Zuständigkeiten.
   *
   * @return false when no such object exists (an import may delete what it never sent)
   */
  @Transactional
  public boolean delete(Kind kind, String id) {
    List<String> leikaKeys =
        switch (kind) {
          case ZUSTAENDIGKEIT ->
              jdbc.sql("select leika_key from zustaendigkeit where id = ?")
                  .param(id)
                  .query(String.class)
                  .list();
          case ORGANISATIONSEINHEIT ->
              jdbc.sql("select leika_key from zustaendigkeit where organisationseinheit_id = ?")
                  .param(id)
                  .query(String.class)
                  .list();
          case ONLINEDIENST ->
              jdbc.sql("select leika_key from zustaendigkeit where onlinedienst_id = ?")
                  .param(id)
                  .query(String.class)
                  .list();
        };
    int deleted = jdbc.sql("delete from " + kind.table + " where id = ?").param(id).update();
    leikaKeys.stream().distinct().forEach(key -> events.publishEvent(new CatalogChanged(key)));
    return deleted > 0;
  }

  /** The ids of all objects of one kind that came from a source, for a full synchronisation. */
  public List<String> ids(Kind kind, String source) {
    return jdbc.sql("select id from " + kind.table + " where source = ? order by id")
        .param(source)
        .query(String.class)
        .list();
  }

  /** An Organisationseinheit by id. */
  public Optional<Organisationseinheit> organisationseinheit(String id) {
    return jdbc.sql(
            """
            select id, source, name, authority_ars, street, postcode, city, phone, email,
                website, opening_hours
            from organisationseinheit where id = ?
            """)
        .param(id)
        .query(VerbundObjects::unit)
        .optional();
  }

  /**
   * The office record of an authority of the Land's register (a tenant's own, else the first by
   * id), for its contact data.
   */
  public Optional<Organisationseinheit> organisationseinheitOf(String authorityArs) {
    return jdbc.sql(
            """
            select id, source, name, authority_ars, street, postcode, city, phone, email,
                website, opening_hours
            from organisationseinheit where authority_ars = ?
            order by (source = 'tenant') desc, id limit 1
            """)
        .param(authorityArs)
        .query(VerbundObjects::unit)
        .optional();
  }

  /** Organisationseinheiten by name, at most {@code limit}, optionally of one source. */
  public List<Organisationseinheit> organisationseinheiten(@Nullable String source, int limit) {
    return jdbc.sql(
            """
            select id, source, name, authority_ars, street, postcode, city, phone, email,
                website, opening_hours
            from organisationseinheit where (cast(:source as text) is null or source = :source)
            order by name, id limit :limit
            """)
        .param("source", source)
        .param("limit", limit)
        .query(VerbundObjects::unit)
        .list();
  }

  /** Onlinedienste by name, at most {@code limit}, optionally of one source. */
  public List<Onlinedienst> onlinedienste(@Nullable String source, int limit) {
    return jdbc.sql(
            """
            select id, source, name, provider, url, link_status from onlinedienst
            where (cast(:source as text) is null or source = :source)
            order by name, id limit :limit
            """)
        .param("source", source)
        .param("limit", limit)
        .query(VerbundObjects::service)
        .list();
  }

  /**
   * Zuständigkeiten, at most {@code limit}, optionally of one Leistung, of one source, or naming
   * one Organisationseinheit or Onlinedienst ({@code target}).
   */
  public List<Zustaendigkeitseintrag> zustaendigkeiten(
      @Nullable String leikaKey, @Nullable String source, @Nullable String target, int limit) {
    return jdbc.sql(
            """
            select id, source, leika_key, region_ars, organisationseinheit_id, onlinedienst_id,
                rolle
            from zustaendigkeit
            where (cast(:leikaKey as text) is null or leika_key = :leikaKey)
              and (cast(:source as text) is null or source = :source)
              and (cast(:target as text) is null or organisationseinheit_id = :target
                   or onlinedienst_id = :target)
            order by leika_key, region_ars, id limit :limit
            """)
        .param("leikaKey", leikaKey)
        .param("source", source)
        .param("target", target)
        .param("limit", limit)
        .query(VerbundObjects::entry)
        .list();
  }

  /** The Zuständigkeiten whose Organisationseinheit belongs to this authority (a tenant's). */
  public List<Zustaendigkeitseintrag> zustaendigkeitenOfAuthority(String authorityArs) {
    return jdbc.sql(
            """
            select z.id, z.source, z.leika_key, z.region_ars, z.organisationseinheit_id,
                z.onlinedienst_id, z.rolle
            from zustaendigkeit z join organisationseinheit o on o.id = z.organisationseinheit_id
            where o.authority_ars = ? order by z.leika_key, z.id
            """)
        .param(authorityArs)
        .query(VerbundObjects::entry)
        .list();
  }

  /** An Onlinedienst by id. */
  public Optional<Onlinedienst> onlinedienst(String id) {
    return jdbc.sql(
            "select id, source, name, provider, url, link_status from onlinedienst where id = ?")
        .param(id)
        .query(VerbundObjects::service)
        .optional();
  }

  /**
   * The Zuständigkeiten of a Leistung in any of these regions (a place's chain of authorities, plus
   * {@link #GERMANY} for federal ones).
   */
  public List<Zustaendigkeitseintrag> entries(String leikaKey, Collection<String> regions) {
    return jdbc.sql(
            """
            select id, source, leika_key, region_ars, organisationseinheit_id, onlinedienst_id,
                rolle
            from zustaendigkeit where leika_key = ? and region_ars = any(?) order by id
            """)
        .params(leikaKey, regions.toArray(String[]::new))
        .query(VerbundObjects::entry)
        .list();
  }

  private static Saved saved(Optional<Boolean> inserted) {
    return inserted.map(created -> created ? Saved.CREATED : Saved.CHANGED).orElse(Saved.UNCHANGED);
  }

  private static void requireId(String id, String source) {
    if (!source.matches("[a-z0-9]+(-[a-z0-9]+)*") || source.length() > 60) {
      throw invalid("source");
    }
    if (!id.startsWith(source + ":")
        || id.length() > 200
        || id.length() == source.length() + 1
        || id.chars().anyMatch(Character::isWhitespace)) {
      throw invalid("id");
    }
  }

  private static void requireText(String text, int maxLength, String field) {
    if (text.isBlank() || text.length() > maxLength) {
      throw invalid(field);
    }
  }

  /**
   * Whether the address is one a person may be sent to: {@code https} with a host, or {@code http}
   * on the loopback interface.
   */
  public static boolean isWebAddress(String url) {
    if (url.length() > 1000) {
      return false;
    }
    try {
      URI uri = URI.create(url.replace("{leikaKey}", "0").replace("{ars}", "0"));
      String host = uri.getHost();
      if (host == null || uri.getUserInfo() != null) {
        return false;
      }
      return "https".equals(uri.getScheme())
          || ("http".equals(uri.getScheme())
              && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static CatalogException invalid(String field) {
    return new CatalogException(
        HttpStatus.BAD_REQUEST, CatalogException.INVALID_VERBUND_OBJECT, field);
  }

  static Organisationseinheit unit(ResultSet rs, int row) throws SQLException {
    return new Organisationseinheit(
        rs.getString("id"),
        rs.getString("source"),
        rs.getString("name"),
        rs.getString("authority_ars"),
        rs.getString("street"),
        rs.getString("postcode"),
        rs.getString("city"),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getString("website"),
        rs.getString("opening_hours"));
  }

  private static Onlinedienst service(ResultSet rs, int row) throws SQLException {
    return new Onlinedienst(
        rs.getString("id"),
        rs.getString("source"),
        rs.getString("name"),
        rs.getString("provider"),
        rs.getString("url"),
        LinkStatus.valueOf(rs.getString("link_status")));
  }

  private static Zustaendigkeitseintrag entry(ResultSet rs, int row) throws SQLException {
    return new Zustaendigkeitseintrag(
        rs.getString("id"),
        rs.getString("source"),
        rs.getString("leika_key"),
        rs.getString("region_ars"),
        rs.getString("organisationseinheit_id"),
        rs.getString("onlinedienst_id"),
        Rolle.valueOf(rs.getString("rolle")));
  }

  /** What saving did. */
  public enum Saved {
    CREATED,
    CHANGED,
    UNCHANGED
  }

  /** The kinds of object, with their table. */
  public enum Kind {
    ORGANISATIONSEINHEIT("organisationseinheit"),
    ONLINEDIENST("onlinedienst"),
    ZUSTAENDIGKEIT("zustaendigkeit");

    private final String table;

    Kind(String table) {
      this.table = table;
    }
  }

  /** The role of a Zuständigkeit. */
  public enum Rolle {
    /** The office that decides. */
    ZUSTAENDIGE_STELLE,
    /** An office where people can ask or hand in, without deciding. */
    ANSPRECHPUNKT,
    /** An online service through which the Leistung can be applied for. */
    ONLINEDIENST
  }

  /** The source of objects edited by operators in Amtsweg; only these can be edited here. */
  public static final String OWN_SOURCE = "amtsweg";

  /** The outcome of the last check of an Onlinedienst's address. */
  public enum LinkStatus {
    UNCHECKED,
    OK,
    DEAD
  }

  /** An office (XZuFi Organisationseinheit). */
  public record Organisationseinheit(
      String id,
      String source,
      String name,
      @Nullable String authorityArs,
      @Nullable String street,
      @Nullable String postcode,
      @Nullable String city,
      @Nullable String phone,
      @Nullable String email,
      @Nullable String website,
      @Nullable String openingHours) {}

  /**
   * An online service of any provider (XZuFi Onlinedienst).
   *
   * @param url its address, possibly with the placeholders {@code {leikaKey}} and {@code {ars}}
   */
  public record Onlinedienst(
      String id, String source, String name, String provider, String url, LinkStatus linkStatus) {

    /** Its address for a Leistung at a place, placeholders filled in. */
    public String urlFor(String leikaKey, String ars) {
      return url.replace("{leikaKey}", leikaKey).replace("{ars}", ars);
    }
  }

  /**
   * A Leistung in a region, done by an Organisationseinheit or an Onlinedienst (XZuFi
   * Zuständigkeit).
   */
  public record Zustaendigkeitseintrag(
      String id,
      String source,
      String leikaKey,
      String regionArs,
      @Nullable String organisationseinheitId,
      @Nullable String onlinedienstId,
      Rolle rolle) {}
}
