package de.amtsweg.fachverfahren;

import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reference Fachverfahren: the dog-tax register of a town, as a vendor would connect it to
 * Amtsweg, with nothing but the JDK's HTTP server and client (plus Jackson for JSON and
 * nimbus-jose-jwt to decrypt JWE). It can
 *
 * <ul>
 *   <li>(a) <b>pull</b>: get a token with the client credentials, list, fetch, acknowledge and send
 *       a Bescheid PDF back;
 *   <li>(b) <b>receive webhooks</b>: check the HMAC signature and timestamp, decrypt a JWE payload
 *       with its private key, keep each submission once per {@code Idempotency-Key}, and
 *       acknowledge by signed callback;
 *   <li>(c) fail the first N pushes on purpose (503), as during an outage.
 * </ul>
 *
 * <p>Run it against a running Amtsweg (see {@code docs/fachverfahren.md}):
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=de.amtsweg.fachverfahren.Hundesteuerregister \
 *   -Dexec.args="webhook 9090 whsec_... http://localhost:8080 [failFirst] [private-jwk.json]"
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=de.amtsweg.fachverfahren.Hundesteuerregister \
 *   -Dexec.args="pull http://localhost:8080 fachverfahren-erfurt Amtsweg-Demo-2026"
 * </pre>
 */
public final class Hundesteuerregister implements AutoCloseable {

  /** A minimal PDF, the Bescheid this register sends. */
  public static final byte[] BESCHEID_PDF =
      "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  private static final long WINDOW_SECONDS = 300;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpServer server;
  private volatile String secret;
  private final URI amtsweg;
  private volatile JWK privateKey;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  /** Received submissions by idempotency key: each kept once, however often it arrives. */
  private final Map<String, JsonNode> received = new ConcurrentHashMap<>();

  private final Map<String, String> deliveryIds = new ConcurrentHashMap<>();
  private final Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
  private volatile String lastContentType = "";
  private volatile String lastRawBody = "";

  private Hundesteuerregister(int port, String secret, URI amtsweg, JWK privateKey)
      throws IOException {
    this.secret = secret;
    this.amtsweg = amtsweg;
    this.privateKey = privateKey;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 200);
    server.createContext("/amtsweg", this::receive);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  /**
   * Starts a webhook receiver on 127.0.0.1.
   *
   * @param port 0 for any free port
   * @param secret the route's secret as Amtsweg showed it
   * @param amtsweg where Amtsweg runs (for the callbacks)
   * @param privateKey the key pair whose public part is on the route, or null without JWE
   */
  public static Hundesteuerregister start(int port, String secret, URI amtsweg, JWK privateKey)
      throws IOException {
    return new Hundesteuerregister(port, secret, amtsweg, privateKey);
  }

  public static Hundesteuerregister start(int port, String secret, URI amtsweg) throws IOException {
    return new Hundesteuerregister(port, secret, amtsweg, null);
  }

  /** The address to enter on the route page. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/amtsweg");
  }

  /** Decrypts JWE payloads with this key pair's private part from now on. */
  public Hundesteuerregister usePrivateKey(JWK keyPair) {
    this.privateKey = keyPair;
    return this;
  }

  /** Uses another secret from now on (a new one generated on the route page). */
  public Hundesteuerregister useSecret(String newSecret) {
    this.secret = newSecret;
    return this;
  }

  /** The next n pushes are answered with 503, as during an outage. */
  public Hundesteuerregister failNext(int n) {
    failuresLeft.set(n);
    return this;
  }

  /** Pushes that arrived, genuine or not, failed on purpose or not. */
  public int requests() {
    return requests.get();
  }

  /** Pushes refused for a bad signature, an old timestamp or a payload that does not decrypt. */
  public int refused() {
    return refused.get();
  }

  /** Distinct submissions kept (by Idempotency-Key). */
  public int distinctKeys() {
    return received.size();
  }

  public Map<String, JsonNode> received() {
    return Map.copyOf(received);
  }

  public String lastContentType() {
    return lastContentType;
  }

