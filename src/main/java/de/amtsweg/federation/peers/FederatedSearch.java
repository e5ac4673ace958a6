package de.amtsweg.federation.peers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.amtsweg.catalog.PeerSearch;
import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundTargets;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The federated search: every configured peer is asked in parallel, and the answer waits for them
 * at most {@code amtsweg.federation.peer-search.timeout} (800 ms) in all. A peer's answer is kept
 * for a short while per query and place; a peer that failed several times in a row is paused by its
 * circuit breaker and not asked until the pause is over, so that a dead peer costs nothing. A
 * request that outlives the wait still ends by the client's own timeout, and its answer, if it
 * comes, fills the cache for the next search.
 */
@Service
class FederatedSearch implements PeerSearch, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(FederatedSearch.class);

  private final List<Asked> peers;
  private final Duration timeout;
  private final Cache<Key, List<PeerHit>> answers;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  @Autowired
  FederatedSearch(PeerProperties properties, OutboundTargets targets, JsonMapper json) {
    this(
        properties,
        properties.peers().isEmpty()
            ? null
            : targets.client(
                "Amtsweg-Verbundsuche/1",
                properties.peerSearch().timeout(),
                properties.peerSearch().timeout(),
                512 * 1024),
        json);
  }

  FederatedSearch(PeerProperties properties, @Nullable OutboundHttp http, JsonMapper json) {
    PeerProperties.Search settings = properties.peerSearch();
    this.timeout = settings.timeout();
    CircuitBreakerConfig breaker =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(settings.failuresUntilPause())
            .minimumNumberOfCalls(settings.failuresUntilPause())
            .failureRateThreshold(100)
            .waitDurationInOpenState(settings.pause())
            .permittedNumberOfCallsInHalfOpenState(1)
            .build();
    List<Asked> asked = new ArrayList<>();
    for (PeerProperties.Peer peer : properties.peers()) {
      if (http == null) {
        throw new IllegalStateException("peers need an HTTP client");
      }
      asked.add(
          new Asked(
              new PeerClient(peer, http, json, settings.hitsPerPeer()),
              CircuitBreaker.of(peer.name(), breaker)));
    }
    this.peers = List.copyOf(asked);
    this.answers =
        Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl()).maximumSize(2_000).build();
  }

  @Override
  public PeerResults search(String query, @Nullable String ars, Locale locale) {
    String q = query.strip();
    if (peers.isEmpty() || q.isEmpty()) {
      return PeerResults.none();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<@Nullable CompletableFuture<List<PeerHit>>> running = new ArrayList<>();
    List<PeerStatus> statuses = new ArrayList<>();
    List<PeerHit> hits = new ArrayList<>();
    for (Asked peer : peers) {
      Key key = new Key(peer.client().name(), q.toLowerCase(Locale.ROOT), ars);
      List<PeerHit> kept = answers.getIfPresent(key);
      if (kept != null) {
        running.add(CompletableFuture.completedFuture(kept));
      } else if (!peer.breaker().tryAcquirePermission()) {
        running.add(null);
      } else {
        running.add(CompletableFuture.supplyAsync(() -> ask(peer, key), executor));
      }
    }
    for (int i = 0; i < peers.size(); i++) {
      String name = peers.get(i).client().name();
      CompletableFuture<List<PeerHit>> future = running.get(i);
      if (future == null) {
        statuses.add(new PeerStatus(name, Outcome.PAUSED, 0));
        continue;
      }
      try {
        List<PeerHit> answer =
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        hits.addAll(answer);
        statuses.add(new PeerStatus(name, Outcome.ANSWERED, answer.size()));
      } catch (TimeoutException e) {
        statuses.add(new PeerStatus(name, Outcome.TIMEOUT, 0));
      } catch (ExecutionException e) {
        statuses.add(new PeerStatus(name, Outcome.FAILED, 0));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        statuses.add(new PeerStatus(name, Outcome.TIMEOUT, 0));
      }
    }
    return new PeerResults(hits, statuses);
  }

  /** Asks one peer; the outcome goes to its circuit breaker exactly once. */
  private List<PeerHit> ask(Asked peer, Key key) {
    long start = System.nanoTime();
    try {
      List<PeerHit> hits = peer.client().ask(key.query(), key.ars());
      peer.breaker().onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      answers.put(key, hits);
      return hits;
    } catch (RuntimeException e) {
      peer.breaker().onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
      log.info(
          "Peer '{}' did not answer the search: {}",
          peer.client().name(),
          e instanceof OutboundHttp.Failure failure
              ? failure.reason().code()
              : e.getClass().getSimpleName());
      throw e;
    }
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  private record Asked(PeerClient client, CircuitBreaker breaker) {}

  private record Key(String peer, String query, @Nullable String ars) {}
}
