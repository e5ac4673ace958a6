package de.amtsweg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A visitor talking real HTTP to the running app: keeps cookies like a browser, does not follow
 * redirects (tests look at them), and reads CSRF tokens from pages like a browser submits forms.
 */
public final class Browser {

  private final URI base;
  private final CookieManager cookies;
  private final HttpClient client;
  private String acceptLanguage = "de-DE,de;q=0.9";
  private String forwardedFor;
  private String accept;

  public Browser(URI base) {
    this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
  }

  private Browser(URI base, CookieManager cookies) {
    this.base = base;
    this.cookies = cookies;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /**
   * The same visitor (same cookies) talking to another node: cookies are per host name, and both
   * nodes are "localhost", as behind a load balancer.
   */
  public Browser at(URI otherNode) {
    Browser same = new Browser(otherNode, cookies);
    same.acceptLanguage = acceptLanguage;
    same.forwardedFor = forwardedFor;
    return same;
  }

  public Browser acceptLanguage(String header) {
    this.acceptLanguage = header;
    return this;
  }

  /**
   * Sends every request as if it came through the reverse proxy from this client address ({@code
   * X-Forwarded-For}, trusted from localhost), so that tests can be different clients.
   */
  public Browser from(String clientAddress) {
    this.forwardedFor = clientAddress;
    return this;
  }

  /** Sends this Accept header with every request, as a browser sends text/html. */
  public Browser accept(String mediaTypes) {
    this.accept = mediaTypes;
    return this;
  }

  /** Puts a cookie into this browser, as an attacker who planted or stole it would. */
  public Browser cookie(String name, String value) {
    java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
    cookie.setPath("/");
    cookie.setVersion(0);
    cookies.getCookieStore().add(base, cookie);
    return this;
  }

  /** The value of a cookie, or null. */
  public String cookieValue(String name) {
    return cookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  /** Submits a form with the CSRF token of the page it was on, as a browser would. */
  public HttpResponse<String> submit(String path, String csrfToken, Map<String, String> fields) {
    Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    all.put("_csrf", csrfToken);
    return post(path, all);
  }

  /** A form POST with exactly these fields (no CSRF token unless given) and extra headers. */
  public HttpResponse<String> post(String path, Map<String, String> fields, String... headers) {
    return post(path, List.copyOf(fields.entrySet()), headers);
  }

  /**
   * A form POST with these fields in this order, names may repeat (checkboxes of a multiple
   * choice); no CSRF token unless given.
   */
  public HttpResponse<String> post(
      String path, List<Map.Entry<String, String>> fields, String... headers) {
    String body =
        fields.stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** A POST with a JSON body (an API call) and extra headers. */
  public HttpResponse<String> postJson(String path, String json, String... headers) {
    return send(
        request(path, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A GET whose body is kept as bytes (a download: ZIP, PDF), with extra headers. */
  public HttpResponse<byte[]> download(String path, String... headers) {
    try {
      return client.send(
          request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A multipart POST with one file and the CSRF token. */
  public HttpResponse<String> upload(
      String path,
      String csrfToken,
      String field,
      String fileName,
      String contentType,
      byte[] content) {
    return upload(path, csrfToken, Map.of(), field, fileName, contentType, content);
  }

  /** A multipart POST with text fields, one file and the CSRF token. */
  public HttpResponse<String> upload(
      String path,
      String csrfToken,
      Map<String, String> fields,
      String field,
      String fileName,
      String contentType,
      byte[] content) {
    return upload(
        path, csrfToken, fields, List.of(new FilePart(field, fileName, contentType, content)));
  }

  /** One file of a multipart POST. */
  public record FilePart(String field, String fileName, String contentType, byte[] content) {}

  /** A multipart POST with text fields, several files and the CSRF token. */
  public HttpResponse<String> upload(
      String path, String csrfToken, Map<String, String> fields, List<FilePart> files) {
    String boundary = "----amtsweg-test-boundary";
    List<byte[]> parts = new ArrayList<>();
    parts.add(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + csrfToken
                + "\r\n")
            .getBytes(StandardCharsets.UTF_8));
    fields.forEach(
        (name, value) ->
            parts.add(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    for (FilePart file : files) {
      parts.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + file.field()
                  + "\"; filename=\""
                  + file.fileName()
                  + "\"\r\nContent-Type: "
                  + file.contentType()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      parts.add(file.content());
      parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
            .build());
  }

  /** Follows one redirect from a response, also to another server (an identity provider). */
  public HttpResponse<String> follow(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return get(redirect.uri().resolve(location).toString());
  }

  /** Follows redirects until a response is not one (at most ten). */
  public HttpResponse<String> followAll(HttpResponse<String> response) {
    HttpResponse<String> current = response;
    for (int i = 0; i < 10 && current.statusCode() / 100 == 3; i++) {
      current = follow(current);
    }
    return current;
  }

  /** Logs in to a Servicekonto through the citizen login form. */
  public HttpResponse<String> logIn(String email, String password) {
    Document login = page(get("/konto/anmelden"));
    return submit("/konto/anmelden", csrf(login), Map.of("email", email, "password", password));
  }

  /** Signs in as a staff member through the login form. */
  public HttpResponse<String> signIn(String username, String password) {
    Document login = page(get("/anmelden"));
    return submit("/anmelden", csrf(login), Map.of("username", username, "password", password));
  }

  public static Document page(HttpResponse<String> response) {
    return Jsoup.parse(response.body(), response.uri().toString());
  }

  /** The CSRF token a page carries for its forms. */
  public static String csrf(Document page) {
    return page.selectFirst("meta[name=_csrf]").attr("content");
  }

  public List<java.net.HttpCookie> cookies() {
    return cookies.getCookieStore().getCookies();
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept-Language", acceptLanguage);
    if (forwardedFor != null) {
      builder.header("X-Forwarded-For", forwardedFor);
    }
    if (accept != null && java.util.Arrays.stream(headers).noneMatch("Accept"::equalsIgnoreCase)) {
      builder.header("Accept", accept);
    }
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
