package de.amtsweg.federation.peers;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The peer portals of the federated search ({@code amtsweg.federation.peers[…]}) and how they are
 * asked ({@code amtsweg.federation.peer-search.*}). No peer is configured by default.
 *
 * @param peers the peers, asked in parallel in this order
 * @param peerSearch timeouts, cache and circuit breaker
 */
@ConfigurationProperties("amtsweg.federation")
public record PeerProperties(@DefaultValue List<Peer> peers, @DefaultValue Search peerSearch) {

  /**
   * A peer portal.
   *
   * @param name shown as the source of its hits, e.g. {@code Serviceportal Sachsen}
   * @param baseUrl its address ({@code https}; plain {@code http} only to allowed hosts in the demo
   *     and test profiles), connected to only through the platform's outbound rules
   * @param kind {@code AMTSWEG}: another Amtsweg, asked at {@code /api/v1/services?q=&ars=}; {@code
   *     PVOG}: a PVOG-style search API at {@link #searchPath}
   * @param searchPath for {@code PVOG}: the path and query of the search below the base address,
   *     with {@code {q}} and {@code {ars}} (filled in URL-encoded)
   * @param pageUrl the page a hit links to, with {@code {leikaKey}}, {@code {ars}} and {@code
   *     {id}}; default for {@code AMTSWEG}: {@code <baseUrl>/leistungen/{leikaKey}}; required for
   *     {@code PVOG}. It must lie on the peer's own host.
   * @param bearerToken sent as {@code Authorization: Bearer …} (the PVOG search requires OAuth 2);
   *     pass it through the environment
   */
  public record Peer(
      String name,
      URI baseUrl,
      @DefaultValue("AMTSWEG") Kind kind,
      @Nullable String searchPath,
      @Nullable String pageUrl,
      @Nullable String bearerToken) {}

  /** The kinds of peer. */
  public enum Kind {
    AMTSWEG,
    PVOG
  }

  /**
   * @param timeout how long a search waits for the peers in all; a peer that did not answer by then
   *     is left out of this answer
   * @param cacheTtl how long a peer's answer to the same query and place is kept
   * @param failuresUntilPause failed or timed-out requests in a row after which a peer is paused
   * @param pause how long a paused peer is not asked; then one request tries again
   * @param hitsPerPeer how many hits of each peer are shown
   */
  public record Search(
      @DefaultValue("800ms") Duration timeout,
      @DefaultValue("60s") Duration cacheTtl,
      @DefaultValue("3") int failuresUntilPause,
      @DefaultValue("30s") Duration pause,
      @DefaultValue("5") int hitsPerPeer) {}
}
