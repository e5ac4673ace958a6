package de.amtsweg.catalog;

import de.amtsweg.platform.GermanFolding;
import de.amtsweg.platform.ReferenceDataVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Leistungskatalog from the OZG/LeiKa tables at start-up, and again when an operator asks
 * for it. Runs only when the files, the Zuständigkeit rules or the mapping changed; replaces the
 * catalog in one transaction, keeping Zuständigkeit overrides and Reifegrad assessments of
 * Leistungen that still exist.
 */
@Component
@Order(30)
public class CatalogImport implements ApplicationRunner {

  static final String NAME = "leistungskatalog";

  /** Raise when the mapping below changes, so that installed catalogs are imported again. */
  private static final String MAPPING_VERSION = "2";

  private static final String FOLDER = "data/ozg-leika/";
  private static final String THEMENFELDER = FOLDER + "ozg_themenfelder.csv";
  private static final String LEBENSLAGEN = FOLDER + "ozg_lebenslagen.csv";
  private static final String OZG_LEISTUNGEN = FOLDER + "ozg_leistungen.csv";
  private static final String LEIKA_LEISTUNGEN = FOLDER + "leika_leistungen.csv";
  private static final List<String> RESOURCES =
      List.of(
          THEMENFELDER,
          LEBENSLAGEN,
          OZG_LEISTUNGEN,
          LEIKA_LEISTUNGEN,
          ZustaendigkeitRules.RESOURCE);

  private static final Pattern LEIKA_KEY = Pattern.compile("99[0-9]{12}");
  private static final Pattern TEST_NAME = Pattern.compile("(?i)test( .*)?");
  private static final Pattern LAW_URL = Pattern.compile("\\[(https?://[^\\]\\s]+)]");
  private static final Pattern WORD = Pattern.compile("[a-z0-9]{3,}");

  private static final Logger log = LoggerFactory.getLogger(CatalogImport.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ReferenceDataVersions versions;
  private final ApplicationEventPublisher events;
  private final @Nullable Path operatorRules;

  CatalogImport(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      ReferenceDataVersions versions,
      ApplicationEventPublisher events,
      CatalogProperties properties) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.versions = versions;
    this.events = events;
    this.operatorRules = properties.zustaendigkeitFile();
  }

  @Override
  public void run(ApplicationArguments args) {
    importIfChanged(false);
  }

  /** Imports the catalog again on an operator's request, whether or not its sources changed. */
  public int reimport() {
    return importIfChanged(true).orElse(0);
  }

  /** The catalog version loaded now, if any. */
  public Optional<ReferenceDataVersions.Version> loaded() {
    return versions.loaded(NAME);
  }

  /**
   * Imports the catalog if its sources changed, or always when {@code force} is set.
   *
   * @return the number of Leistungen imported, or empty if nothing had to be done
   */
  OptionalInt importIfChanged(boolean force) {
    String checksum =
        ReferenceDataVersions.checksum(MAPPING_VERSION + operatorRulesVersion(), RESOURCES);
    if (!force && versions.isCurrent(NAME, checksum)) {
      return OptionalInt.empty();
    }
    long started = System.nanoTime();
    // null: another node imported meanwhile; NullAway does not check the callback's T as nullable.
    @SuppressWarnings("NullAway")
    Integer count =
        transaction.execute(
            status -> {
              // One node imports at a time; a node that waited finds the work done.
              versions.lock(NAME);
              return !force && versions.isCurrent(NAME, checksum) ? null : importAll(checksum);
            });
    if (count == null) {
      return OptionalInt.empty();
    }
    // Fresh statistics, and the GIN index's pending list merged: otherwise every search scans it.
    jdbc.sql("vacuum analyze leistung").update();
    jdbc.sql("analyze ozg_leistung").update();
    log.info(
        "Imported {} Leistungen of the Leistungskatalog in {} ms",
        count,
        (System.nanoTime() - started) / 1_000_000);
    events.publishEvent(new CatalogImported(checksum, count));
    return OptionalInt.of(count);
  }

