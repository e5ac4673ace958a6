package de.amtsweg.appstore.web;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStoreException;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.forms.AnswerSchema;
import de.amtsweg.forms.Definitions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The published Antrags-Apps for integrators: list, definition, JSON Schema of the answers,
 * example.
 */
@RestController
@Tag(name = "Antrags-Apps")
class AppApiController {

  private final AppStore store;

  AppApiController(AppStore store) {
    this.store = store;
  }

  /** One published app in the list. */
  record AppSummary(
      String id, String name, int version, List<String> leikaKeys, boolean anonymous) {}

  @GetMapping(path = "/api/v1/apps", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Published Antrags-Apps, newest version of each")
  List<AppSummary> apps() {
    return store.publishedApps().stream()
        .map(
            a ->
                new AppSummary(
                    a.id(),
                    a.definition().name().de(),
                    a.version(),
                    a.definition().leikaKeys(),
                    a.definition().anonymous()))
        .toList();
  }

  @GetMapping(path = "/api/v1/apps/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The definition of the newest version (format: /api/v1/apps/format)")
  ResponseEntity<String> app(@PathVariable String id) {
    PublishedApp app = latest(id);
    return ResponseEntity.ok()
        .header("X-App-Version", String.valueOf(app.version()))
        .body(Definitions.toJson(app.definition()));
  }

  @GetMapping(
      path = "/api/v1/apps/{id}/schema",
      produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary =
          "JSON Schema of the answer document POST /api/v1/tenants/{ars}/apps/{id}/antraege takes")
  String schema(@PathVariable String id) {
    return AnswerSchema.jsonSchema(latest(id).definition());
  }

  @GetMapping(path = "/api/v1/apps/{id}/example", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "A complete, valid request body for POST /api/v1/tenants/{ars}/apps/{id}/antraege")
  Map<String, Object> example(@PathVariable String id) {
    PublishedApp app = latest(id);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("answers", AnswerSchema.example(app.definition()));
    body.put("declarations", app.definition().declarations().stream().map(d -> d.id()).toList());
    return body;
  }

  @GetMapping(
      path = "/api/v1/apps/format",
      produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
  @Operation(summary = "JSON Schema of the definition format itself")
  ResponseEntity<org.springframework.core.io.Resource> format() {
    return ResponseEntity.ok(
        new org.springframework.core.io.ClassPathResource(Definitions.FORMAT_SCHEMA));
  }

  private PublishedApp latest(String id) {
    return store.latest(id).orElseThrow(() -> AppStoreException.notFound(id));
  }
}
