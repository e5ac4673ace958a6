package de.amtsweg.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.amtsweg.platform.GermanFolding;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds the authorities of the Land: by ARS, by name or postcode, and along their hierarchy. */
@Service
public class Authorities {

  /** Largest page the search returns. */
  public static final int MAX_RESULTS = 100;

  /** Trigram similarity from which a name counts as a misspelling of the query ("Erfrut"). */
  private static final double TYPO_THRESHOLD = 0.2;

  private static final Pattern POSTCODE = Pattern.compile("\\b([0-9]{5})\\b");
  private static final Pattern POSTCODE_PREFIX = Pattern.compile("[0-9]{2,4}");
  private static final String COLUMNS =
      "a.ars, a.ags, a.name, a.official_name, a.display_name, a.type, a.parent_ars, a.population,"
          + " a.seat, a.seat_postcode";
  private static final String MUNICIPALITY_TYPES = "('KREISFREIE_STADT', 'STADT', 'GEMEINDE')";

  private final JdbcClient jdbc;

  /** Authorities change only when the Gemeindeverzeichnis is imported at start-up. */
  private final Cache<String, List<Authority>> ancestorCache =
      Caffeine.newBuilder().maximumSize(2_000).build();

  private final Cache<String, Optional<Authority>> fulfillingCache =
      Caffeine.newBuilder().maximumSize(200).build();

  Authorities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The authority with this ARS, if there is one. */
  public Optional<Authority> find(String ars) {
    return jdbc.sql("select " + COLUMNS + " from authority a where a.ars = ?")
        .param(ars)
        .query(Authorities::map)
        .optional();
  }

  /**
   * @throws MalformedArsException if the ARS is not 12 digits
   * @throws AuthorityNotFoundException if no authority has it
   */
  public Authority get(String ars) {
    String valid = Ars.parse(ars);
    return find(valid).orElseThrow(() -> new AuthorityNotFoundException(valid));
  }

  /** The authorities directly below this one, by name. */
  public List<Authority> members(String ars) {
    return jdbc.sql(
            "select " + COLUMNS + " from authority a where a.parent_ars = ? order by a.name, a.ars")
        .param(ars)
        .query(Authorities::map)
        .list();
  }

  /** The chain of authorities above this one, nearest first (Gemeinde → VG → Landkreis → Land). */
  public List<Authority> ancestors(String ars) {
    return ancestorCache.get(ars, this::loadAncestors);
  }

  private List<Authority> loadAncestors(String ars) {
    return jdbc.sql(
            """
            with recursive chain(ars, parent_ars, depth) as (
              select ars, parent_ars, 0 from authority where ars = ?
              union all
              select p.ars, p.parent_ars, c.depth + 1 from authority p join chain c on p.ars = c.parent_ars
            )
            select %s from authority a join chain c on a.ars = c.ars where c.depth > 0 order by c.depth
            """
                .formatted(COLUMNS))
        .param(ars)
        .query(Authorities::map)
        .list();
  }

  /**
   * For an erfüllende Gemeinde as Gemeindeverband: the member Gemeinde that carries out the tasks
   * of the others (the one of the same name, e.g. Stadt Ohrdruf for the erfüllende Gemeinde
   * Ohrdruf).
   */
  public Optional<Authority> fulfillingGemeinde(String verbandArs) {
    return fulfillingCache.get(
        verbandArs,
        ars ->
            jdbc.sql(
                    """
                    select %s from authority a join authority v on v.ars = a.parent_ars
                    where v.ars = ? and v.type = 'ERFUELLENDE_GEMEINDE' and a.official_name = v.official_name
                    """
                        .formatted(COLUMNS))
                .param(ars)
                .query(Authorities::map)
                .optional());
  }

  /** Postcodes that lie (partly) in this Gemeinde. */
  public List<String> postcodes(String ars) {
    return jdbc.sql("select postcode from authority_postcode where ars = ? order by postcode")
        .param(ars)
        .query(String.class)
        .list();
  }