  private int importAll(String checksum) {
    ZustaendigkeitRules rules = ZustaendigkeitRules.load(operatorRules);
    Map<String, String> themenfeldNames = new HashMap<>();
    Map<String, String[]> lebenslagen = new HashMap<>();
    Map<String, String[]> ozgById = new HashMap<>();

    jdbc.sql("delete from catalog_word").update();

    for (CSVRecord r : ReferenceDataVersions.csv(THEMENFELDER)) {
      themenfeldNames.put(r.get("id"), r.get("name").strip());
    }
    for (CSVRecord r : ReferenceDataVersions.csv(LEBENSLAGEN)) {
      lebenslagen.put(r.get("id"), new String[] {r.get("subject_id"), r.get("name").strip()});
    }
    for (CSVRecord r : ReferenceDataVersions.csv(OZG_LEISTUNGEN)) {
      String description = r.get("description").strip();
      ozgById.put(
          r.get("id"),
          new String[] {
            r.get("service_key"),
            r.get("situation_id"),
            r.get("name").strip(),
            description.isEmpty() || TEST_NAME.matcher(description).matches() ? null : description
          });
    }

    upsertThemenfelderAndLebenslagen(themenfeldNames, lebenslagen);
    for (String[] ozg : ozgById.values()) {
      jdbc.sql(
              """
              insert into ozg_leistung (ozg_id, lebenslage_id, name, description) values (?, ?, ?, ?)
              on conflict (ozg_id) do update set lebenslage_id = excluded.lebenslage_id,
                name = excluded.name, description = excluded.description
              """)
          .params(
              ozg[0],
              lebenslagen.containsKey(ozg[1]) ? Integer.valueOf(ozg[1]) : null,
              ozg[2],
              ozg[3])
          .update();
    }

    Set<String> imported = new HashSet<>();
    Set<String> words = new TreeSet<>();
    int skipped = 0;
    for (CSVRecord r : ReferenceDataVersions.csv(LEIKA_LEISTUNGEN)) {
      String key = r.get("service_key").strip();
      String name = r.get("name").strip();
      if (!LEIKA_KEY.matcher(key).matches() || TEST_NAME.matcher(name).matches()) {
        skipped++;
        continue;
      }
      String[] ozg = ozgById.get(r.get("service_system_id"));
      String ozgId = ozg == null ? null : ozg[0];
      String ozgName = ozg == null ? null : ozg[2];
      String[] lebenslage = ozg == null ? null : lebenslagen.get(ozg[1]);
      String context =
          lebenslage == null
              ? ""
              : lebenslage[1] + " " + themenfeldNames.getOrDefault(lebenslage[0], "");
      String typisierung = blankToNull(r.get("service_type"));
      ZustaendigkeitRules.Rule rule = rules.ruleFor(key, ozgId, typisierung);
      String legalBasis = blankToNull(r.get("legal_basis"));
      String law = blankToNull(r.get("laws"));
      if ("sdesf".equals(law)) {
        law = null;
      }
      String lawShort = blankToNull(r.get("law_shortcuts"));
      String nameKey = GermanFolding.fold(name);
      String ozgKey = ozgName == null ? "" : GermanFolding.fold(ozgName);
      jdbc.sql(
              """
              insert into leistung (leika_key, name, typisierung, legal_basis, legal_basis_url, law,
                law_short, ozg_id, sdg, ebene, ebene_reason, ebene_reliable, name_key, search_vector)
              values (:key, :name, :typ, :legalBasis, :url, :law, :lawShort, :ozgId, :sdg, :ebene,
                :reason, :reliable, :nameKey,
                setweight(to_tsvector('german', :nameKey), 'A')
                  || setweight(to_tsvector('german', :ozgKey), 'B')
                  || setweight(to_tsvector('german', :context), 'C')
                  || setweight(to_tsvector('german', :lawKey), 'D'))
              on conflict (leika_key) do update set name = excluded.name,
                typisierung = excluded.typisierung, legal_basis = excluded.legal_basis,
                legal_basis_url = excluded.legal_basis_url, law = excluded.law,
                law_short = excluded.law_short, ozg_id = excluded.ozg_id, sdg = excluded.sdg,
                ebene = excluded.ebene, ebene_reason = excluded.ebene_reason,
                ebene_reliable = excluded.ebene_reliable, name_key = excluded.name_key, search_vector = excluded.search_vector
              """)
          .param("key", key)
          .param("name", name)
          .param("typ", typisierung)
          .param(
              "legalBasis",
              legalBasis == null ? null : LAW_URL.matcher(legalBasis).replaceAll("").strip())
          .param("url", legalBasis == null ? null : firstUrl(legalBasis))
          .param("law", law)
          .param("lawShort", lawShort)
          .param("ozgId", ozgId)
          .param("sdg", "1".equals(r.get("relevance1")) || "1".equals(r.get("relevance2")))
          .param("ebene", rule.ebene().name())
          .param("reason", rule.reason())
          .param("reliable", rule.reliable())
          .param("nameKey", nameKey)
          .param("ozgKey", ozgKey)
          .param("context", GermanFolding.fold(context))
          .param("lawKey", lawShort == null ? "" : GermanFolding.fold(lawShort))
          .update();
      imported.add(key);
      collectWords(nameKey, words);
      collectWords(ozgKey, words);
    }
    removeVanished(imported);
    jdbc.sql("insert into catalog_word (word) select unnest(?)")
        .param(words.toArray(String[]::new))
        .update();
    versions.recordImported(NAME, checksum, imported.size());
    log.debug("Left out {} catalog rows without LeiKa key or marked as test", skipped);
    return imported.size();
  }

