package de.amtsweg.federation;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.federation.xzufi.XzufiObject;
import de.amtsweg.federation.xzufi.XzufiReader;
import de.amtsweg.support.AmtswegIT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export pages through Amtsweg's holdings in the Bereitstelldienst's shape, without a token,
 * live, with an ETag, and refuses a malformed index with a problem.
 */
class PortalverbundExportIT extends AmtswegIT {

  private static final String PATH = "/api/v1/portalverbund/verwaltungsobjekte";
  private static final String HUNDESTEUER = "99102013000000";
  private static final String ERFURT = "160510000000";
  private static final String JENA = "160530000000";

  private final JsonMapper json = JsonMapper.builder().build();

  @Autowired AppStore appStore;

  @Test
  void followingNaechsteAnfrageUrlReadsEveryPageAndListsHundesteuerInErfurt() {
    List<XzufiObject> objects = readAll();

    assertThat(objects)
        .filteredOn(XzufiObject.Onlinedienst.class::isInstance)
        .map(XzufiObject.Onlinedienst.class::cast)
        .anySatisfy(
            service -> {
              assertThat(service.id()).isEqualTo("antrag-hundesteuer-" + ERFURT);
              assertThat(service.url()).endsWith("/antrag/hundesteuer?ars=" + ERFURT);
              assertThat(service.provider()).isEqualTo("Stadt Erfurt");
            });
    assertThat(objects)
        .filteredOn(XzufiObject.Zustaendigkeit.class::isInstance)
        .map(XzufiObject.Zustaendigkeit.class::cast)
        .anySatisfy(
            entry -> {
              assertThat(entry.parentId()).isEqualTo("antrag-hundesteuer-" + ERFURT);
              assertThat(entry.leistungId()).isEqualTo(HUNDESTEUER);
              assertThat(entry.regions()).containsExactly(ERFURT);
            });
    assertThat(objects)
        .filteredOn(XzufiObject.Organisationseinheit.class::isInstance)
        .map(XzufiObject::id)
        .contains("mandant-" + ERFURT, "mandant-" + JENA);
  }

  @Test
  void anAppSwitchedOffLeavesTheExportAtOnce() {
    try {
      appStore.deactivate(JENA, "hundesteuer", "test");
      assertThat(readAll())
          .extracting(XzufiObject::id)
          .doesNotContain("antrag-hundesteuer-" + JENA);
    } finally {
      appStore.activate(JENA, "hundesteuer", Map.of(), "test");
    }
    assertThat(readAll()).extracting(XzufiObject::id).contains("antrag-hundesteuer-" + JENA);
  }

  @Test
  void anUnchangedPageIsNotSentAgain() {
    HttpResponse<String> first = browser().get(PATH + "?index=0");
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> again = browser().get(PATH + "?index=0", "If-None-Match", etag);

    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void aMalformedIndexIsAProblemThatSaysWhatAnIndexIs() {
    for (String index : List.of("-1", "abc", "1234567890")) {
      HttpResponse<String> response = browser().get(PATH + "?index=" + index);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.path("detail").asString()).contains("ganze Zahl ab 0", index);
    }
  }

  /** Every page, from index 0 until vollstaendig, as a partner portal would read them. */
  private List<XzufiObject> readAll() {
    List<XzufiObject> objects = new ArrayList<>();
    String next = "http://localhost:" + port + PATH + "?index=0";
    for (int pages = 1; pages <= 50; pages++) {
      URI address = URI.create(next);
      assertThat(address.isAbsolute()).isTrue();
      HttpResponse<String> response =
          browser().get(address.getRawPath() + "?" + address.getRawQuery());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode page = json.readTree(response.body());
      objects.addAll(XzufiReader.read(page.path("xzufiObjekte").asString()));
      if (page.path("vollstaendig").asBoolean()) {
        assertThat(pages).as("the export is paged in the test profile").isGreaterThan(1);
        return objects;
      }
      next = page.path("naechsteAnfrageUrl").asString();
      assertThat(next).startsWith("http://localhost:" + port + PATH + "?index=");
    }
    throw new AssertionError("no page said vollstaendig");
  }
}
