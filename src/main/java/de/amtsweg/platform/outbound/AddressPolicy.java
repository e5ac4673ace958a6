package de.amtsweg.platform.outbound;

import de.amtsweg.platform.OutboundReason;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The rules of {@link de.amtsweg.platform.OutboundTargets}: which URLs may be saved and which
 * addresses may be connected to. Plain Java, so that every spelling of an address can be tested
 * without Spring.
 *
 * <p>A host is either a DNS name or an address literal in its usual spelling: IPv4 as four decimal
 * numbers without leading zeros, IPv6 in brackets without a zone. Everything else that the JDK or a
 * C library might read as a number ({@code 2130706433}, {@code 0x7f.1}, {@code 017700000001},
 * {@code 127.1}) is refused before anything resolves it, because those readings differ between
 * libraries and are a classic way around address filters.
 */
final class AddressPolicy {

  /** Looks a host name up (never an address literal). */
  @FunctionalInterface
  interface Dns {
    InetAddress[] lookup(String name) throws UnknownHostException;
  }

  /** What an address is. */
  enum Kind {
    /** Reachable on the internet: may be connected to. */
    PUBLIC,
    /** Loopback, private, shared, reserved …: only when the operator allows it. */
    INTERNAL,
    /** Link-local and cloud metadata: never, whatever the settings say. */
    NEVER
  }

  static final int MAX_URL_CHARS = 2_000;

  // Patterns first: the ranges below are parsed with them.
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  /** A label no top-level domain has: digits, or a hexadecimal number. */
  private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0x[0-9a-f]*");

  private static final Pattern IPV6_TEXT = Pattern.compile("[0-9a-f:.]+");

  /** An authority of host name characters, with user info or port. */
  private static final Pattern HOST_CHARACTERS = Pattern.compile("([^@]*@)?[0-9A-Za-z.-]+(:\\d*)?");

  /**
   * Link-local (169.254/16 holds the metadata service of AWS, Azure, GCP and OpenStack, fe80::/10)
   * and the metadata addresses outside it: AWS over IPv6, Alibaba Cloud, Oracle Cloud (legacy), the
   * Azure platform endpoint.
   */
  private static final List<Cidr> NEVER =
      cidrs(
          "169.254.0.0/16",
          "fe80::/10",
          "fd00:ec2::254",
          "100.100.100.200",
          "192.0.0.192",
          "168.63.129.16");

  /** IPv4 ranges that are not globally reachable (IANA special-purpose registry). */
  private static final List<Cidr> INTERNAL_V4 =
      cidrs(
          "0.0.0.0/8", // "this network", includes the unspecified 0.0.0.0
          "10.0.0.0/8", // RFC 1918
          "100.64.0.0/10", // shared address space (carrier-grade NAT)
          "127.0.0.0/8", // loopback
          "172.16.0.0/12", // RFC 1918
          "192.0.0.0/24", // IETF protocol assignments
          "192.0.2.0/24", // documentation
          "192.88.99.0/24", // 6to4 relay anycast (deprecated)
          "192.168.0.0/16", // RFC 1918
          "198.18.0.0/15", // benchmarking
          "198.51.100.0/24", // documentation
          "203.0.113.0/24", // documentation
          "224.0.0.0/4", // multicast
          "240.0.0.0/4"); // reserved, includes the broadcast 255.255.255.255

  /** Global unicast: every other IPv6 range (loopback, ULA, multicast, …) is internal. */
  private static final Cidr GLOBAL_V6 = Cidr.parse("2000::/3");

  /** Ranges inside global unicast that are not globally reachable. */
  private static final List<Cidr> INTERNAL_V6 =
      cidrs(
          "2001::/23", // IETF protocol assignments, includes Teredo 2001::/32
          "2001:db8::/32", // documentation
          "3fff::/20"); // documentation

  private static final List<Cidr> LOOPBACK = cidrs("127.0.0.0/8", "::1");

  private final Set<String> allowedHosts;
  private final List<Cidr> allowedNetworks;
  private final Map<String, InetAddress> staticHosts;
  private final boolean local;
  private final Dns dns;