  private void upsertThemenfelderAndLebenslagen(
      Map<String, String> themenfelder, Map<String, String[]> lebenslagen) {
    themenfelder.forEach(
        (id, name) ->
            jdbc.sql(
                    "insert into themenfeld (id, name) values (?, ?) on conflict (id) do update set name = excluded.name")
                .params(Integer.valueOf(id), name)
                .update());
    lebenslagen.forEach(
        (id, values) ->
            jdbc.sql(
                    """
                    insert into lebenslage (id, themenfeld_id, name) values (?, ?, ?)
                    on conflict (id) do update set themenfeld_id = excluded.themenfeld_id, name = excluded.name
                    """)
                .params(Integer.valueOf(id), Integer.valueOf(values[0]), values[1])
                .update());
  }

  /** Leistungen no longer in the catalog go, with their overrides and assessments. */
  private void removeVanished(Set<String> imported) {
    List<String> vanished =
        jdbc.sql("select leika_key from leistung").query(String.class).list().stream()
            .filter(key -> !imported.contains(key))
            .toList();
    for (String key : vanished) {
      jdbc.sql("delete from zustaendigkeit_override where leika_key = ?").param(key).update();
      jdbc.sql("delete from reifegrad_bewertung where leika_key = ?").param(key).update();
      jdbc.sql("delete from leistung where leika_key = ?").param(key).update();
    }
    if (!vanished.isEmpty()) {
      log.info("{} Leistungen are no longer in the catalog and were removed", vanished.size());
    }
  }

  /** The operator's rules file is part of the version: a changed file means a new import. */
  private String operatorRulesVersion() {
    if (operatorRules == null) {
      return "";
    }
    try {
      return "+" + Arrays.hashCode(Files.readAllBytes(operatorRules));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + operatorRules, e);
    }
  }

  private static void collectWords(String folded, Set<String> into) {
    Matcher matcher = WORD.matcher(folded);
    while (matcher.find()) {
      into.add(matcher.group());
    }
  }

  private static @Nullable String firstUrl(String legalBasis) {
    Matcher matcher = LAW_URL.matcher(legalBasis);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static @Nullable String blankToNull(String value) {
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** Published after every import, so that caches of the catalog can refresh. */
  record CatalogImported(String checksum, int leistungen) {}
}
