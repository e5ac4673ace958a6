package de.amtsweg.federation.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.amtsweg.catalog.OnlinedienstLinks;
import de.amtsweg.catalog.VerbundObjects;
import de.amtsweg.catalog.VerbundObjects.Kind;
import de.amtsweg.catalog.VerbundObjects.LinkStatus;
import de.amtsweg.catalog.VerbundObjects.Onlinedienst;
import de.amtsweg.catalog.VerbundObjects.Rolle;
import de.amtsweg.catalog.VerbundObjects.Zustaendigkeitseintrag;
import de.amtsweg.support.AmtswegIT;
import de.amtsweg.support.Browser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person leaves Amtsweg for another provider's online service only through the exit page, only to
 * a known Onlinedienst, with Leistung and place filled in; the operator sees the count and the
 * addresses that stopped answering, which disappear from the exit page.
 */
class ForwardingIT extends AmtswegIT {

  private static final String SOURCE = "test-fw";
  private static final String KINDERGELD = "99041008000000";
  private static final String HUNDESTEUER = "99102013000000";
  private static final String ERFURT = "160510000000";
  private static final String SERVICE = SOURCE + ":kindergeld";
  private static final String FAMILIENKASSE_URL =
      "https://www.arbeitsagentur.de/familie-und-kinder/kindergeld?leistung={leikaKey}&ort={ars}";

  @Autowired VerbundObjects objects;
  @Autowired OnlinedienstLinks links;
  @Autowired JdbcClient jdbc;
  @Autowired LinkChecker checks;

  private HttpServer provider;

