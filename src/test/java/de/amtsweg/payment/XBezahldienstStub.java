package de.amtsweg.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local XBezahldienste-style payment service for the tests, on a free port. It can misbehave: be
 * down (every call 500), be slow (answers after the client's timeout), and it signs notifications
 * that the test sends — twice, late or out of order — to Amtsweg's endpoint.
 */
final class XBezahldienstStub implements AutoCloseable {

  enum Mode {
    OK,
    DOWN,
    SLOW
  }

  static final String CLIENT_ID = "amtsweg-ohrdruf";
  static final String CLIENT_SECRET = "stub-client-secret";

  /** A transaction as the service keeps it. */
  static final class Transaction {
    final String id;
    final String requestId;
    final long amountCents;
    volatile String status = "INITIAL";
    volatile long refundedCents;
    final JsonNode request;

    Transaction(String id, String requestId, long amountCents, JsonNode request) {
      this.id = id;
      this.requestId = requestId;
      this.amountCents = amountCents;
      this.request = request;
    }
  }

  volatile Mode mode = Mode.OK;
  final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpServer server;

  XBezahldienstStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/xbezahldienste/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/xbezahldienste");
  }

  Transaction transaction(UUID paymentId) {
    return transactions.values().stream()
        .filter(t -> t.requestId.equals(paymentId.toString()))
        .findFirst()
        .orElseThrow();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring("/xbezahldienste".length());
    calls.add(exchange.getRequestMethod() + " " + path);
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (mode == Mode.DOWN) {
        answer(exchange, 500, Map.of("error", "internal"));
        return;
      }
      if (mode == Mode.SLOW) {
        sleep();
      }
      if (path.equals("/auth/token")) {
        String expected =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
          answer(exchange, 401, Map.of("error", "invalid_client"));
          return;
        }
        answer(
            exchange,
            200,
            Map.of("access_token", "token-" + UUID.randomUUID(), "token_type", "Bearer"));
        return;
      }
      if (!String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
          .startsWith("Bearer token-")) {
        answer(exchange, 401, Map.of("error", "no token"));
        return;
      }
      String[] parts = path.split("/");
      // "", "paymenttransaction", originator, endpoint[, id[, "refund" | "cancel"]]
      if (parts.length == 4 && "POST".equals(exchange.getRequestMethod())) {
        JsonNode request = json.readTree(body);
        String requestId = request.path("requestId").asString();
        Transaction existing =
            transactions.values().stream()
                .filter(t -> t.requestId.equals(requestId))
                .findFirst()
                .orElse(null);
        Transaction t =
            existing != null
                ? existing
                : new Transaction(
                    "TX-" + UUID.randomUUID(),
                    requestId,
                    request.path("grosAmount").decimalValue().movePointRight(2).longValueExact(),
                    request);
        transactions.putIfAbsent(t.id, t);
        answer(exchange, 201, info(t));
      } else if (parts.length == 5 && "GET".equals(exchange.getRequestMethod())) {
        Transaction t = transactions.get(parts[4]);
        answer(exchange, t == null ? 404 : 200, t == null ? Map.of("error", "unknown") : info(t));
      } else if (parts.length == 6
          && "cancel".equals(parts[5])
          && "POST".equals(exchange.getRequestMethod())) {
        // An open transaction is cancelled; a paid or failed one stays and says so.
        Transaction t = transactions.get(parts[4]);
        if (t == null) {
          answer(exchange, 404, Map.of("error", "unknown"));
          return;
        }
        if ("INITIAL".equals(t.status)) {
          t.status = "CANCELED";
        }
        answer(exchange, 200, info(t));
      } else if (parts.length == 6 && "refund".equals(parts[5])) {
        Transaction t = transactions.get(parts[4]);
        long cents =
            json.readTree(body).path("amount").decimalValue().movePointRight(2).longValueExact();
        if (t == null || !"PAYED".equals(t.status) || t.refundedCents + cents > t.amountCents) {
          answer(exchange, 422, Map.of("error", "refund refused"));
          return;
        }
        t.refundedCents += cents;
        answer(exchange, 200, Map.of("refunded", BigDecimal.valueOf(t.refundedCents, 2)));
      } else {
        answer(exchange, 404, Map.of("error", "no such path"));
      }
    }
  }

  private Map<String, Object> info(Transaction t) {
    return Map.of(
        "paymentInformation",
        Map.of(
            "transactionId",
            t.id,
            "transactionRedirectUrl",
            "https://zahlung.example/pay/" + t.id,
            "status",
            t.status,
            "transactionReference",
            t.requestId));
  }

  private void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
