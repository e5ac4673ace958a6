package de.amtsweg.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The name lookup of the outbound HTTP clients: the addresses it returns are the only ones the
 * client connects to, so filtering them here makes the check and the connection use the same
 * addresses (no DNS rebinding between a check and the connect). Every connection, also to an
 * address literal, goes through it.
 */
final class PinnedResolver implements DnsResolver {

  private final AddressPolicy policy;

  PinnedResolver(AddressPolicy policy) {
    this.policy = policy;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return policy.connectable(host).toArray(InetAddress[]::new);
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    // Only used for Kerberos/SPNEGO, which these clients never do; no reverse lookups.
    return host;
  }
}
