package de.amtsweg.federation;

import de.amtsweg.catalog.CatalogException;
import de.amtsweg.catalog.TextModuleKind;
import de.amtsweg.catalog.TextModules;
import de.amtsweg.catalog.VerbundObjects;
import de.amtsweg.catalog.VerbundObjects.Kind;
import de.amtsweg.catalog.VerbundObjects.Rolle;
import de.amtsweg.catalog.VerbundObjects.Saved;
import de.amtsweg.federation.FederationProperties.Source;
import de.amtsweg.federation.PageFetcher.Page;
import de.amtsweg.federation.PageFetcher.PageFailed;
import de.amtsweg.federation.xzufi.XzufiNames;
import de.amtsweg.federation.xzufi.XzufiObject;
import de.amtsweg.federation.xzufi.XzufiReader;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import from the sources of the Portalverbund ({@code amtsweg.federation.sources}): pages in
 * the Bereitstelldienst shape are followed until {@code vollstaendig}; their {@code schreibe}
 * records become the catalog's {@link VerbundObjects} and Leistung texts ({@link TextModules}),
 * their {@code loesche} records delete by class and id.
 *
 * <p>Resumable: after each page the next index is stored per source, so a run interrupted by a
 * failing page or a crash continues there. Idempotent: saving an unchanged object changes nothing,
 * deleting an unknown one is no error. A run that read the whole holdings from index 0 deletes at
 * its end what the source no longer sends. Every run leaves a report.
 */
@Service
public class VerbundImport {

  private static final Logger log = LoggerFactory.getLogger(VerbundImport.class);
  private static final String IMPORTED_BY = "import:";
  private static final Map<String, TextModuleKind> TEXT_KINDS =
      Map.of(
          "05",
          TextModuleKind.KURZTEXT,
          "07",
          TextModuleKind.RECHTSGRUNDLAGE,
          "08",
          TextModuleKind.UNTERLAGEN,
          "09",
          TextModuleKind.VORAUSSETZUNGEN,
          XzufiNames.KOSTEN,
          TextModuleKind.KOSTEN,
          XzufiNames.FRIST,
          TextModuleKind.FRISTEN,
          XzufiNames.BEARBEITUNGSDAUER,
          TextModuleKind.BEARBEITUNGSDAUER);

  private final FederationProperties properties;
  private final PageFetcher fetcher;
  private final VerbundObjects objects;
  private final TextModules texts;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JsonMapper json = JsonMapper.builder().build();

