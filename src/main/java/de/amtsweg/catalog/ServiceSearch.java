package de.amtsweg.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.amtsweg.platform.GermanFolding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service search: German full text with stemming and prefix matching, synonyms, typo correction
 * and compound splitting (see {@link QueryPlanner}), over the catalog's words and those of the
 * Antrags-Apps ({@link AppSearchTerms}). With a place, a Leistung that can be applied for online
 * there ({@link OnlineServices}) and whose name or app matches every part of the query comes first.
 * Then Leistungen that match every part of the query, those whose name alone matches every part
 * before the others, then names that are or start with the query ("Führersch…" → Führerschein);
 * with a place, online ones move up within their tier; then the full-text rank, preferring exact
 * and shorter names. Weak matches are cut: when some Leistung matches every part, those that match
 * only some are left out, and so are hits ranked far below the best.
 */
@Service
public class ServiceSearch {

  /** Longest query accepted. */
  public static final int MAX_QUERY_LENGTH = 200;

  /** Most results returned. */
  public static final int MAX_RESULTS = 50;

  /** The SQL behind every search: also run on its own by the benchmark. */
  static final String SQL =
      """
      select m.*, o.name as ozg_name from (
        select l.leika_key, l.name, l.ozg_id, l.ebene, l.ebene_reason, l.ebene_reliable,
          l.search_all @@ to_tsquery('german', :all) as all_terms,
          ts_filter(l.search_all, '{a}') @@ to_tsquery('german', :all) as all_in_name,
          l.name_key = :folded as exact,
          l.name_key like :startsWith as starts,
          ts_rank(l.search_vector, to_tsquery('german', :any), 1)
            + ts_rank(l.search_vector, to_tsquery('german', :whole), 1)
            + ts_rank(l.app_vector, to_tsquery('german', :any), 1) as rank
        from leistung l
        where l.search_all @@ to_tsquery('german', :any)
        order by all_terms desc, all_in_name desc, exact desc, starts desc, rank desc, length(l.name), l.leika_key
        limit :limit
      ) m left join ozg_leistung o on o.ozg_id = m.ozg_id
      order by m.all_terms desc, m.all_in_name desc, m.exact desc, m.starts desc, m.rank desc, length(m.name),
        m.leika_key
      """;

  private final JdbcClient jdbc;
  private final QueryPlanner planner;
  private final Zustaendigkeiten zustaendigkeiten;
  private final OnlineServices onlineServices;

  /** Recent results: people search for the same few things; the catalog changes rarely. */
  private final Cache<CacheKey, List<ServiceHit>> cache;

  ServiceSearch(
      JdbcClient jdbc,
      QueryPlanner planner,
      Zustaendigkeiten zustaendigkeiten,
      OnlineServices onlineServices,
      CatalogProperties settings) {
    this.jdbc = jdbc;
    this.planner = planner;
    this.zustaendigkeiten = zustaendigkeiten;
    this.onlineServices = onlineServices;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(settings.searchCacheSize())
            .expireAfterWrite(settings.searchCacheTtl())
            .build();
  }

