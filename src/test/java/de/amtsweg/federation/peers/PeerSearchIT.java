package de.amtsweg.federation.peers;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search page and the API with a peer portal that never answers (the test profile's "Testportal
 * Nachbarland"): the local hits come as always, the peer gets its own section saying it did not
 * answer, and the API adds the peers only when asked.
 */
class PeerSearchIT extends AmtswegIT {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theSearchPageShowsLocalHitsAndSaysThatThePeerDidNotAnswer() {
    long start = System.nanoTime();
    HttpResponse<String> response = browser().get("/leistungen?q=Hundesteuer");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    Document page = Browser.page(response);
    assertThat(page.select("#service-results .service-hit").text()).contains("Hundesteuer");
    assertThat(page.select("#peer-results h2").text()).isEqualTo("Aus anderen Verwaltungsportalen");
    assertThat(page.select("#peer-results-none").text())
        .isEqualTo("Die anderen Portale haben dazu nichts gefunden.");
    assertThat(page.select("#peer-outcomes li").attr("data-outcome")).isIn("FAILED", "PAUSED");
    assertThat(page.select("#peer-outcomes li").text()).startsWith("Testportal Nachbarland ");
  }

  @Test
  void theSuggestionsWhileTypingNeverAskPeers() {
    HttpResponse<String> response =
        browser().get("/leistungen?q=Hundesteuer", "HX-Request", "true");

    assertThat(response.body()).contains("Hundesteuer").doesNotContain("peer-results");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theApiAddsPeersInTheirOwnFieldsOnlyWhenAsked() {
    String plain = browser().get("/api/v1/services?q=Hundesteuer&limit=3").body();
    assertThat(plain).startsWith("[");

    Map<String, Object> withPeers =
        json.readValue(
            browser().get("/api/v1/services?q=Hundesteuer&ars=160510000000&peers=true").body(),
            Map.class);

    assertThat((List<Map<String, Object>>) withPeers.get("results"))
        .first()
        .satisfies(hit -> assertThat(hit).containsEntry("leikaKey", "99102013000000"));
    assertThat((List<Object>) withPeers.get("peers")).isEmpty();
    assertThat((List<Map<String, Object>>) withPeers.get("peerStatus"))
        .singleElement()
        .satisfies(
            status -> {
              assertThat(status).containsEntry("name", "Testportal Nachbarland");
              assertThat(status.get("outcome")).isIn("FAILED", "PAUSED");
            });
  }
}