  VerbundImport(
      FederationProperties properties,
      PageFetcher fetcher,
      VerbundObjects objects,
      TextModules texts,
      JdbcClient jdbc,
      TransactionTemplate transactions) {
    this.properties = properties;
    this.fetcher = fetcher;
    this.objects = objects;
    this.texts = texts;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** Thrown when a source is not configured, or is being imported by another run right now. */
  public static final class ImportRefused extends RuntimeException {
    private final String reason;

    ImportRefused(String reason) {
      super(reason);
      this.reason = reason;
    }

    /** {@code unknown-source} or {@code running}. */
    public String reason() {
      return reason;
    }
  }

  /** The configured sources. */
  public List<Source> sources() {
    return properties.sources();
  }

  /** Imports every source in turn; a failing one does not stop the others (the job's work). */
  public void runAll() {
    for (Source source : properties.sources()) {
      try {
        ImportReport report = run(source.name());
        log.info(
            "Import {}: {} (+{} ~{} -{} refused {})",
            source.name(),
            report.outcome(),
            report.created(),
            report.changed(),
            report.deleted(),
            report.refused().size());
      } catch (ImportRefused e) {
        log.info("Import {} not started: {}", source.name(), e.reason());
      }
    }
  }

  /**
   * Imports one source: continues an interrupted run, or starts one at the stored index.
   *
   * @throws ImportRefused for an unknown source, or one that another run holds
   */
  public ImportReport run(String sourceName) {
    return run(
        properties.sources().stream()
            .filter(s -> s.name().equals(sourceName))
            .findFirst()
            .orElseThrow(() -> new ImportRefused("unknown-source")));
  }

  /** Imports a source given as such (the configured ones, and the tests' sources). */
  ImportReport run(Source source) {
    jdbc.sql("insert into federation_source_state (source) values (?) on conflict do nothing")
        .param(source.name())
        .update();
    if (!hold(source)) {
      throw new ImportRefused("running");
    }
    try {
      return runHeld(source);
    } finally {
      jdbc.sql("update federation_source_state set locked_until = null where source = ?")
          .param(source.name())
          .update();
    }
  }

  /** The newest reports of a source, newest first. */
  public List<ImportReport> reports(String source, int limit) {
    return jdbc.sql(
            """
            select id, source, started_at, finished_at, outcome, full_pass, pages, created,
                changed, unchanged, deleted, refused::text as refused, problem
            from federation_import_run where source = ? order by started_at desc limit ?
            """)
        .params(source, limit)
        .query(
            (rs, row) ->
                new ImportReport(
                    rs.getObject("id", UUID.class),
                    rs.getString("source"),
                    rs.getObject("started_at", OffsetDateTime.class),
                    rs.getObject("finished_at", OffsetDateTime.class),
                    rs.getString("outcome"),
                    rs.getBoolean("full_pass"),
                    rs.getInt("pages"),
                    rs.getInt("created"),
                    rs.getInt("changed"),
                    rs.getInt("unchanged"),
                    rs.getInt("deleted"),
                    json.readValue(
                        rs.getString("refused"),
                        new TypeReference<List<ImportReport.Refusal>>() {}),
                    rs.getString("problem")))
        .list();
  }

  private boolean hold(Source source) {
    return jdbc.sql(
                """
            update federation_source_state set locked_until = now() + interval '15 minutes'
            where source = ? and (locked_until is null or locked_until < now())
            """)
            .param(source.name())
            .update()
        == 1;
  }

  private ImportReport runHeld(Source source) {
    State state =
        jdbc.sql(
                "select next_index, next_url, run_id from federation_source_state where source = ?")
            .param(source.name())
            .query(
                (rs, row) ->
                    new State(
                        rs.getLong("next_index"),
                        rs.getString("next_url"),
                        rs.getObject("run_id", UUID.class)))
            .single();
    UUID runId = state.runId();
    String url = state.nextUrl() == null ? withIndex(source.url(), 0) : state.nextUrl();
    if (runId == null) {
      runId = UUID.randomUUID();
      boolean fullPass = state.nextIndex() == 0 || source.url().startsWith("classpath:");
      jdbc.sql(
              "insert into federation_import_run (id, source, outcome, full_pass) values (?, ?, 'RUNNING', ?)")
          .params(runId, source.name(), fullPass)
          .update();
      jdbc.sql("update federation_source_state set run_id = ?, next_url = ? where source = ?")
          .params(runId, url, source.name())
          .update();
    } else {
      jdbc.sql("update federation_import_run set outcome = 'RUNNING', problem = null where id = ?")
          .param(runId)
          .update();
    }
    Run run = new Run(runId, source);
    for (int page = 0; page < properties.maxPages(); page++) {
      Page fetched;
      List<XzufiObject> records;
      try {
        fetched = fetcher.fetch(url);
        records = XzufiReader.read(fetched.xml());
      } catch (PageFailed e) {
        return interrupt(run, e.getMessage());
      } catch (XzufiReader.MalformedMessage e) {
        return interrupt(run, e.getMessage());
      }
      for (XzufiObject record : records) {
        apply(run, record);
      }
      String next;
      try {
        next = next(source, url, fetched);
      } catch (PageFailed e) {
        return interrupt(run, e.getMessage());
      }
      UUID id = runId;
      transactions.executeWithoutResult(
          tx -> {
            jdbc.sql(
                    """
                    update federation_import_run set pages = pages + 1, created = created + ?,
                        changed = changed + ?, unchanged = unchanged + ?, deleted = deleted + ?,
                        refused = refused || ?::jsonb
                    where id = ?
                    """)
                .params(
                    run.created,
                    run.changed,
                    run.unchanged,
                    run.deleted,
                    json.writeValueAsString(run.refused),
                    id)
                .update();
            jdbc.sql(
                    """
                    update federation_source_state set next_index = ?, next_url = ?,
                        locked_until = now() + interval '15 minutes', updated_at = now()
                    where source = ?
                    """)
                .params(fetched.nextIndex(), next, source.name())
                .update();
          });
      run.resetCounts();
      if (fetched.complete()) {
        return complete(run);
      }
      url = next;
    }
    return interrupt(run, "Mehr als " + properties.maxPages() + " Seiten ohne vollstaendig");
  }

  /**
   * The address of the next page: the source's {@code naechsteAnfrageUrl} if it stays on the
   * source's host (a source cannot send Amtsweg elsewhere), else the configured address with {@code
   * naechsterIndex}.
   */
  private static String next(Source source, String current, Page page) {
    String next = page.nextUrl();
    if (next == null || source.url().startsWith("classpath:")) {
      return source.url().startsWith("classpath:")
          ? source.url()
          : withIndex(source.url(), page.nextIndex());
    }
    try {
      URI from = URI.create(current);
      URI to = URI.create(next);
      if (!Objects.equals(from.getScheme(), to.getScheme())
          || !Objects.equals(from.getHost(), to.getHost())
          || from.getPort() != to.getPort()) {
        throw new PageFailed("naechsteAnfrageUrl zeigt auf einen anderen Server");
      }
      return to.toString();
    } catch (IllegalArgumentException e) {
      throw new PageFailed("naechsteAnfrageUrl ist keine Adresse");
    }
  }

  static String withIndex(String url, long index) {
    if (url.startsWith("classpath:")) {
      return url;
    }
    return UriComponentsBuilder.fromUriString(url)
        .replaceQueryParam("index", index)
        .build()
        .toUriString();
  }

  private ImportReport interrupt(Run run, @Nullable String problem) {
    String reason = problem == null ? "unbekannt" : problem;
    jdbc.sql(
            """
            update federation_import_run set outcome = 'INTERRUPTED', problem = ?,
                refused = refused || ?::jsonb, created = created + ?, changed = changed + ?,
                unchanged = unchanged + ?, deleted = deleted + ?
            where id = ?
            """)
        .params(
            reason.length() > 300 ? reason.substring(0, 300) : reason,
            json.writeValueAsString(run.refused),
            run.created,
            run.changed,
            run.unchanged,
            run.deleted,
            run.id)
        .update();
    return report(run.id);
  }

  private ImportReport complete(Run run) {
    boolean fullPass =
        jdbc.sql("select full_pass from federation_import_run where id = ?")
            .param(run.id)
            .query(Boolean.class)
            .single();
    if (fullPass) {
      Set<String> seen =
          new HashSet<>(
              jdbc.sql("select id from federation_import_seen where run_id = ?")
                  .param(run.id)
                  .query(String.class)
                  .list());
      for (Kind kind : List.of(Kind.ZUSTAENDIGKEIT, Kind.ONLINEDIENST, Kind.ORGANISATIONSEINHEIT)) {
        for (String id : objects.ids(kind, run.source.name())) {
          if (!seen.contains(id) && objects.delete(kind, id)) {
            run.deleted++;
          }
        }
      }
    }
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  """
                  update federation_import_run set outcome = 'COMPLETE', finished_at = now(),
                      deleted = deleted + ?
                  where id = ?
                  """)
              .params(run.deleted, run.id)
              .update();
          jdbc.sql("delete from federation_import_seen where run_id = ?").param(run.id).update();
          jdbc.sql("update federation_source_state set run_id = null where source = ?")
              .param(run.source.name())
              .update();
        });
    return report(run.id);
  }

  private ImportReport report(UUID id) {
    return jdbc
        .sql("select source from federation_import_run where id = ?")
        .param(id)
        .query(String.class)
        .single()
        .transform(source -> reports(source, 50))
        .stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  // --- applying one record ---

  private void apply(Run run, XzufiObject record) {
    try {
      transactions.executeWithoutResult(tx -> applyInTransaction(run, record));
    } catch (CatalogException e) {
      run.refuse(record, refusalReason(e));
    } catch (Refused e) {
      run.refuse(record, e.getMessage());
    }
  }

  private void applyInTransaction(Run run, XzufiObject record) {
    String source = run.source.name();
    switch (record) {
      case XzufiObject.Leistung leistung -> {
        jdbc.sql(
                """
                insert into federation_leistung (source, id, leika_key) values (?, ?, ?)
                on conflict (source, id) do update set leika_key = excluded.leika_key
                """)
            .params(source, leistung.id(), leistung.leikaKey())
            .update();
        saveTexts(run, leistung);
      }
      case XzufiObject.Organisationseinheit unit -> {
        String id = id(source, unit.id());
        run.count(
            objects.save(
                new VerbundObjects.Organisationseinheit(
                    id,
                    source,
                    unit.name(),
                    null,
                    unit.street(),
                    unit.postcode(),
                    unit.city(),
                    unit.phone(),
                    unit.email(),
                    unit.website() != null && VerbundObjects.isWebAddress(unit.website())
                        ? unit.website()
                        : null,
                    null)));
        seen(run, id);
      }
      case XzufiObject.Onlinedienst service -> {
        if (service.url() == null) {
          throw new Refused("kein Link zum Onlinedienst");
        }
        String id = id(source, service.id());
        String provider =
            Optional.ofNullable(service.provider())
                .or(() -> objects.onlinedienst(id).map(VerbundObjects.Onlinedienst::provider))
                .orElse(run.source.provider().isBlank() ? source : run.source.provider());
        run.count(
            objects.save(
                new VerbundObjects.Onlinedienst(
                    id,
                    source,
                    service.name(),
                    provider,
                    service.url(),
                    VerbundObjects.LinkStatus.UNCHECKED)));
        seen(run, id);
      }
      case XzufiObject.Zustaendigkeit entry -> saveEntry(run, entry);
      case XzufiObject.Loeschung deletion -> delete(run, deletion);
      case XzufiObject.Unreadable unreadable -> throw new Refused(unreadable.reason());
    }
  }

  private void saveEntry(Run run, XzufiObject.Zustaendigkeit entry) {
    String source = run.source.name();
    String leikaKey =
        jdbc.sql("select leika_key from federation_leistung where source = ? and id = ?")
            .params(source, entry.leistungId())
            .query(String.class)
            .optional()
            .or(() -> XzufiReader.leikaKeyIn(entry.leistungId()))
            .orElseThrow(() -> new Refused("Leistung " + entry.leistungId() + " unbekannt"));
    String parent = id(source, entry.parentId());
    Rolle rolle;
    String serviceId = null;
    String unitId = null;
    if (objects.onlinedienst(parent).isPresent()) {
      rolle = Rolle.ONLINEDIENST;
      serviceId = parent;
    } else if (objects.organisationseinheit(parent).isPresent()) {
      rolle =
          XzufiNames.ROLLE_ANSPRECHPUNKT.equals(entry.rolleCode())
              ? Rolle.ANSPRECHPUNKT
              : Rolle.ZUSTAENDIGE_STELLE;
      unitId = parent;
    } else {
      throw new Refused("übergeordnetes Objekt " + entry.parentId() + " unbekannt");
    }
    for (String region : entry.regions()) {
      String id = entryId(source, entry.id(), region, entry.regions().size());
      run.count(
          objects.save(
              new VerbundObjects.Zustaendigkeitseintrag(
                  id, source, leikaKey, region, unitId, serviceId, rolle)));
      seen(run, id);
    }
  }

  /** One Zuständigkeit per region: XZuFi lists several gebietIDs, Amtsweg keeps one each. */
  private static String entryId(String source, String id, String region, int regions) {
    return regions == 1 ? id(source, id) : id(source, id) + "@" + region;
  }

  private void delete(Run run, XzufiObject.Loeschung deletion) {
    String source = run.source.name();
    String id = id(source, deletion.id());
    switch (deletion.klasse()) {
      case "Organisationseinheit" ->
          run.deleted += objects.delete(Kind.ORGANISATIONSEINHEIT, id) ? 1 : 0;
      case "Onlinedienst" -> run.deleted += objects.delete(Kind.ONLINEDIENST, id) ? 1 : 0;
      case "Zustaendigkeit" -> {
        for (String stored : objects.ids(Kind.ZUSTAENDIGKEIT, source)) {
          if (stored.equals(id) || stored.startsWith(id + "@")) {
            run.deleted += objects.delete(Kind.ZUSTAENDIGKEIT, stored) ? 1 : 0;
          }
        }
      }
      case "Leistung" ->
          jdbc.sql("delete from federation_leistung where source = ? and id = ?")
              .params(source, deletion.id())
              .update();
      default -> {
        // Spezialisierungen and other classes Amtsweg does not keep: nothing to delete
      }
    }
  }

  /**
   * The Leistung's texts in German and English, kind by kind; a text an editor wrote in Amtsweg is
   * kept (the import only replaces what an import of the same source wrote).
   */
  private void saveTexts(Run run, XzufiObject.Leistung leistung) {
    String by = IMPORTED_BY + run.source.name();
    List<TextModules.Text> existing = texts.texts(leistung.leikaKey());
    boolean changed = false;
    for (String lang : TextModules.LANGUAGES) {
      Map<TextModuleKind, @Nullable String> update = new EnumMap<>(TextModuleKind.class);
      for (Map.Entry<String, Map<String, String>> module : leistung.texts().entrySet()) {
        TextModuleKind kind = TEXT_KINDS.get(module.getKey());
        String text = module.getValue().get(lang);
        if (kind == null || text == null) {
          continue;
        }
        Optional<TextModules.Text> current =
            existing.stream().filter(t -> t.kind() == kind && t.lang().equals(lang)).findFirst();
        if (current.isPresent() && !current.get().updatedBy().equals(by)) {
          run.refuse(
              leistung,
              "Text " + kind + " (" + lang + ") in Amtsweg bearbeitet, nicht überschrieben");
        } else if (text.length() > TextModules.MAX_LENGTH) {
          run.refuse(
              leistung,
              "Text " + kind + " (" + lang + ") länger als " + TextModules.MAX_LENGTH + " Zeichen");
        } else if (current.isEmpty() || !current.get().text().equals(text)) {
          update.put(kind, text);
        }
      }
      if (!update.isEmpty()) {
        texts.save(leistung.leikaKey(), lang, update, by);
        changed = true;
      }
    }
    if (changed) {
      run.changed++;
    } else {
      run.unchanged++;
    }
  }

  private void seen(Run run, String id) {
    jdbc.sql("insert into federation_import_seen (run_id, id) values (?, ?) on conflict do nothing")
        .params(run.id, id)
        .update();
  }

  private static String id(String source, String id) {
    return source + ":" + id.strip();
  }

  private static String refusalReason(CatalogException e) {
    Object[] arguments = e.detailArguments();
    return switch (e.type()) {
      case CatalogException.NOT_FOUND ->
          "Leistung " + (arguments.length > 0 ? arguments[0] : "") + " nicht im Katalog";
      case CatalogException.INVALID_VERBUND_OBJECT ->
          "Feld " + (arguments.length > 0 ? arguments[0] : "") + " ungültig";
      default -> e.type();
    };
  }

  /** A record the import does not take, with the reason. */
  private static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason);
    }
  }

  private record State(long nextIndex, @Nullable String nextUrl, @Nullable UUID runId) {}

  /** The counts of the page being applied. */
  private static final class Run {
    final UUID id;
    final Source source;
    int created;
    int changed;
    int unchanged;
    int deleted;
    final List<ImportReport.Refusal> refused = new ArrayList<>();

    Run(UUID id, Source source) {
      this.id = id;
      this.source = source;
    }

    void count(Saved saved) {
      switch (saved) {
        case CREATED -> created++;
        case CHANGED -> changed++;
        case UNCHANGED -> unchanged++;
      }
    }

    void refuse(XzufiObject record, @Nullable String reason) {
      String what =
          switch (record) {
            case XzufiObject.Leistung l -> "Leistung";
            case XzufiObject.Organisationseinheit o -> "Organisationseinheit";
            case XzufiObject.Onlinedienst o -> "Onlinedienst";
            case XzufiObject.Zustaendigkeit z -> "Zustaendigkeit";
            case XzufiObject.Loeschung l -> "loesche " + l.klasse();
            case XzufiObject.Unreadable u -> u.what();
          };
      String text = reason == null ? "unbekannt" : reason;
      refused.add(
          new ImportReport.Refusal(
              what, record.id(), text.length() > 200 ? text.substring(0, 200) : text));
    }

    void resetCounts() {
      created = 0;
      changed = 0;
      unchanged = 0;
      deleted = 0;
      refused.clear();
    }
  }
}