  /**
   * @param local the demo and test profiles: loopback is allowed, and plain http to allowed hosts
   * @throws IllegalArgumentException when a setting is not a host name, range or address
   */
  AddressPolicy(OutboundProperties settings, boolean local, Dns dns) {
    this.local = local;
    this.dns = dns;
    Set<String> hosts = new TreeSet<>();
    for (String host : settings.hosts()) {
      Host parsed = Host.parse(host.strip());
      if (parsed == null) {
        throw new IllegalArgumentException("amtsweg.outbound.allowed-hosts: not a host: " + host);
      }
      hosts.add(parsed.name());
    }
    List<Cidr> networks = new ArrayList<>(settings.networks().stream().map(Cidr::parse).toList());
    if (local) {
      hosts.add("localhost");
      networks.addAll(LOOPBACK);
    }
    Map<String, InetAddress> fixed = new LinkedHashMap<>();
    settings
        .fixed()
        .forEach(
            (name, address) -> {
              Host host = Host.parse(name.strip());
              InetAddress literal = literal(address.strip());
              if (host == null || host.literal() != null || literal == null) {
                throw new IllegalArgumentException(
                    "amtsweg.outbound.static-hosts: not a host name and address: " + name);
              }
              fixed.put(host.name(), literal);
            });
    this.allowedHosts = Set.copyOf(hosts);
    this.allowedNetworks = List.copyOf(networks);
    this.staticHosts = Map.copyOf(fixed);
  }

