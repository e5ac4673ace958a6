package de.amtsweg.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;
import org.junit.jupiter.api.Test;

/** {@code amtsweg.web.trusted-proxies} as Tomcat's {@code RemoteIpValve} applies it. */
class TrustedProxiesTest {

  private static final List<String> DEFAULT = List.of("127.0.0.1", "::1");

  @Test
  void addressesBecomeRangesOfOneAddress() {
    assertThat(TrustedProxies.cidrList(DEFAULT)).isEqualTo("127.0.0.1/32,::1/128");
    assertThat(TrustedProxies.cidrList(List.of(" 10.0.0.0/8 ", "fd00::/8", "192.0.2.7")))
        .isEqualTo("10.0.0.0/8,fd00::/8,192.0.2.7/32");
    assertThat(TrustedProxies.cidrList(List.of())).as("nobody is trusted").isEmpty();
  }

  @Test
  void anythingButAddressesAndRangesStopsTheStart() {
    for (String typo : List.of("proxy.example", "10.0.0.0/", "10.0.0/8", "10.0.0.0/99", "*")) {
      assertThatIllegalArgumentException()
          .as(typo)
          .isThrownBy(() -> TrustedProxies.cidrList(List.of(typo)));
    }
  }

  @Test
  void theForwardedAddressIsBelievedFromATrustedProxyOnly() throws Exception {
    String trusted = TrustedProxies.cidrList(DEFAULT);

    assertThat(clientAddress(trusted, "127.0.0.1", "10.8.8.8")).isEqualTo("10.8.8.8");
    assertThat(clientAddress(trusted, "0:0:0:0:0:0:0:1", "10.8.8.9")).isEqualTo("10.8.8.9");
    assertThat(clientAddress(trusted, "10.1.2.3", "10.8.8.8"))
        .as("Tomcat's default would trust this private address")
        .isEqualTo("10.1.2.3");
    assertThat(clientAddress(trusted, "192.168.0.10", "127.0.0.1")).isEqualTo("192.168.0.10");
    assertThat(clientAddress("", "127.0.0.1", "10.8.8.8"))
        .as("an empty setting trusts nobody")
        .isEqualTo("127.0.0.1");
  }

  /** The client address the application sees after the valve, configured as Amtsweg does. */
  private static String clientAddress(String internalProxies, String peer, String forwardedFor)
      throws Exception {
    RemoteIpValve valve = new RemoteIpValve();
    valve.setInternalProxies(internalProxies);
    AtomicReference<String> seen = new AtomicReference<>();
    valve.setNext(
        new ValveBase() {
          @Override
          public void invoke(Request request, Response response) {
            seen.set(request.getRemoteAddr());
          }
        });
    org.apache.coyote.Request coyote = new org.apache.coyote.Request();
    coyote.getMimeHeaders().addValue("X-Forwarded-For").setString(forwardedFor);
    Request request = new Request(new Connector(), coyote);
    request.setRemoteAddr(peer);
    valve.invoke(request, new Response(new org.apache.coyote.Response()));
    return seen.get();
  }
}
