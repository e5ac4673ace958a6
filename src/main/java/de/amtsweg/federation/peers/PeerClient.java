package de.amtsweg.federation.peers;

import de.amtsweg.catalog.PeerSearch.PeerHit;
import de.amtsweg.federation.peers.PeerProperties.Kind;
import de.amtsweg.federation.peers.PeerProperties.Peer;
import de.amtsweg.platform.OutboundHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks one peer portal and reads its answer into hits. Every link of a hit is built from the
 * configured page address and lies on the peer's own host; nothing in an answer decides where a
 * person is sent.
 */
final class PeerClient {

  private static final Pattern LEIKA_KEY = Pattern.compile("99[0-9]{12}");
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,120}");
  private static final int MAX_NAME = 300;

  /** Where a PVOG-style answer may keep its list of hits. */
  private static final List<String> LIST_FIELDS =
      List.of("items", "content", "results", "hits", "servicedescriptions", "data");

  private final Peer peer;
  private final OutboundHttp http;
  private final JsonMapper json;
  private final int maxHits;
  private final String base;
  private final String host;

  PeerClient(Peer peer, OutboundHttp http, JsonMapper json, int maxHits) {
    this.peer = peer;
    this.http = http;
    this.json = json;
    this.maxHits = maxHits;
    this.base = peer.baseUrl().toString().replaceAll("/+$", "");
    this.host = Objects.requireNonNull(peer.baseUrl().getHost(), "the peer's address has no host");
    if (peer.kind() == Kind.PVOG && (peer.searchPath() == null || peer.pageUrl() == null)) {
      throw new IllegalStateException(
          "The PVOG peer '" + peer.name() + "' needs search-path and page-url");
    }
  }

  String name() {
    return peer.name();
  }

  /**
   * The peer's hits for a query.
   *
   * @throws OutboundHttp.Failure when it did not answer
   * @throws PeerAnswerException when it answered with something that is no search result
   */
  List<PeerHit> ask(String query, @Nullable String ars) {
    OutboundHttp.Request request =
        OutboundHttp.Request.get(searchUri(query, ars)).header("Accept", "application/json");
    if (peer.bearerToken() != null) {
      request = request.header("Authorization", "Bearer " + peer.bearerToken());
    }
    OutboundHttp.Response response = http.send(request);
    if (response.status() != 200 || !response.complete()) {
      throw new PeerAnswerException("status " + response.status());
    }
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (JacksonException e) {
      throw new PeerAnswerException("no JSON");
    }
    return hits(answer, ars);
  }

  URI searchUri(String query, @Nullable String ars) {
    String q = encode(query);
    return switch (peer.kind()) {
      case AMTSWEG ->
          URI.create(
              base
                  + "/api/v1/services?q="
                  + q
                  + "&limit="
                  + maxHits
                  + (ars == null ? "" : "&ars=" + encode(ars)));
      case PVOG ->
          URI.create(
              base
                  + Objects.requireNonNull(peer.searchPath())
                      .replace("{q}", q)
                      .replace("{ars}", ars == null ? "" : encode(ars)));
    };
  }

  /** The hits in an answer; items without a name or a link are left out. */
  List<PeerHit> hits(JsonNode answer, @Nullable String ars) {
    JsonNode list = answer;
    if (answer.isObject()) {
      list = null;
      for (String field : LIST_FIELDS) {
        JsonNode candidate = answer.get(field);
        if (candidate != null && candidate.isArray()) {
          list = candidate;
          break;
        }
      }
    }
    if (list == null || !list.isArray()) {
      throw new PeerAnswerException("no list of hits");
    }
    List<PeerHit> hits = new ArrayList<>();
    for (JsonNode item : list) {
      if (hits.size() == maxHits) {
        break;
      }
      if (!item.isObject()) {
        continue;
      }
      String name = text(item, "name", "title", "leistungsname");
      String leikaKey = text(item, "leikaKey", "leistungsschluessel", "leikaId");
      if (leikaKey != null && !LEIKA_KEY.matcher(leikaKey).matches()) {
        leikaKey = null;
      }
      String id = text(item, "id");
      if (id != null && !SAFE_ID.matcher(id).matches()) {
        id = null;
      }
      String href = href(leikaKey, id, ars);
      if (name == null || name.isBlank() || href == null) {
        continue;
      }
      JsonNode responsible = item.get("responsible");
      hits.add(
          new PeerHit(
              peer.name(),
              leikaKey,
              shorten(name.strip()),
              href,
              responsible != null && responsible.isObject()
                  ? shortenOrNull(text(responsible, "name", "title"))
                  : null,
              item.get("onlineAvailable") != null && item.get("onlineAvailable").asBoolean()));
    }
    return hits;
  }

  /** The link of a hit: the configured page, on the peer's host; null when it cannot be built. */
  private @Nullable String href(
      @Nullable String leikaKey, @Nullable String id, @Nullable String ars) {
    String template = peer.pageUrl() != null ? peer.pageUrl() : base + "/leistungen/{leikaKey}";
    if ((template.contains("{leikaKey}") && leikaKey == null)
        || (template.contains("{id}") && id == null)) {
      return null;
    }
    String href =
        template
            .replace("{leikaKey}", leikaKey == null ? "" : leikaKey)
            .replace("{id}", id == null ? "" : encode(id))
            .replace("{ars}", ars == null ? "" : encode(ars));
    try {
      URI uri = URI.create(href);
      boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
      return web && host.equalsIgnoreCase(uri.getHost()) && uri.getUserInfo() == null ? href : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable String text(JsonNode node, String... fields) {
    for (String field : fields) {
      JsonNode value = node.get(field);
      if (value != null && (value.isString() || value.isNumber())) {
        return value.asString();
      }
    }
    return null;
  }

  private static String shorten(String text) {
    return text.length() > MAX_NAME ? text.substring(0, MAX_NAME) + "…" : text;
  }

  private static @Nullable String shortenOrNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : shorten(text.strip());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The peer answered, but not with a search result. */
  static final class PeerAnswerException extends RuntimeException {
    PeerAnswerException(String what) {
      super(what);
    }
  }
}