  /**
   * Anything that changes results (import, override, assessment) empties the cache on this node,
   * once the change is committed: emptied earlier, a search running meanwhile could fill it again
   * with the old results.
   */
  // Synchronous, and deliberately no @TransactionalEventListener: the event publication registry
  // would store every such reset in PostgreSQL, though it concerns this node's memory only and
  // means nothing after a restart.
  @EventListener({
    CatalogImport.CatalogImported.class,
    CatalogChanged.class,
    OnlineOffersChanged.class
  })
  void onCatalogChange() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              cache.invalidateAll();
            }
          });
    } else {
      cache.invalidateAll();
    }
  }

  /**
   * Searches the catalog, best first.
   *
   * @param placeArs where the person lives; adds who is responsible there and ranks Leistungen that
   *     can be applied for online there first
   * @throws CatalogException {@link CatalogException#QUERY_TOO_LONG}
   */
  public List<ServiceHit> search(String query, @Nullable String placeArs, int limit) {
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new CatalogException(
          HttpStatus.BAD_REQUEST, CatalogException.QUERY_TOO_LONG, MAX_QUERY_LENGTH);
    }
    int size = Math.clamp(limit, 1, MAX_RESULTS);
    CacheKey key = new CacheKey(GermanFolding.fold(query), placeArs, size);
    List<ServiceHit> cached = cache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    List<ServiceHit> hits = searchUncached(query, placeArs, size);
    cache.put(key, hits);
    return hits;
  }

  private List<ServiceHit> searchUncached(String query, @Nullable String placeArs, int size) {
    Zustaendigkeiten.Place place = placeArs == null ? null : zustaendigkeiten.place(placeArs);
    QueryPlan plan = planner.plan(query);
    if (plan.isEmpty()) {
      return List.of();
    }
    // With a place, look further down the list: online offers there may move up.
    List<Candidate> candidates =
        withoutWeakMatches(candidates(plan, place == null ? size : Math.min(size * 3, 150)));
    if (place == null) {
      return candidates.stream().limit(size).map(c -> c.hit(null, false, List.of())).toList();
    }
    Map<String, Zustaendigkeit> responsible =
        zustaendigkeiten.responsible(candidates.stream().map(Candidate::level).toList(), place);
    OnlineServices.Online online = onlineServices.online(responsible, place);
    List<Ranked> ranked = new ArrayList<>();
    for (Candidate candidate : candidates) {
      Zustaendigkeit zustaendigkeit =
          Objects.requireNonNull(responsible.get(candidate.leikaKey()), "resolved");
      ranked.add(
          new Ranked(
              candidate,
              candidate.hit(
                  zustaendigkeit,
                  online.leikaKeys().contains(candidate.leikaKey()),
                  online.external().getOrDefault(candidate.leikaKey(), List.of()))));
    }
    // Stable sort: the SQL order stays within each tier.
    ranked.sort(
        Comparator.comparing(
                (Ranked r) -> !(r.hit().onlineAvailable() && r.candidate().allInName()))
            .thenComparing(r -> !r.candidate().allTerms())
            .thenComparing(r -> !r.hit().onlineAvailable()));
    return ranked.stream().limit(size).map(Ranked::hit).toList();
  }

  /**
   * Leaves out what only looks like a hit: when some Leistung matches every part of the query,
   * those that match only some; and those ranked below a fifth of the best (one shared word of a
   * long name).
   */
  static List<Candidate> withoutWeakMatches(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return candidates;
    }
    boolean anyAllTerms = candidates.stream().anyMatch(Candidate::allTerms);
    double best =
        candidates.stream()
            .filter(c -> c.allTerms() || !anyAllTerms)
            .mapToDouble(Candidate::rank)
            .max()
            .orElse(0);
    return candidates.stream()
        .filter(c -> c.allTerms() || !anyAllTerms)
        .filter(c -> c.rank() >= best * WEAK)
        .toList();
  }

  /** Share of the best rank below which a hit is too weak to show. */
  static final double WEAK = 0.2;

  private record Ranked(Candidate candidate, ServiceHit hit) {}

  private record CacheKey(String folded, @Nullable String placeArs, int limit) {}

  /** Runs the search SQL for a plan: what the benchmark measures as "raw SQL". */
  List<Candidate> candidates(QueryPlan plan, int limit) {
    return jdbc.sql(SQL)
        .param("all", plan.allTerms())
        .param("any", plan.anyTerm())
        .param("whole", plan.anyWholeWord())
        .param("folded", plan.folded())
        .param("startsWith", plan.folded() + "%")
        .param("limit", limit)
        .query(
            (rs, row) ->
                new Candidate(
                    rs.getString("leika_key"),
                    rs.getString("name"),
                    rs.getString("ozg_id"),
                    rs.getString("ozg_name"),
                    rs.getBoolean("all_terms"),
                    rs.getBoolean("all_in_name"),
                    Math.round(rs.getDouble("rank") * 10_000) / 10_000.0,
                    new Zustaendigkeiten.Level(
                        rs.getString("leika_key"),
                        Verwaltungsebene.valueOf(rs.getString("ebene")),
                        rs.getString("ebene_reason"),
                        rs.getBoolean("ebene_reliable"))))
        .list();
  }

  QueryPlan plan(String query) {
    return planner.plan(query);
  }

  record Candidate(
      String leikaKey,
      String name,
      @Nullable String ozgId,
      @Nullable String ozgName,
      boolean allTerms,
      boolean allInName,
      double rank,
      Zustaendigkeiten.Level level) {

    ServiceHit hit(
        @Nullable Zustaendigkeit responsible,
        boolean online,
        List<OnlineServices.OnlineService> otherProviders) {
      return new ServiceHit(
          leikaKey, name, ozgId, ozgName, rank, responsible, online, otherProviders);
    }
  }
}
