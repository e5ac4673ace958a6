package de.amtsweg.catalog;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Asks the peer portals of the Portalverbund (another Amtsweg, a PVOG-style search) the same
 * question as the local search. The catalog declares it and the {@code federation} module
 * implements it, so that the catalog knows no peer. An answer never takes much longer than the
 * implementation's timeout, whatever the peers do; a peer that did not answer in time is listed
 * with its outcome and no hits.
 */
public interface PeerSearch {

  /**
   * The peers' hits for a query, each marked with its source.
   *
   * @param ars the place of the search, or null
   */
  PeerResults search(String query, @Nullable String ars, Locale locale);

  /**
   * The peers' hits and how each peer answered.
   *
   * @param hits hits of all peers that answered, in the order of the configured peers
   * @param peers one entry per configured peer
   */
  record PeerResults(List<PeerHit> hits, List<PeerStatus> peers) {

    /** No peer configured. */
    public static PeerResults none() {
      return new PeerResults(List.of(), List.of());
    }

    public PeerResults {
      hits = List.copyOf(hits);
      peers = List.copyOf(peers);
    }
  }

  /**
   * A hit of a peer portal.
   *
   * @param source the peer's name, as configured (shown as the source)
   * @param leikaKey the Leistung's key, when the peer names it
   * @param name the Leistung's name as the peer gives it
   * @param href the page of the peer to go to: always on the peer's configured address
   * @param responsible the authority the peer names as responsible, if any
   * @param onlineAvailable whether the peer says it can be applied for online there
   */
  record PeerHit(
      String source,
      @Nullable String leikaKey,
      String name,
      String href,
      @Nullable String responsible,
      boolean onlineAvailable) {}

  /**
   * How a peer answered.
   *
   * @param name the peer's name
   * @param outcome what happened
   * @param hits how many hits it gave
   */
  record PeerStatus(String name, Outcome outcome, int hits) {}

  /** What asking a peer came to. */
  enum Outcome {
    /** It answered in time (possibly an answer kept from a moment ago). */
    ANSWERED,
    /** No answer within the timeout. */
    TIMEOUT,
    /** Not reachable, or an answer that was no search result. */
    FAILED,
    /** Not asked: it failed repeatedly and gets a pause (circuit breaker open). */
    PAUSED
  }
}