  /** What is wrong with a URL staff want to save; empty when it may be saved. */
  Optional<OutboundReason> problem(String url) {
    if (url.length() > MAX_URL_CHARS) {
      return Optional.of(OutboundReason.SYNTAX);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of(OutboundReason.SYNTAX);
    }
    if (!uri.isAbsolute()
        || uri.getRawAuthority() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      return Optional.of(OutboundReason.SYNTAX);
    }
    if (uri.getHost() == null) {
      // java.net.URI reads no host in "2130706433", "0x7f.1" or "intern.0x7f" (a last label that
      // does not start with a letter): spelled with host name characters, that is a number
      return Optional.of(
          HOST_CHARACTERS.matcher(uri.getRawAuthority()).matches()
              ? OutboundReason.BLOCKED
              : OutboundReason.SYNTAX);
    }
    Host host = Host.parse(uri.getHost());
    if (host == null) {
      return Optional.of(OutboundReason.BLOCKED);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean plainAllowed = local && scheme.equals("http") && allowedByName(host);
    if (!scheme.equals("https") && !plainAllowed) {
      return Optional.of(OutboundReason.HTTPS);
    }
    List<InetAddress> addresses;
    try {
      addresses = resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of(OutboundReason.UNKNOWN_HOST);
    }
    if (addresses.isEmpty()) {
      return Optional.of(OutboundReason.UNKNOWN_HOST);
    }
    boolean hostAllowed = allowedHosts.contains(host.name());
    return addresses.stream().allMatch(a -> allowed(a, hostAllowed))
        ? Optional.empty()
        : Optional.of(OutboundReason.BLOCKED);
  }

  /**
   * The addresses of a host that may be connected to now, in the order the DNS gave them.
   *
   * @throws OutboundReason.BlockedAddressException when none may (or the host is spelled oddly)
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> connectable(String hostName) throws UnknownHostException {
    Host host = Host.parse(hostName);
    if (host == null) {
      throw new OutboundReason.BlockedAddressException(hostName);
    }
    boolean hostAllowed = allowedHosts.contains(host.name());
    List<InetAddress> addresses =
        resolve(host).stream().filter(a -> allowed(a, hostAllowed)).toList();
    if (addresses.isEmpty()) {
      throw new OutboundReason.BlockedAddressException(hostName);
    }
    return addresses;
  }

  private List<InetAddress> resolve(Host host) throws UnknownHostException {
    InetAddress literal = host.literal();
    if (literal != null) {
      return List.of(literal);
    }
    InetAddress fixed = staticHosts.get(host.name());
    if (fixed != null) {
      return List.of(fixed);
    }
    InetAddress[] found = dns.lookup(host.name());
    return found == null ? List.of() : Arrays.asList(found);
  }

  /** Whether the operator allowed the host by name, or (an address literal) by range. */
  private boolean allowedByName(Host host) {
    InetAddress literal = host.literal();
    return allowedHosts.contains(host.name()) || literal != null && inAllowedNetwork(literal);
  }

  /** Whether the address may be connected to, for a host allowed by name or not. */
  boolean allowed(InetAddress address, boolean hostAllowed) {
    return switch (kind(address)) {
      case PUBLIC -> true;
      case NEVER -> false;
      case INTERNAL -> hostAllowed || inAllowedNetwork(address);
    };
  }

  private boolean inAllowedNetwork(InetAddress address) {
    InetAddress embedded = embeddedIpv4(address);
    return allowedNetworks.stream()
        .anyMatch(n -> n.contains(address) || embedded != null && n.contains(embedded));
  }

  /** What an address is, looking through the IPv6 forms that carry an IPv4 address. */
  static Kind kind(InetAddress address) {
    InetAddress embedded = embeddedIpv4(address);
    if (in(NEVER, address) || embedded != null && in(NEVER, embedded)) {
      return Kind.NEVER;
    }
    if (address instanceof Inet4Address) {
      return in(INTERNAL_V4, address) ? Kind.INTERNAL : Kind.PUBLIC;
    }
    if (embedded != null) {
      // Mapped and NAT64 addresses reach the IPv4 address inside; 6to4 routes to it. The
      // deprecated IPv4-compatible form (::a.b.c.d) is never public.
      boolean compatible = isZero(address.getAddress(), 0, 12);
      return compatible ? Kind.INTERNAL : kind(embedded);
    }
    return GLOBAL_V6.contains(address) && !in(INTERNAL_V6, address) ? Kind.PUBLIC : Kind.INTERNAL;
  }

  /**
   * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code
   * ::a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}) or 6to4 ({@code 2002:aabb:ccdd::}) address; null
   * for other addresses.
   */
  static @Nullable InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return null;
    }
    byte[] b = address.getAddress();
    int offset = -1;
    if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      offset = 12; // mapped
    } else if (isZero(b, 0, 12)) {
      offset = 12; // compatible, also :: and ::1
    } else if (b[0] == 0
        && b[1] == 0x64
        && (b[2] & 0xff) == 0xff
        && (b[3] & 0xff) == 0x9b
        && isZero(b, 4, 12)) {
      offset = 12; // NAT64 well-known prefix
    } else if (b[0] == 0x20 && b[1] == 0x02) {
      offset = 2; // 6to4
    }
    if (offset < 0) {
      return null;
    }
    try {
      return InetAddress.getByAddress(Arrays.copyOfRange(b, offset, offset + 4));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always an address
    }
  }

  /**
   * An address literal in its usual spelling, parsed without any lookup: four decimal numbers
   * without leading zeros, or IPv6 (with or without brackets, no zone); else null.
   */
  static @Nullable InetAddress literal(String text) {
    String value = text.toLowerCase(Locale.ROOT);
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    if (DOTTED_QUAD.matcher(value).matches()) {
      byte[] bytes = new byte[4];
      String[] parts = value.split("\\.");
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
      try {
        return InetAddress.getByAddress(bytes);
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
    if (value.indexOf(':') >= 0 && IPV6_TEXT.matcher(value).matches()) {
      try {
        // In brackets the JDK reads an IPv6 literal or fails; it never asks the DNS.
        return InetAddress.getByName("[" + value + "]");
      } catch (UnknownHostException e) {
        return null;
      }
    }
    return null;
  }

  private static boolean in(List<Cidr> ranges, InetAddress address) {
    return ranges.stream().anyMatch(r -> r.contains(address));
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static List<Cidr> cidrs(String... ranges) {
    return Stream.of(ranges).map(Cidr::parse).toList();
  }

  /**
   * A host as written in a URL: its name in lower case without a final dot, and the address when it
   * is a literal.
   */
  record Host(String name, @Nullable InetAddress literal) {

    /** Null when it is neither a host name nor an address in its usual spelling. */
    static @Nullable Host parse(String host) {
      String value = host.toLowerCase(Locale.ROOT);
      if (value.startsWith("[") || value.indexOf(':') >= 0) {
        InetAddress address = AddressPolicy.literal(value);
        return address == null ? null : new Host(address.getHostAddress(), address);
      }
      if (value.endsWith(".")) {
        value = value.substring(0, value.length() - 1);
      }
      if (DOTTED_QUAD.matcher(value).matches()) {
        return new Host(value, AddressPolicy.literal(value));
      }
      if (value.length() > 253 || !HOST_NAME.matcher(value).matches()) {
        return null;
      }
      String last = value.substring(value.lastIndexOf('.') + 1);
      return NUMERIC_LABEL.matcher(last).matches() ? null : new Host(value, null);
    }
  }
}
