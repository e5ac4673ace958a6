package de.amtsweg.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.amtsweg.catalog.VerbundObjects;
import de.amtsweg.catalog.VerbundObjects.Rolle;
import de.amtsweg.federation.FederationProperties.Source;
import de.amtsweg.support.AmtswegIT;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import: the demo source at start-up and again without changes; a paged source whose second
 * page fails is continued there by the next run; deleting what Amtsweg never had is no error.
 */
class VerbundImportIT extends AmtswegIT {

  private static final String KINDERGELD = "99041008000000";
  private static final String HUNDESTEUER = "99102013000000";
  private static final String ERFURT = "160510000000";
  private static final String NS = "http://xoev.de/schemata/xzufi/2_2_0";

  @Autowired VerbundImport imports;
  @Autowired VerbundObjects objects;

  private final JsonMapper json = JsonMapper.builder().build();
  private final AtomicBoolean secondPageFails = new AtomicBoolean();
  private final List<String> requested = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @Test
  void theDemoSourceIsImportedAtStartAndAgainChangesNothing() {
    ImportReport again = imports.run("bund-demo");

    List<ImportReport> reports = imports.reports("bund-demo", 50);
    ImportReport first = reports.getLast();
    assertThat(first.outcome()).isEqualTo("COMPLETE");
    assertThat(first.created()).isEqualTo(8);
    assertThat(first.refused()).isEmpty();
    assertThat(again.outcome()).isEqualTo("COMPLETE");
    assertThat(again.created() + again.changed() + again.deleted()).isZero();
    assertThat(again.unchanged()).isEqualTo(8);
    assertThat(again.refused()).isEmpty();

    assertThat(objects.onlinedienst("bund-demo:kindergeld-online"))
        .get()
        .satisfies(
            service -> {
              assertThat(service.provider())
                  .isEqualTo("Familienkasse der Bundesagentur für Arbeit");
              assertThat(service.url())
                  .isEqualTo(
                      "https://www.arbeitsagentur.de/familie-und-kinder/kindergeld-beantragen");
            });
    assertThat(objects.entries(KINDERGELD, List.of(ERFURT, "160000000000", VerbundObjects.GERMANY)))
        .anySatisfy(
            entry -> {
              assertThat(entry.rolle()).isEqualTo(Rolle.ZUSTAENDIGE_STELLE);
              assertThat(entry.organisationseinheitId()).isEqualTo("bund-demo:familienkasse-ba");
            });
    assertThat(objects.onlinedienst("bund-demo:bafoeg-digital"))
        .get()
        .satisfies(
            service ->
                assertThat(service.provider())
                    .isEqualTo("Studierendenwerk Thüringen, Amt für Ausbildungsförderung"));
  }

  @Test
  void aRunInterruptedByAFailingPageIsContinuedThereByTheNextRun() {
    Source source =
        new Source(
            "test-paged",
            "http://localhost:" + server.getAddress().getPort() + "/seite?index=0",
            "");
    secondPageFails.set(true);

    ImportReport interrupted = imports.run(source);

    assertThat(interrupted.outcome()).isEqualTo("INTERRUPTED");
    assertThat(interrupted.pages()).isEqualTo(1);
    assertThat(interrupted.created()).isEqualTo(2);
    assertThat(interrupted.problem()).contains("503");
    assertThat(objects.onlinedienst("test-paged:dienst-1")).isPresent();
    assertThat(objects.entries(HUNDESTEUER, List.of(ERFURT)))
        .noneMatch(entry -> entry.source().equals("test-paged"));

    secondPageFails.set(false);
    ImportReport resumed = imports.run(source);

    assertThat(resumed.id()).isEqualTo(interrupted.id());
    assertThat(resumed.outcome()).isEqualTo("COMPLETE");
    assertThat(resumed.pages()).isEqualTo(3);
    assertThat(resumed.created()).isEqualTo(3);
    assertThat(requested).containsExactly("index=0", "index=1", "index=1", "index=2");
    assertThat(objects.entries(HUNDESTEUER, List.of(ERFURT)))
        .anySatisfy(entry -> assertThat(entry.onlinedienstId()).isEqualTo("test-paged:dienst-1"));
    // The last page deletes an Onlinedienst Amtsweg never had: no error, nothing refused.
    assertThat(resumed.deleted()).isZero();
    assertThat(resumed.refused()).isEmpty();
  }

  @BeforeEach
  void startSource() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/seite",
        exchange -> {
          String query = exchange.getRequestURI().getRawQuery();
          requested.add(query);
          int index = Integer.parseInt(query.substring("index=".length()));
          if (index == 1 && secondPageFails.get()) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
          }
          byte[] body = page(index).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopSource() {
    server.stop(0);
  }

  /** Three pages in the Bereitstelldienst's shape, then an empty last one. */
  private String page(int index) {
    String records =
        switch (index) {
          case 0 ->
              """
              <schreibe><organisationseinheit><id>amt-1</id>
                <name><name languageCode="de">Testamt</name></name></organisationseinheit></schreibe>
              <schreibe><onlinedienst><id>dienst-1</id>
                <bezeichnung languageCode="de">Testdienst</bezeichnung>
                <link><typ><code>01</code></typ><link>https://dienst.example/antrag</link></link>
              </onlinedienst></schreibe>
              """;
          case 1 ->
              """
              <schreibe><zustaendigkeitTransferObjekt>
                <uebergeordnetesObjektID>dienst-1</uebergeordnetesObjektID>
                <zustaendigkeit><id>z-1</id><leistungID>%s</leistungID><gebietID>%s</gebietID>
                </zustaendigkeit></zustaendigkeitTransferObjekt></schreibe>
              """
                  .formatted(HUNDESTEUER, ERFURT);
          case 2 -> "<loesche klasse=\"Onlinedienst\"><id>nie-dagewesen</id></loesche>";
          default -> "";
        };
    String xml = "<transferObjekt xmlns=\"" + NS + "\">" + records + "</transferObjekt>";
    boolean last = index >= 2;
    String next =
        last
            ? null
            : "http://localhost:" + server.getAddress().getPort() + "/seite?index=" + (index + 1);
    java.util.Map<String, Object> page = new java.util.LinkedHashMap<>();
    page.put("xzufiObjekte", xml);
    page.put("vollstaendig", last);
    page.put("naechsterIndex", index + 1);
    if (next != null) {
      page.put("naechsteAnfrageUrl", next);
    }
    return json.writeValueAsString(page);
  }
}
