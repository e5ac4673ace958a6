package de.amtsweg.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundReason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbound client against a receiver on this machine: it never connects to an address the rules
 * refuse — also when a name resolves to one only now (DNS rebinding) — and the receiver then gets
 * no request at all; it follows no redirects, keeps no cookies, reads no more than its limit and
 * names each failure with its reason.
 */
class OutboundHttpTest {

  /** A name that resolves to this machine (as a rebinding name would, after the check on save). */
  private static final Map<String, InetAddress> DNS =
      Map.of(
          "rebind.example", InetAddress.getLoopbackAddress(),
          "localhost", InetAddress.getLoopbackAddress());

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();
  private HttpServer server;
  private int port;

  @BeforeEach
  void startReceiver() throws IOException {
    // On every interface, so that a connection to 0.0.0.0 would reach it (as it does on Linux).
    server = HttpServer.create(new InetSocketAddress(0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("User-Agent")
                  + " "
                  + exchange.getRequestHeaders().getFirst("Cookie"));
          exchange.getRequestBody().readAllBytes();
          switch (exchange.getRequestURI().getPath()) {
            case "/weiter" -> {
              exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/ziel");
              exchange.sendResponseHeaders(302, -1);
            }
            case "/gross" -> {
              exchange.sendResponseHeaders(200, 1_000_000);
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[1_000_000]);
              } catch (IOException dropped) {
                // the client hung up after its limit
              }
            }
            case "/langsam" -> {
              try {
                Thread.sleep(3_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              exchange.sendResponseHeaders(204, -1);
            }
            default -> {
              exchange.getResponseHeaders().add("Set-Cookie", "sitzung=1; Path=/");
              byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            }
          }
          exchange.close();
        });
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
    deadlines.shutdownNow();
  }

  private ApacheOutboundHttp client(boolean local, Duration timeout, int maxAnswerBytes) {
    AddressPolicy policy =
        new AddressPolicy(
            new OutboundProperties(null, null, null),
            local,
            name -> {
              InetAddress address = DNS.get(name);
              if (address == null) {
                throw new UnknownHostException(name);
              }
              return new InetAddress[] {address};
            });
    return new ApacheOutboundHttp(
        policy, "Amtsweg-Test/1", Duration.ofSeconds(2), timeout, maxAnswerBytes, deadlines);
  }

  private ApacheOutboundHttp production() {
    return client(false, Duration.ofSeconds(5), 1_000);
  }

  private ApacheOutboundHttp demo() {
    return client(true, Duration.ofSeconds(5), 1_000);
  }

  private URI at(String host, String path) {
    return URI.create("http://" + host + ":" + port + path);
  }

  @Test
  void theReceiverIsReachableWhereLoopbackIsAllowed() {
    OutboundHttp.Response response =
        demo().send(OutboundHttp.Request.get(at("rebind.example", "/hallo")));
    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("ok");
    assertThat(response.complete()).isTrue();
    assertThat(requests).containsExactly("GET /hallo Amtsweg-Test/1 null");
  }

  @Test
  void outsideTheDemoNoConnectionGoesToAnInternalAddressHoweverItIsNamed() {
    ApacheOutboundHttp client = production();
    for (String host :
        List.of("rebind.example", "127.0.0.1", "[::ffff:127.0.0.1]", "localhost", "0.0.0.0")) {
      assertThatThrownBy(
              () ->
                  client.send(
                      OutboundHttp.Request.post(
                          at(host, "/intern"), "text/plain", "geheim".getBytes())))
          .as(host)
          .isInstanceOfSatisfying(
              OutboundHttp.Failure.class,
              f -> {
                assertThat(f.reason()).isEqualTo(OutboundReason.BLOCKED);
                assertThat(f.getMessage()).doesNotContain("127.0.0.1", String.valueOf(port));
              });
    }
    assertThat(requests).as("the receiver never heard of it").isEmpty();
  }

  @Test
  void theUnspecifiedAddressIsBlockedEvenWhereLoopbackIsAllowed() {
    assertThatThrownBy(() -> demo().send(OutboundHttp.Request.get(at("0.0.0.0", "/intern"))))
        .isInstanceOfSatisfying(
            OutboundHttp.Failure.class,
            f -> assertThat(f.reason()).isEqualTo(OutboundReason.BLOCKED));
    assertThat(requests).isEmpty();
  }

  @Test
  void redirectsAreNotFollowedAndCookiesNotKept() {
    ApacheOutboundHttp client = demo();
    assertThat(client.send(OutboundHttp.Request.get(at("127.0.0.1", "/weiter"))).status())
        .isEqualTo(302);
    client.send(OutboundHttp.Request.get(at("127.0.0.1", "/erstens")));
    client.send(OutboundHttp.Request.get(at("127.0.0.1", "/zweitens")));
    assertThat(requests)
        .containsExactly(
            "GET /weiter Amtsweg-Test/1 null",
            "GET /erstens Amtsweg-Test/1 null",
            "GET /zweitens Amtsweg-Test/1 null");
  }

  @Test
  void noMoreThanTheLimitOfAnAnswerIsRead() {
    ApacheOutboundHttp client = client(true, Duration.ofSeconds(5), 10);
    OutboundHttp.Response big = client.send(OutboundHttp.Request.get(at("127.0.0.1", "/gross")));
    assertThat(big.status()).isEqualTo(200);
    assertThat(big.complete()).isFalse();
    assertThat(big.body()).hasSize(10);
    assertThat(client.send(OutboundHttp.Request.get(at("127.0.0.1", "/klein"))).complete())
        .as("the client keeps working after dropping a connection")
        .isTrue();
    ApacheOutboundHttp statusOnly = client(true, Duration.ofSeconds(5), 0);
    OutboundHttp.Response none =
        statusOnly.send(OutboundHttp.Request.get(at("127.0.0.1", "/gross")));
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).isEmpty();
  }

  @Test
  void failuresHaveReasonsNotExceptionTexts() throws IOException {
    long start = System.nanoTime();
    assertThat(reason(client(true, Duration.ofMillis(300), 100), at("127.0.0.1", "/langsam")))
        .isEqualTo(OutboundReason.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    assertThat(reason(demo(), URI.create("http://127.0.0.1:" + closed + "/")))
        .isEqualTo(OutboundReason.UNREACHABLE);
    try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(
              () -> {
                try (var socket = plain.accept()) {
                  socket
                      .getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                  // the test ends
                }
              });
      assertThat(reason(demo(), URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/")))
          .as("TLS to a receiver that answers in plain HTTP")
          .isEqualTo(OutboundReason.TLS);
    }
    assertThat(reason(demo(), URI.create("https://unbekannt.example/")))
        .isEqualTo(OutboundReason.UNKNOWN_HOST);
  }

  private static OutboundReason reason(ApacheOutboundHttp client, URI uri) {
    try {
      client.send(OutboundHttp.Request.get(uri));
    } catch (OutboundHttp.Failure f) {
      assertThat(f.getMessage()).isEqualTo(f.reason().code());
      return f.reason();
    }
    throw new AssertionError("no failure for " + uri);
  }
}