  @BeforeEach
  void familienkasseServesKindergeldAllOverGermany() throws IOException {
    objects.save(
        new Onlinedienst(
            SERVICE,
            SOURCE,
            "Kindergeld online beantragen",
            "Familienkasse der Bundesagentur für Arbeit",
            FAMILIENKASSE_URL,
            LinkStatus.UNCHECKED));
    objects.save(
        new Zustaendigkeitseintrag(
            SOURCE + ":kindergeld-de",
            SOURCE,
            KINDERGELD,
            VerbundObjects.GERMANY,
            null,
            SERVICE,
            Rolle.ONLINEDIENST));
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    // Answers GET, but not HEAD, like some real servers.
    provider.createContext(
        "/antrag",
        exchange -> {
          int status = "HEAD".equals(exchange.getRequestMethod()) ? 405 : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    provider.start();
  }

  @AfterEach
  void forget() {
    provider.stop(0);
    objects.ids(Kind.ONLINEDIENST, SOURCE).forEach(id -> objects.delete(Kind.ONLINEDIENST, id));
    jdbc.sql("delete from forwarding_click where onlinedienst_id like 'test-fw:%'").update();
  }

  @Test
  void theExitPageSaysWhereThePersonGoesAndLinksThereWithLeistungAndPlace() {
    HttpResponse<String> response = browser().get(exit(SERVICE, KINDERGELD, ERFURT));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    Document page = Browser.page(response);
    assertThat(page.select("h1").text())
        .isEqualTo("Weiter zu Familienkasse der Bundesagentur für Arbeit");
    assertThat(page.select("#exit-facts").text())
        .contains("Kindergeld", "Stadt Erfurt", "www.arbeitsagentur.de");
    assertThat(page.select("#exit-leaving").text())
        .contains("Ihre Anmeldung, Ihr Servicekonto und die Angaben");
    Element go = page.selectFirst("#exit-go");
    assertThat(go).isNotNull();
    assertThat(go.attr("href"))
        .isEqualTo(
            "https://www.arbeitsagentur.de/familie-und-kinder/kindergeld?leistung="
                + KINDERGELD
                + "&ort="
                + ERFURT);
    assertThat(go.attr("rel")).contains("noreferrer");
  }

  @Test
  void everyWayOutIsCountedForTheOperatorWithoutAnythingAboutThePerson() {
    browser().get(exit(SERVICE, KINDERGELD, ERFURT));
    browser().get(exit(SERVICE, KINDERGELD, ERFURT));
    browser().get(exit(SERVICE, KINDERGELD, "160530000000"));

    Document page = Browser.page(operator().get("/admin/verbund/weiterleitung"));
    assertThat(page.select("#clicks tbody tr").eachText())
        .anyMatch(
            row ->
                row.startsWith(
                    "Kindergeld online beantragen (Familienkasse der Bundesagentur für Arbeit)"
                        + " Kindergeld Stadt Erfurt 2 "))
        .anyMatch(row -> row.contains("Kindergeld Stadt Jena 1 "));
  }

  @Test
  void aFreeTargetNeverLeadsOffSite() {
    for (String path :
        new String[] {
          "/weiter?url=https://evil.example/",
          "/weiter/?url=https%3A%2F%2Fevil.example%2F",
          "/weiter/https:evil.example?leistung=" + KINDERGELD + "&ars=" + ERFURT,
          "/weiter/unknown:service?leistung=" + KINDERGELD + "&ars=" + ERFURT
        }) {
      HttpResponse<String> response = browser().get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
      // The language links repeat the query on this page; no link leads to the free target.
      assertThat(Browser.page(response).select("a[href^=http], a[href^=//]")).as(path).isEmpty();
      assertThat(Browser.page(response).select("h1").text())
          .isEqualTo("Dieses Online-Angebot kennen wir nicht");
    }
    // An address as id, slashes encoded: the servlet container refuses it before Amtsweg.
    HttpResponse<String> encoded =
        browser().get("/weiter/" + enc("https://evil.example/") + "?leistung=" + KINDERGELD);
    assertThat(encoded.statusCode()).isEqualTo(400);
    assertThat(encoded.headers().firstValue("Location")).isEmpty();
    HttpResponse<String> known =
        browser().get(exit(SERVICE, KINDERGELD, ERFURT) + "&url=https://evil.example/");
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(Browser.page(known).select("a[href*=evil.example]"))
        .allSatisfy(link -> assertThat(link.attr("href")).startsWith("/weiter/"));
    assertThat(Browser.page(known).select("#exit-go").attr("href"))
        .startsWith("https://www.arbeitsagentur.de/");
  }

  @Test
  void onlyForALeistungAndPlaceTheServiceServes() {
    HttpResponse<String> otherLeistung = browser().get(exit(SERVICE, HUNDESTEUER, ERFURT));
    assertThat(otherLeistung.statusCode()).isEqualTo(404);
    assertThat(Browser.page(otherLeistung).select("h1").text())
        .isEqualTo("Dieses Online-Angebot gilt nicht für Ihren Ort");
    assertThat(Browser.page(otherLeistung).select("main a").eachAttr("href"))
        .contains("/leistungen/" + HUNDESTEUER);

    HttpResponse<String> noPlace =
        browser().get("/weiter/" + enc(SERVICE) + "?leistung=" + KINDERGELD);
    assertThat(noPlace.statusCode()).isEqualTo(400);
    assertThat(Browser.page(noPlace).select("h1").text()).isEqualTo("Leistung oder Ort fehlen");
    assertThat(browser().get(exit(SERVICE, KINDERGELD, "16051000")).statusCode()).isEqualTo(400);
  }

  @Test
  void anAddressThatFailsTwiceIsHiddenAndReportedAndComesBackWhenItAnswers() throws IOException {
    String live = SOURCE + ":live";
    String dead = SOURCE + ":dead";
    String base = "http://127.0.0.1:" + provider.getAddress().getPort();
    save(live, base + "/antrag?leistung={leikaKey}");
    save(dead, "http://127.0.0.1:" + closedPort() + "/antrag");

    checks.run();
    assertThat(status(live)).isEqualTo(LinkStatus.OK);
    // One failure is not enough: a provider's server may be down for a moment.
    assertThat(status(dead)).isEqualTo(LinkStatus.UNCHECKED);
    assertThat(browser().get(exit(dead, KINDERGELD, ERFURT)).statusCode()).isEqualTo(200);

    checks.run();
    assertThat(status(dead)).isEqualTo(LinkStatus.DEAD);
    HttpResponse<String> hidden = browser().get(exit(dead, KINDERGELD, ERFURT));
    assertThat(hidden.statusCode()).isEqualTo(404);
    assertThat(Browser.page(hidden).select("h1").text())
        .isEqualTo("Dieses Online-Angebot ist zurzeit nicht erreichbar");
    assertThat(
            jdbc.sql(
                    "select subject || ' ' || body from outbound_mail where recipient = ?"
                        + " order by created_at desc limit 1")
                .param("betrieb@amtsweg.test")
                .query(String.class)
                .single())
        .containsPattern("Online-Angebote? nicht mehr erreichbar")
        .contains("Test-Anbieter: Dienst " + dead + " (http://127.0.0.1:")
        .doesNotContain(live)
        .contains("/admin/verbund/weiterleitung");

    Browser operator = operator();
    Document page = Browser.page(operator.get("/admin/verbund/weiterleitung"));
    assertThat(page.select("#link-states tr[data-id=" + dead + "]").attr("data-status"))
        .isEqualTo("DEAD");
    assertThat(page.select("#link-states tr[data-id=" + dead + "]").text())
        .contains("Nicht erreichbar", "unreachable (2 Fehlschläge in Folge)");

    // A new address starts afresh: its first failure does not make it dead.
    save(dead, "http://127.0.0.1:" + closedPort() + "/anders");
    assertThat(status(dead)).isEqualTo(LinkStatus.UNCHECKED);
    checks.run();
    assertThat(status(dead)).isEqualTo(LinkStatus.UNCHECKED);

    // The provider fixes it: the operator checks at once, and it is back.
    save(dead, base + "/antrag");
    HttpResponse<String> checked =
        operator.submit("/admin/verbund/weiterleitung/pruefen", Browser.csrf(page), Map.of());
    assertThat(Browser.page(operator.follow(checked)).select("#links-checked").text())
        .endsWith("geprüft.");
    assertThat(status(dead)).isEqualTo(LinkStatus.OK);
    assertThat(browser().get(exit(dead, KINDERGELD, ERFURT)).statusCode()).isEqualTo(200);
  }

  private void save(String id, String url) {
    objects.save(
        new Onlinedienst(id, SOURCE, "Dienst " + id, "Test-Anbieter", url, LinkStatus.UNCHECKED));
    objects.save(
        new Zustaendigkeitseintrag(
            id + "-de", SOURCE, KINDERGELD, VerbundObjects.GERMANY, null, id, Rolle.ONLINEDIENST));
  }

  private LinkStatus status(String id) {
    return objects.onlinedienst(id).orElseThrow().linkStatus();
  }

  private Browser operator() {
    Browser operator = browser();
    assertThat(operator.signIn("betrieb", DEMO_PASSWORD).statusCode()).isEqualTo(302);
    return operator;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String exit(String id, String leikaKey, String ars) {
    return "/weiter/" + enc(id) + "?leistung=" + leikaKey + "&ars=" + ars;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
