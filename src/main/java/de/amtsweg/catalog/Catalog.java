package de.amtsweg.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the Leistungskatalog: Leistungen, and browsing by Themenfeld and Lebenslage. */
@Service
public class Catalog {

  private static final String LEISTUNG =
      """
      select l.leika_key, l.name, l.typisierung, l.legal_basis, l.legal_basis_url, l.law, l.law_short,
        l.ozg_id, o.name as ozg_name, ll.id as lebenslage_id, ll.name as lebenslage,
        t.id as themenfeld_id, t.name as themenfeld, l.ebene
      from leistung l
      left join ozg_leistung o on o.ozg_id = l.ozg_id
      left join lebenslage ll on ll.id = o.lebenslage_id
      left join themenfeld t on t.id = ll.themenfeld_id
      """;

  private final JdbcClient jdbc;

  Catalog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Leistung> find(String leikaKey) {
    return jdbc.sql(LEISTUNG + " where l.leika_key = ?")
        .param(leikaKey)
        .query(Catalog::map)
        .optional();
  }

  /**
   * @throws CatalogException {@link CatalogException#MALFORMED_KEY} or {@link
   *     CatalogException#NOT_FOUND}
   */
  public Leistung get(String leikaKey) {
    String key = CatalogException.requireLeikaKey(leikaKey);
    return find(key).orElseThrow(() -> CatalogException.notFound(key));
  }

  /** The other Leistungen of the same OZG-Leistung, by name. */
  public List<Leistung> sameOzgLeistung(Leistung leistung) {
    if (leistung.ozgId() == null) {
      return List.of();
    }
    return jdbc.sql(LEISTUNG + " where l.ozg_id = ? and l.leika_key <> ? order by l.name")
        .params(leistung.ozgId(), leistung.leikaKey())
        .query(Catalog::map)
        .list();
  }

  /** Themenfelder with the number of Leistungen in each, by name. */
  public List<Themenfeld> themenfelder() {
    return jdbc.sql(
            """
            select t.id, t.name, count(l.leika_key) as n from themenfeld t
            left join lebenslage ll on ll.themenfeld_id = t.id
            left join ozg_leistung o on o.lebenslage_id = ll.id
            left join leistung l on l.ozg_id = o.ozg_id
            group by t.id, t.name having count(l.leika_key) > 0 order by t.name
            """)
        .query(
            (rs, row) ->
                new Themenfeld(rs.getInt("id"), rs.getString("name").strip(), rs.getInt("n")))
        .list();
  }

  public Optional<Themenfeld> themenfeld(int id) {
    return themenfelder().stream().filter(t -> t.id() == id).findFirst();
  }

  /** Lebenslagen of a Themenfeld with their number of Leistungen, by name. */
  public List<Lebenslage> lebenslagen(int themenfeldId) {
    return jdbc.sql(
            """
            select ll.id, ll.themenfeld_id, ll.name, count(l.leika_key) as n from lebenslage ll
            left join ozg_leistung o on o.lebenslage_id = ll.id
            left join leistung l on l.ozg_id = o.ozg_id
            where ll.themenfeld_id = ? group by ll.id having count(l.leika_key) > 0 order by ll.name
            """)
        .param(themenfeldId)
        .query(
            (rs, row) ->
                new Lebenslage(
                    rs.getInt("id"),
                    rs.getInt("themenfeld_id"),
                    rs.getString("name"),
                    rs.getInt("n")))
        .list();
  }

  public Optional<Lebenslage> lebenslage(int id) {
    return jdbc.sql(
            """
            select ll.id, ll.themenfeld_id, ll.name, count(l.leika_key) as n from lebenslage ll
            left join ozg_leistung o on o.lebenslage_id = ll.id
            left join leistung l on l.ozg_id = o.ozg_id
            where ll.id = ? group by ll.id
            """)
        .param(id)
        .query(
            (rs, row) ->
                new Lebenslage(
                    rs.getInt("id"),
                    rs.getInt("themenfeld_id"),
                    rs.getString("name"),
                    rs.getInt("n")))
        .optional();
  }

  /** The Leistungen of a Lebenslage, by OZG-Leistung and name. */
  public List<Leistung> leistungen(int lebenslageId) {
    return jdbc.sql(LEISTUNG + " where o.lebenslage_id = ? order by o.name, length(l.name), l.name")
        .param(lebenslageId)
        .query(Catalog::map)
        .list();
  }

  static Leistung map(ResultSet rs, int row) throws SQLException {
    return new Leistung(
        rs.getString("leika_key"),
        rs.getString("name"),
        rs.getString("typisierung"),
        rs.getString("legal_basis"),
        rs.getString("legal_basis_url"),
        rs.getString("law"),
        rs.getString("law_short"),
        rs.getString("ozg_id"),
        rs.getString("ozg_name"),
        rs.getObject("lebenslage_id", Integer.class),
        rs.getString("lebenslage"),
        rs.getObject("themenfeld_id", Integer.class),
        rs.getString("themenfeld") == null ? null : rs.getString("themenfeld").strip(),
        Verwaltungsebene.valueOf(rs.getString("ebene")));
  }
}
