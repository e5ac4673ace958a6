package de.amtsweg.federation;

import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundTargets;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches one page of a source in the Bereitstelldienst shape: {@code {xzufiObjekte: "<XML>",
 * vollstaendig, naechsterIndex, naechsteAnfrageUrl}}. Web sources only through {@link
 * OutboundHttp}; {@code classpath:} sources read a shipped file ({@code .json} in the same shape,
 * or {@code .xml} as one complete page).
 */
@Component
class PageFetcher {

  private static final int MAX_PAGE_BYTES = 50 * 1024 * 1024;

  private final OutboundHttp http;
  private final JsonMapper json = JsonMapper.builder().build();

  PageFetcher(OutboundTargets targets) {
    this.http =
        targets.client(
            "Amtsweg-Portalverbund",
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            MAX_PAGE_BYTES);
  }

  /** One page. */
  record Page(String xml, boolean complete, long nextIndex, @Nullable String nextUrl) {}

  /** Why a page could not be fetched, in words for the operator. */
  static final class PageFailed extends RuntimeException {
    PageFailed(String reason) {
      super(reason);
    }
  }

  Page fetch(String url) {
    return url.startsWith("classpath:") ? classpath(url) : web(url);
  }

  private Page classpath(String url) {
    String path = url.substring("classpath:".length());
    ClassPathResource resource = new ClassPathResource(path);
    try (InputStream in = resource.getInputStream()) {
      String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return path.endsWith(".xml") ? new Page(body, true, 0, null) : page(body);
    } catch (IOException e) {
      throw new PageFailed("Datei nicht gefunden: " + path);
    }
  }

  private Page web(String url) {
    OutboundHttp.Response response;
    try {
      response =
          http.send(OutboundHttp.Request.get(URI.create(url)).header("Accept", "application/json"));
    } catch (OutboundHttp.Failure e) {
      throw new PageFailed("Keine Antwort: " + e.reason().code());
    } catch (IllegalArgumentException e) {
      throw new PageFailed("Adresse ungültig");
    }
    if (response.status() != 200) {
      throw new PageFailed("Antwort mit Status " + response.status());
    }
    if (!response.complete()) {
      throw new PageFailed("Seite größer als " + MAX_PAGE_BYTES / 1024 / 1024 + " MB");
    }
    return page(new String(response.body(), StandardCharsets.UTF_8));
  }

  private Page page(String body) {
    try {
      JsonNode page = json.readTree(body);
      JsonNode xml = page.path("xzufiObjekte");
      if (!xml.isString()) {
        throw new PageFailed("Seite ohne xzufiObjekte");
      }
      JsonNode next = page.path("naechsteAnfrageUrl");
      return new Page(
          xml.asString(),
          page.path("vollstaendig").asBoolean(false),
          page.path("naechsterIndex").asLong(0),
          next.isString() && !next.asString().isBlank() ? next.asString() : null);
    } catch (JacksonException e) {
      throw new PageFailed("Seite ist kein JSON");
    }
  }
}
