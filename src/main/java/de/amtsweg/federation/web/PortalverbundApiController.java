package de.amtsweg.federation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.amtsweg.federation.FederationException;
import de.amtsweg.federation.Routes;
import de.amtsweg.federation.SigningKeys;
import de.amtsweg.federation.VerbundExport;
import de.amtsweg.platform.Sha256;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Portalverbund's public APIs: Amtsweg's holdings in the shape of the PVOG Bereitstelldienst,
 * the routes in the shape of the FIT-Connect Routing API, and the keys their signatures verify
 * with. No token: what they say is public anyway.
 */
@RestController
class PortalverbundApiController {

  private final VerbundExport export;
  private final Routes routes;
  private final SigningKeys keys;

  PortalverbundApiController(VerbundExport export, Routes routes, SigningKeys keys) {
    this.export = export;
    this.routes = routes;
    this.keys = keys;
  }

  /** One page of the export, in the Bereitstelldienst's shape. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ExportJson(
      String xzufiObjekte,
      boolean vollstaendig,
      long naechsterIndex,
      @Nullable String naechsteAnfrageUrl) {}

  /**
   * The page at {@code index}; computed on every request (an app switched on or off shows at once),
   * with an ETag so that an unchanged page costs a 304.
   */
  @GetMapping(
      value = "/api/v1/portalverbund/verwaltungsobjekte",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ExportJson> verwaltungsobjekte(
      @RequestParam(defaultValue = "0") String index, WebRequest request) {
    if (!index.matches("[0-9]{1,9}")) {
      throw FederationException.badRequest(FederationException.INVALID_INDEX, index);
    }
    VerbundExport.ExportPage page = export.page(Long.parseLong(index));
    String next =
        page.complete()
            ? null
            : ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("index", page.nextIndex())
                .build()
                .toUriString();
    ExportJson body = new ExportJson(page.xml(), page.complete(), page.nextIndex(), next);
    String etag =
        "\""
            + Sha256.hex(page.xml() + "|" + page.complete() + "|" + page.nextIndex() + "|" + next)
            + "\"";
    CacheControl caching = CacheControl.noCache().cachePublic();
    if (request.checkNotModified(etag)) {
      return ResponseEntity.status(304).eTag(etag).cacheControl(caching).build();
    }
    return ResponseEntity.ok().eTag(etag).cacheControl(caching).body(body);
  }

  /** The result in the Routing API's shape. */
  record RouteResultJson(int count, int offset, int totalCount, List<RouteJson> routes) {}

  /** A route; {@code destinationLogo} only where there is one. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record RouteJson(
      String destinationId,
      String destinationSignature,
      Map<String, String> destinationParameters,
      String destinationName,
      @Nullable String destinationLogo,
      String origin) {}

  /** Where an Antrag for the Leistung from the place goes: {@code leikaKey} and {@code ars}. */
  @GetMapping(value = "/api/v1/routes", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<RouteResultJson> routes(
      @RequestParam(defaultValue = "") String leikaKey,
      @RequestParam(defaultValue = "") String ars) {
    if (!leikaKey.matches("99[0-9]{12}")) {
      throw FederationException.badRequest(FederationException.INVALID_LEIKA_KEY, leikaKey);
    }
    if (!ars.matches("[0-9]{12}")) {
      throw FederationException.badRequest(FederationException.INVALID_ARS, ars);
    }
    List<RouteJson> found =
        routes.routes(leikaKey, ars).stream()
            .map(
                route ->
                    new RouteJson(
                        route.destinationId(),
                        route.destinationSignature(),
                        Map.of("submissionUrl", route.submissionUrl()),
                        route.destinationName(),
                        route.logoUrl(),
                        "Amtsweg"))
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new RouteResultJson(found.size(), 0, found.size(), found));
  }

  /** The public keys of the routes' signatures (JWKS, RFC 7517). */
  @GetMapping(
      value = "/api/v1/portalverbund/jwks",
      produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<Map<String, Object>> jwks() {
    keys.current();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(keys.jwks().toJSONObject(true));
  }
}