  /**
   * Searches all authorities by name (case-, umlaut- and typo-tolerant) or postcode, best match
   * first.
   */
  public List<Authority> search(String query, int limit) {
    return search(query, limit, false);
  }

  /** Like {@link #search}, but only places people live in (Gemeinden, Städte). */
  public List<Authority> searchMunicipalities(String query, int limit) {
    return search(query, limit, true);
  }

  private List<Authority> search(String query, int limit, boolean municipalitiesOnly) {
    int size = Math.clamp(limit, 1, MAX_RESULTS);
    String typeFilter = municipalitiesOnly ? " and a.type in " + MUNICIPALITY_TYPES : "";
    Matcher postcode = POSTCODE.matcher(query);
    if (postcode.find()) {
      String code = postcode.group(1);
      String rest = GermanFolding.fold(postcode.replaceAll(" "));
      return byPostcode(code, rest, typeFilter, size);
    }
    String folded = GermanFolding.fold(query);
    if (folded.isEmpty()) {
      return List.of();
    }
    if (POSTCODE_PREFIX.matcher(folded).matches()) {
      return jdbc.sql(
              """
              select distinct on (a.population, a.ars) %s from authority a
              join authority_postcode p on p.ars = a.ars
              where p.postcode like ? %s
              order by a.population desc nulls last, a.ars limit ?
              """
                  .formatted(COLUMNS, typeFilter))
          .params(folded + "%", size)
          .query(Authorities::map)
          .list();
    }
    return byName(folded, typeFilter, size);
  }

  /**
   * Exact, prefix and substring matches first; misspellings (trigram similarity) only count when
   * nothing matches better, so that "gotha" does not also offer "Gösen".
   */
  private List<Authority> byName(String folded, String typeFilter, int size) {
    return jdbc.sql(
            """
            select * from (
              select %s,
                least(authority_match_rank(a.search_key, :q), authority_match_rank(a.display_key, :q)) as match_rank,
                greatest(similarity(a.search_key, :q), similarity(a.display_key, :q)) as score
              from authority a
              where (a.search_key like :contains or a.display_key like :contains
                     or similarity(a.search_key, :q) >= :typoThreshold) %s
            ) matches
            where match_rank < 4 or not exists (
              select 1 from authority a
              where (a.search_key like :contains or a.display_key like :contains) %s)
            order by match_rank, score desc, population desc nulls last, display_name
            limit :size
            """
                .formatted(COLUMNS, typeFilter, typeFilter))
        .param("q", folded)
        .param("contains", "%" + folded + "%")
        .param("typoThreshold", TYPO_THRESHOLD)
        .param("size", size)
        .query(Authorities::map)
        .list();
  }

  private List<Authority> byPostcode(
      String postcode, String nameFilter, String typeFilter, int size) {
    List<Authority> all =
        jdbc.sql(
                """
                select %s from authority a join authority_postcode p on p.ars = a.ars
                where p.postcode = ? %s order by a.population desc nulls last, a.ars limit ?
                """
                    .formatted(COLUMNS, typeFilter))
            .params(postcode, size)
            .query(Authorities::map)
            .list();
    if (nameFilter.isEmpty()) {
      return all;
    }
    List<Authority> named =
        all.stream().filter(a -> GermanFolding.fold(a.name()).contains(nameFilter)).toList();
    return named.isEmpty() ? all : named;
  }

  static Authority map(ResultSet rs, int row) throws SQLException {
    return new Authority(
        rs.getString("ars"),
        rs.getString("ags"),
        rs.getString("name"),
        rs.getString("official_name"),
        rs.getString("display_name"),
        AuthorityType.valueOf(rs.getString("type")),
        rs.getString("parent_ars"),
        rs.getObject("population", Integer.class),
        rs.getString("seat"),
        rs.getString("seat_postcode"));
  }
}
