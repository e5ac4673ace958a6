package de.amtsweg.federation.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.amtsweg.catalog.PeerSearch.Outcome;
import de.amtsweg.catalog.PeerSearch.PeerHit;
import de.amtsweg.catalog.PeerSearch.PeerResults;
import de.amtsweg.catalog.PeerSearch.PeerStatus;
import de.amtsweg.federation.peers.PeerProperties.Kind;
import de.amtsweg.federation.peers.PeerProperties.Peer;
import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundReason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The federated search against a simulator of peers that answer, sleep or fail on purpose: the
 * answer never waits much longer than the timeout, a failing peer is paused and tried again later,
 * answers are kept briefly, and no answer decides where a link leads.
 */
class FederatedSearchTest {

  /** Generous, as the machine running the tests may be busy; the slow peer sleeps far longer. */
  private static final Duration TIMEOUT = Duration.ofMillis(1500);

  private static final String HUNDESTEUER =
      """
      [{"leikaKey":"99102013000000","name":"Hundesteuer","score":1.0,
        "responsible":{"ars":"146120000000","name":"Stadt Dresden"},"onlineAvailable":true},
       {"leikaKey":"not-a-key","name":"Kaputt"},
       {"leikaKey":"99102013001000","name":"  ","onlineAvailable":true}]
      """;

  private HttpServer simulator;
  private final AtomicInteger fastCalls = new AtomicInteger();
  private final AtomicInteger failingCalls = new AtomicInteger();
  private String base;

  @BeforeEach
  void start() throws IOException {
    simulator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    simulator.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    simulator.createContext(
        "/fast/api/v1/services",
        exchange -> {
          fastCalls.incrementAndGet();
          byte[] body = HUNDESTEUER.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    simulator.createContext(
        "/slow/api/v1/services",
        exchange -> {
          try {
            Thread.sleep(6_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    simulator.createContext(
        "/failing/api/v1/services",
        exchange -> {
          failingCalls.incrementAndGet();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    simulator.createContext(
        "/pvog/search",
        exchange -> {
          byte[] body =
              """
              {"totalHits":2,"items":[
                {"id":"L100042.LB.123","title":"Hundesteuer Anmeldung","url":"https://evil.example/"},
                {"id":"<script>","title":"Böse"}]}
              """
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    simulator.start();
    base = "http://127.0.0.1:" + simulator.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    simulator.stop(0);
  }

  @Test
  void aSlowPeerCostsNoMoreThanTheTimeoutAndTheOthersStillAnswer() {
    FederatedSearch search = search(peer("Portal Sachsen", "/fast"), peer("Langsam", "/slow"));

    long start = System.nanoTime();
    PeerResults results = search.search("Hundesteuer", "160510000000", Locale.GERMAN);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isLessThan(TIMEOUT.plusMillis(700));
    assertThat(results.peers())
        .containsExactly(
            new PeerStatus("Portal Sachsen", Outcome.ANSWERED, 1),
            new PeerStatus("Langsam", Outcome.TIMEOUT, 0));
    assertThat(results.hits())
        .containsExactly(
            new PeerHit(
                "Portal Sachsen",
                "99102013000000",
                "Hundesteuer",
                base + "/fast/leistungen/99102013000000",
                "Stadt Dresden",
                true));
  }

  @Test
  void aPeerThatKeepsFailingIsPausedAndTriedAgainAfterThePause() throws InterruptedException {
    FederatedSearch search = search(peer("Kaputt", "/failing"));

    for (int i = 0; i < 3; i++) {
      assertThat(search.search("Hund " + i, null, Locale.GERMAN).peers())
          .containsExactly(new PeerStatus("Kaputt", Outcome.FAILED, 0));
    }
    assertThat(search.search("Hund", null, Locale.GERMAN).peers())
        .containsExactly(new PeerStatus("Kaputt", Outcome.PAUSED, 0));
    assertThat(failingCalls).hasValue(3);

    Thread.sleep(700);
    assertThat(search.search("Hund", null, Locale.GERMAN).peers())
        .containsExactly(new PeerStatus("Kaputt", Outcome.FAILED, 0));
    assertThat(failingCalls).hasValue(4);
  }

  @Test
  void anAnswerIsKeptBrieflyPerQueryAndPlace() {
    FederatedSearch search = search(peer("Portal Sachsen", "/fast"));

    search.search("Hundesteuer", "160510000000", Locale.GERMAN);
    PeerResults again = search.search(" hundesteuer ", "160510000000", Locale.GERMAN);
    search.search("Hundesteuer", "160530000000", Locale.GERMAN);

    assertThat(again.hits()).hasSize(1);
    assertThat(fastCalls).hasValue(2);
  }

  @Test
  void theLinksOfAPvogStylePeerAreBuiltFromItsConfiguredPageNeverFromTheAnswer() {
    Peer pvog =
        new Peer(
            "PVOG",
            URI.create(base),
            Kind.PVOG,
            "/pvog/search?q={q}&ars={ars}",
            base + "/detail/{id}?ars={ars}",
            null);
    PeerResults results = search(pvog).search("Hund & Katze", "160510000000", Locale.GERMAN);

    assertThat(results.hits())
        .extracting(PeerHit::name, PeerHit::href)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Hundesteuer Anmeldung", base + "/detail/L100042.LB.123?ars=160510000000"));
    assertThat(results.toString()).doesNotContain("evil.example");
  }

  @Test
  void noPeersNoQuestions() {
    assertThat(search().search("Hundesteuer", null, Locale.GERMAN)).isEqualTo(PeerResults.none());
  }

  private Peer peer(String name, String path) {
    return new Peer(name, URI.create(base + path), Kind.AMTSWEG, null, null, null);
  }

  private static FederatedSearch search(Peer... peers) {
    PeerProperties properties =
        new PeerProperties(
            List.of(peers),
            new PeerProperties.Search(
                TIMEOUT, Duration.ofSeconds(60), 3, Duration.ofMillis(500), 5));
    return new FederatedSearch(properties, http(), JsonMapper.builder().build());
  }

  /** A plain client with the timeout of the real one, for the simulator on loopback. */
  private static OutboundHttp http() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    return request -> {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(request.uri())
              .timeout(TIMEOUT)
              .method(request.method(), HttpRequest.BodyPublishers.noBody());
      request.headers().forEach(builder::header);
      try {
        HttpResponse<byte[]> response =
            client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new OutboundHttp.Response(response.statusCode(), response.body(), true);
      } catch (HttpTimeoutException e) {
        throw new OutboundHttp.Failure(OutboundReason.TIMEOUT, e);
      } catch (IOException e) {
        throw new OutboundHttp.Failure(OutboundReason.UNREACHABLE, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OutboundHttp.Failure(OutboundReason.TIMEOUT, e);
      }
    };
  }
}
