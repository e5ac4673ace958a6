package de.amtsweg.platform.outbound;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of outbound addresses ({@code amtsweg.outbound.*}), for the operator only: what staff
 * may point webhooks and payment services at besides public addresses.
 *
 * @param allowedHosts host names (exact, case-insensitive) that may resolve to addresses in the
 *     internal network, e.g. a Fachverfahren in the Land's data centre
 * @param allowedNetworks ranges in CIDR notation ({@code 10.20.0.0/16}, {@code fd12:3456::/48}, or
 *     one address) that may be connected to; link-local ranges ({@code 169.254.0.0/16}, {@code
 *     fe80::/10}) and cloud metadata addresses never are
 * @param staticHosts fixed addresses for host names, used instead of the DNS (like {@code
 *     /etc/hosts}, on save and on connect alike); the rules apply to them as to any address
 */
@ConfigurationProperties("amtsweg.outbound")
record OutboundProperties(
    @Nullable List<String> allowedHosts,
    @Nullable List<String> allowedNetworks,
    @Nullable Map<String, String> staticHosts) {

  List<String> hosts() {
    return allowedHosts == null ? List.of() : allowedHosts;
  }

  List<String> networks() {
    return allowedNetworks == null ? List.of() : allowedNetworks;
  }

  Map<String, String> fixed() {
    return staticHosts == null ? Map.of() : staticHosts;
  }
}
