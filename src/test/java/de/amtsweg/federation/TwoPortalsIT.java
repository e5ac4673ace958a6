package de.amtsweg.federation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.AmtswegApplication;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Amtsweg portals on one machine, each importing the other's Portalverbund export: portal A has
 * switched the Hundesteuer app off in Erfurt, portal B offers it there. A search on A for
 * Hundesteuer in Erfurt finds B's online service, labelled with its provider, and forwards there
 * through the exit page with Leistung and place; B opens the app with Erfurt set, ready to start.
 */
class TwoPortalsIT {

  private static final String ERFURT = "160510000000";
  private static final String HUNDESTEUER = "99102013000000";
  private static final String PASSWORD = "Zwei-Portale-2026";

  @Test
  void aSearchOnOnePortalFindsTheOthersOnlineServiceAndForwardsThere() {
    int portA = freePort();
    int portB = freePort();
    try (ConfigurableApplicationContext a = portal("a", portA, "b", portB);
        ConfigurableApplicationContext b = portal("b", portB, "a", portA)) {
      a.getBean(AppStore.class).deactivate(ERFURT, "hundesteuer", "test");

      ImportReport intoB = b.getBean(VerbundImport.class).run("portal-a");
      ImportReport intoA = a.getBean(VerbundImport.class).run("portal-b");
      assertThat(intoA.created()).as("objects A took from B's export").isPositive();
      assertThat(intoB.created()).as("objects B took from A's export").isPositive();

      Browser onA = new Browser(URI.create("http://localhost:" + portA));
      JsonNode hits =
          JsonMapper.builder()
              .build()
              .readTree(onA.get("/api/v1/services?q=hundesteuer&ars=" + ERFURT).body());
      JsonNode hundesteuer = hits.get(0);
      assertThat(hundesteuer.path("leikaKey").asText()).isEqualTo(HUNDESTEUER);
      assertThat(hundesteuer.path("onlineAvailable").asBoolean()).isTrue();
      JsonNode other = hundesteuer.path("otherProviders").get(0);
      assertThat(other.path("url").asText()).startsWith("http://localhost:" + portA + "/weiter/");
      assertThat(other.path("provider").asText()).as("labelled with its provider").isNotBlank();

      Document places = Browser.page(onA.get("/ort?q=Erfurt"));
      onA.submit("/ort", Browser.csrf(places), Map.of("ars", ERFURT));
      Document results = Browser.page(onA.get("/leistungen?q=hundesteuer"));
      Element forward = results.selectFirst("a[href^=/weiter/]");
      assertThat(forward).as("a link to the other portal's online service").isNotNull();

      Document exit = Browser.page(onA.get(forward.attr("href")));
      String target = exit.getElementById("exit-go").attr("href");
      assertThat(target)
          .startsWith("http://localhost:" + portB + "/antrag/hundesteuer")
          .contains("ars=" + ERFURT);

      Browser onB = new Browser(URI.create("http://localhost:" + portB));
      HttpResponse<String> landing =
          onB.followAll(onB.get(target.substring(target.indexOf("/antrag"))));
      Document start = Browser.page(landing);
      assertThat(start.text()).contains("Stadt Erfurt");
      assertThat(start.select("form[action=/antrag/hundesteuer] button").text())
          .isEqualTo("Antrag starten");
    }
  }

  private static ConfigurableApplicationContext portal(
      String name, int port, String peer, int peerPort) {
    return new SpringApplicationBuilder(AmtswegApplication.class)
        .run(
            "--server.port=" + port,
            "--spring.profiles.active=demo,test",
            "--amtsweg.public-url=http://localhost:" + port,
            "--amtsweg.data-dir=target/it-data/portal-" + name + "-" + System.nanoTime(),
            "--amtsweg.embedded-database.ephemeral=true",
            "--amtsweg.demo.password=" + PASSWORD,
            "--amtsweg.federation.import-on-start=false",
            "--amtsweg.federation.import-enabled=false",
            "--amtsweg.federation.sources[0].name=portal-" + peer,
            "--amtsweg.federation.sources[0].url=http://localhost:"
                + peerPort
                + "/api/v1/portalverbund/verwaltungsobjekte?index=0",
            "--amtsweg.federation.sources[0].provider=Amtsweg Portal " + peer.toUpperCase());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