  public String lastRawBody() {
    return lastRawBody;
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      String timestamp = exchange.getRequestHeaders().getFirst("X-Amtsweg-Timestamp");
      String signature = exchange.getRequestHeaders().getFirst("X-Amtsweg-Signature");
      if (!genuine(timestamp, signature, body)) {
        refused.incrementAndGet();
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      lastContentType = contentType;
      lastRawBody = new String(body, StandardCharsets.UTF_8);
      byte[] json = body;
      if (contentType.startsWith("application/jose")) {
        try {
          json = decrypt(lastRawBody, privateKey);
        } catch (Exception e) {
          refused.incrementAndGet();
          exchange.sendResponseHeaders(400, -1);
          return;
        }
      }
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      JsonNode submission = JSON.readTree(json);
      // A repeat (same key) is answered with success and not stored again.
      received.putIfAbsent(key, submission);
      deliveryIds.putIfAbsent(key, exchange.getRequestHeaders().getFirst("X-Amtsweg-Delivery-Id"));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  /** The payload of a JWE with the private key (RSA-OAEP-256 or ECDH-ES+A256KW, A256GCM). */
  public static byte[] decrypt(String compact, JWK key) throws Exception {
    if (key == null) {
      throw new IllegalStateException("no private key to decrypt with");
    }
    JWEObject jwe = JWEObject.parse(compact);
    JWEDecrypter decrypter =
        key instanceof RSAKey rsa ? new RSADecrypter(rsa) : new ECDHDecrypter((ECKey) key);
    jwe.decrypt(decrypter);
    return jwe.getPayload().toBytes();
  }

  /**
   * HMAC-SHA256 over "timestamp.body" with the secret, compared in constant time; timestamp within
   * 5 minutes.
   */
  private boolean genuine(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return false;
    }
    try {
      if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > WINDOW_SECONDS) {
        return false;
      }
    } catch (NumberFormatException e) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>}. */
  public static String sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Acknowledges every kept submission not acknowledged yet by signed callback; the answers' status
   * codes.
   */
  public List<Integer> acknowledgeReceived() throws IOException, InterruptedException {
    List<Integer> statuses = new ArrayList<>();
    for (Map.Entry<String, String> e : deliveryIds.entrySet()) {
      if (acknowledged.putIfAbsent(e.getKey(), true) == null) {
        HttpResponse<String> response = callback(e.getValue(), "acknowledgement", "{}");
        statuses.add(response.statusCode());
        if (response.statusCode() != 200) {
          acknowledged.remove(e.getKey());
        }
      }
    }
    return statuses;
  }

  /** Sends a signed callback ({@code acknowledgement} or {@code status}) about a delivery. */
  public HttpResponse<String> callback(String deliveryId, String kind, String body)
      throws IOException, InterruptedException {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return send(deliveryId, kind, bytes, timestamp, sign(secret, timestamp, bytes));
  }

  /** The route's secret this register signs with. */
  public String secret() {
    return secret;
  }

  /** The signature a genuine callback with this timestamp and body carries. */
  public String callbackSignature(String timestamp, byte[] body) {
    return sign(secret, timestamp, body);
  }

