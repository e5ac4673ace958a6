package de.amtsweg.tenancy;

import de.amtsweg.platform.GermanFolding;
import de.amtsweg.platform.ReferenceDataVersions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Land's authorities from the Gemeindeverzeichnis (GV100AD extract for Thüringen) at
 * start-up. Runs again only when the files change (checksum); updates rows in place, so tenants
 * that point to an authority keep pointing to it.
 *
 * <p>Kreisfreie Städte are one authority (Kreis and Gemeinde at once). Verbandsfreie Gemeinden are
 * not separate authorities: the Gemeinde itself is. Gemeinden in a Verwaltungsgemeinschaft or with
 * an erfüllende Gemeinde have that Gemeindeverband as parent, all others their Kreis.
 */
@Component
@Order(10)
class AuthorityImport implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AuthorityImport.class);
  private static final String NAME = "gemeinden-thueringen";

  /** Raise when the mapping below changes, so that installed data is imported again. */
  private static final String MAPPING_VERSION = "1";

  private static final String FOLDER = "data/gemeinden/";
  private static final String GEMEINDEN = FOLDER + "gemeinden_thueringen_gv100ad_20211130.csv";
  private static final String KREISE_VERBAENDE =
      FOLDER + "kreise_verbaende_thueringen_gv100ad_20211130.csv";
  private static final String POSTCODES = FOLDER + "plz_gemeinde_thueringen.csv";

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ReferenceDataVersions versions;

  AuthorityImport(
      JdbcClient jdbc, TransactionTemplate transaction, ReferenceDataVersions versions) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.versions = versions;
  }

  @Override
  public void run(ApplicationArguments args) {
    String checksum =
        ReferenceDataVersions.checksum(
            MAPPING_VERSION, List.of(KREISE_VERBAENDE, GEMEINDEN, POSTCODES));
    if (versions.isCurrent(NAME, checksum)) {
      return;
    }
    long started = System.nanoTime();
    // null: another node imported meanwhile; NullAway does not check the callback's T as nullable.
    @SuppressWarnings("NullAway")
    Integer count =
        transaction.execute(
            status -> {
              // One node imports at a time; a node that waited finds the work done.
              versions.lock(NAME);
              return versions.isCurrent(NAME, checksum) ? null : importAll(checksum);
            });
    if (count == null) {
      return;
    }
    log.info(
        "Imported {} authorities of Thüringen from the Gemeindeverzeichnis in {} ms",
        count,
        (System.nanoTime() - started) / 1_000_000);
  }

  private int importAll(String checksum) {
    Map<String, Row> rows = new LinkedHashMap<>();
    String landArs = null;
    for (CSVRecord record : ReferenceDataVersions.csv(KREISE_VERBAENDE)) {
      String key = record.get("schluessel");
      String name = record.get("name");
      String seat = emptyToNull(record.get("sitz"));
      switch (record.get("satzart")) {
        case "10" -> {
          landArs = pad(key);
          rows.put(
              landArs,
              new Row(landArs, pad8(key), name, AuthorityType.LAND, null, null, null, seat, null));
        }
        case "40" -> {
          if ("Landkreis".equals(record.get("typ"))) {
            String ars = pad(key);
            rows.put(
                ars,
                new Row(
                    ars,
                    pad8(key),
                    name,
                    AuthorityType.LANDKREIS,
                    landArs,
                    null,
                    null,
                    seat,
                    null));
          }
        }
        case "50" -> {
          AuthorityType type = verbandType(record.get("typ"));
          if (type != null) {
            String ars = pad(key);
            String kreisArs = pad(key.substring(0, 5));
            rows.put(ars, new Row(ars, null, name, type, kreisArs, null, null, seat, null));
          }
        }
        default -> throw new IllegalStateException("Unknown Satzart in " + KREISE_VERBAENDE);
      }
    }
    Map<String, String> arsByAgs = new HashMap<>();
    for (CSVRecord record : ReferenceDataVersions.csv(GEMEINDEN)) {
      String ars = record.get("ars");
      String ags = record.get("ags");
      String kreisArs = pad(record.get("kreis_ags"));
      boolean kreisfrei = "Kreisfreie Stadt".equals(record.get("gemeindetyp"));
      AuthorityType verband = verbandType(record.get("verbandstyp"));
      AuthorityType type =
          kreisfrei
              ? AuthorityType.KREISFREIE_STADT
              : "Stadt".equals(record.get("gemeindetyp"))
                  ? AuthorityType.STADT
                  : AuthorityType.GEMEINDE;
      String parent =
          kreisfrei ? landArs : verband != null ? pad(record.get("verband_ars")) : kreisArs;
      rows.put(
          ars,
          new Row(
              ars,
              ags,
              record.get("name"),
              type,
              parent,
              Integer.valueOf(record.get("bevoelkerung")),
              Integer.valueOf(record.get("flaeche_ha")),
              null,
              emptyToNull(record.get("plz_verwaltungssitz"))));
      arsByAgs.put(ags, ars);
    }
    for (Row row : rows.values()) {
      upsert(row);
    }
    jdbc.sql("delete from authority_postcode").update();
    int postcodes = 0;
    for (CSVRecord record : ReferenceDataVersions.csv(POSTCODES)) {
      String ars = arsByAgs.get(record.get("ags"));
      if (ars != null) {
        postcodes +=
            jdbc.sql(
                    "insert into authority_postcode (postcode, ars) values (?, ?) on conflict do nothing")
                .params(record.get("plz"), ars)
                .update();
      }
    }
    versions.recordImported(NAME, checksum, rows.size());
    log.debug("{} postcode assignments", postcodes);
    return rows.size();
  }

  private void upsert(Row row) {
    String name = placeName(row.officialName());
    String displayName = displayName(row.type(), name);
    jdbc.sql(
            """
            insert into authority (ars, ags, name, official_name, display_name, type, parent_ars,
              population, area_ha, seat, seat_postcode, search_key, display_key)
            values (:ars, :ags, :name, :officialName, :displayName, :type, :parent, :population,
              :areaHa, :seat, :seatPostcode, :searchKey, :displayKey)
            on conflict (ars) do update set ags = excluded.ags, name = excluded.name,
              official_name = excluded.official_name, display_name = excluded.display_name,
              type = excluded.type, parent_ars = excluded.parent_ars, population = excluded.population,
              area_ha = excluded.area_ha,
              seat = excluded.seat, seat_postcode = excluded.seat_postcode,
              search_key = excluded.search_key, display_key = excluded.display_key
            """)
        .param("ars", row.ars())
        .param("ags", row.ags())
        .param("name", name)
        .param("officialName", row.officialName())
        .param("displayName", displayName)
        .param("type", row.type().name())
        .param("parent", row.parentArs())
        .param("population", row.population())
        .param("areaHa", row.areaHa())
        .param("seat", row.seat())
        .param("seatPostcode", row.seatPostcode())
        .param("searchKey", GermanFolding.fold(name))
        .param("displayKey", GermanFolding.fold(displayName))
        .update();
  }

  /** {@code Erfurt, Stadt} → {@code Erfurt}. */
  static String placeName(String officialName) {
    int comma = officialName.indexOf(", ");
    return comma > 0 ? officialName.substring(0, comma) : officialName;
  }

  static String displayName(AuthorityType type, String name) {
    return switch (type) {
      case LAND -> "Freistaat " + name;
      case LANDKREIS ->
          name.toLowerCase(java.util.Locale.GERMAN).endsWith("kreis") ? name : "Landkreis " + name;
      case KREISFREIE_STADT, STADT -> "Stadt " + name;
      case VERWALTUNGSGEMEINSCHAFT -> "Verwaltungsgemeinschaft " + name;
      case ERFUELLENDE_GEMEINDE -> "Erfüllende Gemeinde " + name;
      case GEMEINDE -> "Gemeinde " + name;
    };
  }

  private static @Nullable AuthorityType verbandType(String typ) {
    return switch (typ) {
      case "Verwaltungsgemeinschaft" -> AuthorityType.VERWALTUNGSGEMEINSCHAFT;
      case "Erfüllende Gemeinde" -> AuthorityType.ERFUELLENDE_GEMEINDE;
      default -> null;
    };
  }

  private static String pad(String key) {
    return (key + "000000000000").substring(0, 12);
  }

  private static String pad8(String key) {
    return (key + "00000000").substring(0, 8);
  }

  private static @Nullable String emptyToNull(String value) {
    return value.isBlank() ? null : value;
  }

  private record Row(
      String ars,
      @Nullable String ags,
      String officialName,
      AuthorityType type,
      @Nullable String parentArs,
      @Nullable Integer population,
      @Nullable Integer areaHa,
      @Nullable String seat,
      @Nullable String seatPostcode) {}
}
