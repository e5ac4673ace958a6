package de.amtsweg.platform.web;

import de.amtsweg.platform.PlatformProperties;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.util.NetMaskSet;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the reverse proxies in
 * {@code amtsweg.web.trusted-proxies} (default: this machine, {@code 127.0.0.1} and {@code ::1}).
 * Tomcat's own default trusts every private address, so that any machine in the internal network
 * could claim to be any client and escape the per-address login limits.
 *
 * <p>Spring Boot adds Tomcat's {@code RemoteIpValve} for {@code
 * server.forward-headers-strategy=native}; this customizer runs after it and sets the valve's
 * internal proxies, replacing {@code server.tomcat.remoteip.internal-proxies}. Without the valve
 * (another strategy) it does nothing.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final String internalProxies;

  TrustedProxies(PlatformProperties properties) {
    this.internalProxies = cidrList(properties.web().trustedProxies());
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.getEngineValves().stream()
        .filter(RemoteIpValve.class::isInstance)
        .map(RemoteIpValve.class::cast)
        .forEach(valve -> valve.setInternalProxies(internalProxies));
  }

  /** After Spring Boot's customizer, which adds the valve. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /**
   * The setting as Tomcat's CIDR list: {@code 127.0.0.1/32,::1/128}; an address without a range is
   * that address alone. Only literal addresses: a host name would need DNS at every request.
   *
   * @throws IllegalArgumentException for an entry that is no IP address or CIDR range, so that a
   *     typo stops the start instead of trusting nobody (or everybody)
   */
  static String cidrList(List<String> entries) {
    String list =
        entries.stream()
            .map(String::strip)
            .filter(entry -> !entry.isEmpty())
            .map(TrustedProxies::cidr)
            .collect(Collectors.joining(","));
    if (!list.isEmpty()) {
      NetMaskSet.parse(list);
    }
    return list;
  }

  private static String cidr(String entry) {
    String[] addressAndBits = entry.split("/", 2);
    String address = addressAndBits[0];
    boolean v4 = IPV4.matcher(address).matches();
    if (!v4 && !IPV6.matcher(address).matches()
        || addressAndBits.length == 2 && !addressAndBits[1].matches("\\d{1,3}")) {
      throw new IllegalArgumentException(
          "amtsweg.web.trusted-proxies: \""
              + entry
              + "\" is no IP address or CIDR range (such as 10.0.0.5 or 10.0.0.0/24)");
    }
    return addressAndBits.length == 2 ? entry : entry + (v4 ? "/32" : "/128");
  }
}