  /** Sends a callback exactly as given (tests: forged and replayed callbacks). */
  public HttpResponse<String> send(
      String deliveryId, String kind, byte[] body, String timestamp, String signature)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                amtsweg.resolve("/api/v1/delivery/callbacks/" + deliveryId + "/" + kind))
            .header("Content-Type", "application/json")
            .header("X-Amtsweg-Timestamp", timestamp)
            .header("X-Amtsweg-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON of a status report with the Bescheid PDF. */
  public static String bescheid(String message) {
    return "{\"status\":\"BESCHIEDEN\",\"message\":"
        + JSON.writeValueAsString(message)
        + ",\"bescheid\":{\"fileName\":\"Hundesteuerbescheid.pdf\",\"content\":\""
        + Base64.getEncoder().encodeToString(BESCHEID_PDF)
        + "\"}}";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // --- (a) pull ---

  /**
   * What one pull round did: the references fetched and acknowledged, and those that got a
   * Bescheid.
   */
  public record Pulled(List<String> acknowledged, List<String> decided) {}

  /**
   * Pulls every waiting submission of the client's tenant: fetch, acknowledge, then report
   * BESCHIEDEN with a Bescheid PDF.
   */
  public static Pulled pull(URI amtsweg, String clientId, String clientSecret)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String form =
        "grant_type=client_credentials&scope="
            + URLEncoder.encode("antraege.lesen", StandardCharsets.UTF_8);
    HttpResponse<String> tokenResponse =
        http.send(
            HttpRequest.newBuilder(amtsweg.resolve("/oauth2/token"))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (tokenResponse.statusCode() != 200) {
      throw new IOException("token: HTTP " + tokenResponse.statusCode());
    }
    String bearer = "Bearer " + JSON.readTree(tokenResponse.body()).path("access_token").asString();
    JsonNode list =
        JSON.readTree(get(http, amtsweg.resolve("/api/v1/delivery/submissions?limit=500"), bearer));
    List<String> acknowledged = new ArrayList<>();
    List<String> decided = new ArrayList<>();
    for (JsonNode item : list.path("submissions")) {
      String id = item.path("id").asString();
      JsonNode submission =
          JSON.readTree(get(http, amtsweg.resolve("/api/v1/delivery/submissions/" + id), bearer));
      String reference = submission.path("reference").asString();
      if (post(
              http,
              amtsweg.resolve("/api/v1/delivery/submissions/" + id + "/acknowledgement"),
              bearer,
              "{}")
          == 200) {
        acknowledged.add(reference);
      }
      if (post(
              http,
              amtsweg.resolve("/api/v1/delivery/submissions/" + id + "/status"),
              bearer,
              bescheid("Die Hundesteuer ist festgesetzt. Der Bescheid ist angehängt."))
          == 200) {
        decided.add(reference);
      }
    }
    return new Pulled(acknowledged, decided);
  }

  private static String get(HttpClient http, URI uri, String bearer)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).header("Authorization", bearer).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + ": HTTP " + response.statusCode());
    }
    return response.body();
  }

  private static int post(HttpClient http, URI uri, String bearer, String json)
      throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /**
   * {@code webhook <port> <secret> <amtsweg-url> [failFirst] [private-jwk-file]} or {@code pull
   * <amtsweg-url> <client-id> <client-secret>}.
   */
  public static void main(String[] args) throws Exception {
    if (args.length >= 4 && args[0].equals("pull")) {
      Pulled pulled = pull(URI.create(args[1]), args[2], args[3]);
      System.out.println("Acknowledged: " + pulled.acknowledged());
      System.out.println("Bescheid sent: " + pulled.decided());
      return;
    }
    if (args.length >= 4 && args[0].equals("webhook")) {
      JWK key = args.length >= 6 ? JWK.parse(Files.readString(Path.of(args[5]))) : null;
      Hundesteuerregister register =
          start(Integer.parseInt(args[1]), args[2], URI.create(args[3]), key);
      if (args.length >= 5) {
        register.failNext(Integer.parseInt(args[4]));
      }
      System.out.println(
          "Hundesteuerregister listening at " + register.endpoint() + " (Ctrl+C to stop)");
      Map<String, Integer> seen = new LinkedHashMap<>();
      while (true) {
        Thread.sleep(1000);
        for (Map.Entry<String, JsonNode> e : register.received().entrySet()) {
          if (seen.putIfAbsent(e.getKey(), 1) == null) {
            System.out.println(
                "Received "
                    + e.getValue().path("reference").asString()
                    + " (key "
                    + e.getKey()
                    + ")");
          }
        }
        List<Integer> acks = register.acknowledgeReceived();
        if (!acks.isEmpty()) {
          System.out.println("Acknowledged by callback: HTTP " + acks);
        }
      }
    }
    System.err.println(
        "Usage: webhook <port> <secret> <amtsweg-url> [failFirst] [private-jwk-file]");
    System.err.println("   or: pull <amtsweg-url> <client-id> <client-secret>");
    System.exit(2);
  }
}
