package de.amtsweg.catalog;

import de.amtsweg.catalog.VerbundObjects.Kind;
import de.amtsweg.catalog.VerbundObjects.Onlinedienst;
import de.amtsweg.catalog.VerbundObjects.Organisationseinheit;
import de.amtsweg.catalog.VerbundObjects.Rolle;
import de.amtsweg.catalog.VerbundObjects.Zustaendigkeitseintrag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the Land's own authorities for Land-level Leistungen ({@code catalog/verbund-seed.yaml},
 * source {@code seed}) at every start, after the catalog: idempotent, and seed objects no longer in
 * the file are deleted. Runs in every profile: these are facts of the Land, not demo data.
 */
@Component
@Order(35)
class VerbundSeed implements ApplicationRunner {

  static final String RESOURCE = "catalog/verbund-seed.yaml";
  static final String SOURCE = "seed";

  private static final Logger log = LoggerFactory.getLogger(VerbundSeed.class);
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final VerbundObjects objects;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  VerbundSeed(VerbundObjects objects, JdbcClient jdbc, TransactionTemplate transactions) {
    this.objects = objects;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    Seed seed = read();
    int changed = transactions.execute(status -> load(seed)) instanceof Integer n ? n : 0;
    log.info("Verbund seed loaded: {} objects created or changed", changed);
  }

  static Seed read() {
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      return YAML.readValue(in, Seed.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  private int load(Seed seed) {
    int changed = 0;
    Set<String> units = new HashSet<>();
    Set<String> services = new HashSet<>();
    Set<String> entries = new HashSet<>();
    for (Unit u : seed.organisationseinheiten()) {
      String id = id(u.id());
      units.add(id);
      changed +=
          count(
              objects.save(
                  new Organisationseinheit(
                      id,
                      SOURCE,
                      u.name(),
                      u.authorityArs(),
                      u.street(),
                      u.postcode(),
                      u.city(),
                      u.phone(),
                      u.email(),
                      u.website(),
                      u.openingHours())));
    }
    for (Service s : seed.onlinedienste()) {
      String id = id(s.id());
      services.add(id);
      changed +=
          count(
              objects.save(
                  new Onlinedienst(
                      id,
                      SOURCE,
                      s.name(),
                      s.provider(),
                      s.url(),
                      VerbundObjects.LinkStatus.UNCHECKED)));
    }
    for (Entry e : seed.zustaendigkeiten()) {
      String target = e.stelle() != null ? e.stelle() : e.onlinedienst();
      if (target == null || (e.stelle() != null) == (e.onlinedienst() != null)) {
        throw new IllegalStateException(RESOURCE + ": name either a stelle or an onlinedienst");
      }
      for (String leikaKey : leistungen(e.leistungen())) {
        for (String region : e.regionen()) {
          String id = id(target + "-" + leikaKey + "-" + region);
          entries.add(id);
          changed +=
              count(
                  objects.save(
                      new Zustaendigkeitseintrag(
                          id,
                          SOURCE,
                          leikaKey,
                          region,
                          e.stelle() == null ? null : id(e.stelle()),
                          e.onlinedienst() == null ? null : id(e.onlinedienst()),
                          e.stelle() == null ? Rolle.ONLINEDIENST : Rolle.ZUSTAENDIGE_STELLE)));
        }
      }
    }
    changed += removeOthers(Kind.ZUSTAENDIGKEIT, entries);
    changed += removeOthers(Kind.ONLINEDIENST, services);
    changed += removeOthers(Kind.ORGANISATIONSEINHEIT, units);
    return changed;
  }

  /** The catalog's Leistungen with one of these keys or key prefixes. */
  private List<String> leistungen(List<String> prefixes) {
    return jdbc.sql("select leika_key from leistung where leika_key like any(?) order by leika_key")
        .param(prefixes.stream().map(p -> p + "%").toArray(String[]::new))
        .query(String.class)
        .list();
  }

  private int removeOthers(Kind kind, Set<String> keep) {
    int removed = 0;
    for (String id : objects.ids(kind, SOURCE)) {
      if (!keep.contains(id) && objects.delete(kind, id)) {
        removed++;
      }
    }
    return removed;
  }

  private static String id(String local) {
    return SOURCE + ":" + local;
  }

  private static int count(VerbundObjects.Saved saved) {
    return saved == VerbundObjects.Saved.UNCHANGED ? 0 : 1;
  }

  /** The seed file. */
  record Seed(
      List<Unit> organisationseinheiten,
      List<Service> onlinedienste,
      List<Entry> zustaendigkeiten) {
    Seed {
      organisationseinheiten = organisationseinheiten == null ? List.of() : organisationseinheiten;
      onlinedienste = onlinedienste == null ? List.of() : onlinedienste;
      zustaendigkeiten = zustaendigkeiten == null ? List.of() : zustaendigkeiten;
    }
  }

  record Unit(
      String id,
      String name,
      @Nullable String authorityArs,
      @Nullable String street,
      @Nullable String postcode,
      @Nullable String city,
      @Nullable String phone,
      @Nullable String email,
      @Nullable String website,
      @Nullable String openingHours) {}

  record Service(String id, String name, String provider, String url) {}

  record Entry(
      List<String> leistungen,
      List<String> regionen,
      @Nullable String stelle,
      @Nullable String onlinedienst) {}
}
