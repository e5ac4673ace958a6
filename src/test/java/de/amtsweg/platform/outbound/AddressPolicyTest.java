package de.amtsweg.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsweg.platform.OutboundReason;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules for addresses staff set, with every spelling of an internal address we know of: saved
 * URLs ({@code problem}) and the addresses a connection may use ({@code connectable}). Unless a
 * test says otherwise, the settings are production's: nothing allowed, not the demo or test
 * profile.
 */
class AddressPolicyTest {

  /** A made-up DNS: public, internal, mixed and metadata names. */
  private static final Map<String, List<String>> DNS =
      Map.of(
          "fachverfahren.example",
              List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
          "intern.example", List.of("10.1.2.3"),
          "mixed.example", List.of("93.184.215.14", "127.0.0.1"),
          "metadata.example", List.of("169.254.169.254"),
          "localhost", List.of("127.0.0.1", "::1"),
          "v6intern.example", List.of("fd12:3456::1"));

  private static InetAddress[] lookup(String name) throws UnknownHostException {
    List<String> found = DNS.get(name);
    if (found == null) {
      throw new UnknownHostException(name);
    }
    InetAddress[] addresses = new InetAddress[found.size()];
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = AddressPolicy.literal(found.get(i));
    }
    return addresses;
  }

  private static AddressPolicy production() {
    return policy(new OutboundProperties(null, null, null), false);
  }

  private static AddressPolicy demo() {
    return policy(new OutboundProperties(null, null, null), true);
  }

  private static AddressPolicy policy(OutboundProperties settings, boolean local) {
    return new AddressPolicy(settings, local, AddressPolicyTest::lookup);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://fachverfahren.example/amtsweg",
        "https://FACHVERFAHREN.example./amtsweg?mandant=jena",
        "https://fachverfahren.example:8443/",
        "https://93.184.215.14/",
        "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook",
        "https://[2002:5db8:d70e::1]/" // 6to4 of the public 93.184.215.14
      })
  void publicHttpsAddressesMayBeSaved(String url) {
    assertThat(production().problem(url)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fachverfahren.example/amtsweg",
        "/amtsweg",
        "https:///amtsweg",
        "https://user:geheim@fachverfahren.example/",
        "https://fachverfahren.example/#teil",
        "https://fach verfahren.example/",
        "https://fach_verfahren.example/"
      })
  void incompleteAddressesAreSyntaxErrors(String url) {
    assertThat(production().problem(url)).contains(OutboundReason.SYNTAX);
  }

  @Test
  void overlongAddressesAreSyntaxErrors() {
    assertThat(production().problem("https://fachverfahren.example/" + "a".repeat(2_000)))
        .contains(OutboundReason.SYNTAX);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://fachverfahren.example/",
        "ftp://fachverfahren.example/",
        "gopher://fachverfahren.example/",
        "http://127.0.0.1:8080/", // outside the demo, not even to this machine
        "http://localhost:8080/"
      })
  void onlyHttpsOutsideTheDemo(String url) {
    assertThat(production().problem(url)).contains(OutboundReason.HTTPS);
  }

  @Test
  void filesAreNoAddresses() {
    assertThat(production().problem("file:///etc/passwd")).contains(OutboundReason.SYNTAX);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // IPv4: loopback, private (RFC 1918), shared (CGNAT), link-local and metadata,
        // unspecified, broadcast, multicast, reserved, documentation, benchmarking
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "10.255.255.255",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.1.1",
        "100.64.0.1",
        "100.127.255.254",
        "169.254.169.254",
        "169.254.0.1",
        "0.0.0.0",
        "0.1.2.3",
        "255.255.255.255",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "192.0.0.8",
        "192.0.2.1",
        "198.18.0.1",
        "198.51.100.7",
        "203.0.113.9",
        "100.100.100.200",
        "168.63.129.16",
        // IPv6: loopback, unspecified, link-local, unique local, multicast, site-local,
        // documentation, Teredo, discard
        "[::1]",
        "[::]",
        "[0:0:0:0:0:0:0:1]",
        "[fe80::1]",
        "[FE80::a9fe:a9fe]",
        "[fc00::1]",
        "[fd12:3456:789a::1]",
        "[fd00:ec2::254]",
        "[ff02::1]",
        "[ff05::1:3]",
        "[fec0::1]",
        "[2001:db8::1]",
        "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
        "[100::1]",
        "[64:ff9b:1::a00:1]",
        // IPv4-mapped, -compatible, NAT64 and 6to4 forms of internal IPv4 addresses
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "[0:0:0:0:0:ffff:7f00:1]",
        "[::ffff:10.0.0.1]",
        "[::ffff:169.254.169.254]",
        "[::ffff:a9fe:a9fe]",
        "[::127.0.0.1]",
        "[::7f00:1]",
        "[::93.184.215.14]", // IPv4-compatible is deprecated and never public
        "[64:ff9b::127.0.0.1]",
        "[64:ff9b::a9fe:a9fe]",
        "[64:ff9b::10.0.0.1]",
        "[2002:7f00:1::]",
        "[2002:a9fe:a9fe::1]",
        "[2002:c0a8:101::1]",
        // Numeric spellings that some library reads as an address (127.0.0.1 and others)
        "2130706433",
        "0x7f000001",
        "0x7f.1",
        "0x7f.0.0.1",
        "017700000001",
        "0177.0.0.1",
        "0177.1",
        "127.1",
        "127.0.1",
        "127.000.000.001",
        "00000127.0.0.1",
        "3232235777",
        "0xa9fea9fe",
        "0251.0376.0251.0376",
        "169.254.43518",
        "1.1.1.1.1",
        "4294967295",
        "0",
        "foo.0x7f"
      })
  void internalAddressesInEverySpellingAreBlocked(String host) {
    String url = "https://" + host + ":8443/latest/meta-data/";
    assertThat(production().problem(url)).as(url).contains(OutboundReason.BLOCKED);
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    assertThatThrownBy(() -> production().connectable(bare))
        .as(bare)
        .isInstanceOf(OutboundReason.BlockedAddressException.class);
  }

  @Test
  void zonedAndOddIpv6LiteralsAreBlocked() {
    assertThat(production().problem("https://[fe80::1%25eth0]/")).isPresent();
    assertThatThrownBy(() -> production().connectable("fe80::1%eth0"))
        .isInstanceOf(OutboundReason.BlockedAddressException.class);
    assertThatThrownBy(() -> production().connectable("[::1"))
        .isInstanceOf(OutboundReason.BlockedAddressException.class);
  }

  @Test
  void namesAreResolvedAndEveryAddressMustBePublic() {
    AddressPolicy policy = production();
    assertThat(policy.problem("https://intern.example/")).contains(OutboundReason.BLOCKED);
    assertThat(policy.problem("https://v6intern.example/")).contains(OutboundReason.BLOCKED);
    assertThat(policy.problem("https://metadata.example/")).contains(OutboundReason.BLOCKED);
    assertThat(policy.problem("https://mixed.example/"))
        .as("one internal address among public ones is enough to refuse")
        .contains(OutboundReason.BLOCKED);
    assertThat(policy.problem("https://localhost:8443/")).contains(OutboundReason.BLOCKED);
    assertThat(policy.problem("https://unbekannt.example/")).contains(OutboundReason.UNKNOWN_HOST);
  }

  @Test
  void onConnectOnlyTheAllowedAddressesOfANameAreUsed() throws UnknownHostException {
    AddressPolicy policy = production();
    assertThat(policy.connectable("mixed.example"))
        .containsExactly(AddressPolicy.literal("93.184.215.14"));
    assertThat(policy.connectable("fachverfahren.example")).hasSize(2);
    assertThatThrownBy(() -> policy.connectable("intern.example"))
        .isInstanceOf(OutboundReason.BlockedAddressException.class);
    assertThatThrownBy(() -> policy.connectable("metadata.example"))
        .isInstanceOf(OutboundReason.BlockedAddressException.class);
    assertThatThrownBy(() -> policy.connectable("unbekannt.example"))
        .isInstanceOf(UnknownHostException.class)
        .isNotInstanceOf(OutboundReason.BlockedAddressException.class);
  }

  @Test
  void productionRefusesThisMachineOnAnyPort() {
    AddressPolicy policy = production();
    for (String url :
        List.of(
            "https://127.0.0.1:5432/",
            "https://127.0.0.1:8443/",
            "https://[::1]:8443/",
            "https://localhost:8443/",
            "https://0.0.0.0:8080/")) {
      assertThat(policy.problem(url)).as(url).contains(OutboundReason.BLOCKED);
    }
  }

  @Test
  void theDemoAndTestProfilesAllowLoopbackAndPlainHttpToIt() throws UnknownHostException {
    AddressPolicy policy = demo();
    assertThat(policy.problem("https://127.0.0.1:8443/")).isEmpty();
    assertThat(policy.problem("http://127.0.0.1:8080/fachverfahren")).isEmpty();
    assertThat(policy.problem("http://127.7.7.7:8080/")).isEmpty();
    assertThat(policy.problem("http://localhost:8080/")).isEmpty();
    assertThat(policy.problem("http://[::1]:8080/")).isEmpty();
    assertThat(policy.connectable("localhost")).hasSize(2);
    assertThat(policy.problem("http://fachverfahren.example/"))
        .as("plain http only to allowed hosts")
        .contains(OutboundReason.HTTPS);
    assertThat(policy.problem("https://10.0.0.1/")).contains(OutboundReason.BLOCKED);
    assertThat(policy.problem("https://169.254.169.254/latest/meta-data/"))
        .contains(OutboundReason.BLOCKED);
    assertThat(policy.problem("https://0.0.0.0:8080/"))
        .as("the unspecified address is no loopback")
        .contains(OutboundReason.BLOCKED);
    assertThat(policy.problem("http://2130706433:8080/")).contains(OutboundReason.BLOCKED);
  }

  @Test
  void theOperatorAllowsRangesAndHosts() throws UnknownHostException {
    AddressPolicy policy =
        policy(
            new OutboundProperties(
                List.of("Intern.Example"), List.of("172.20.0.0/16", "fd12:3456::/32"), null),
            false);
    assertThat(policy.problem("https://172.20.1.2/")).isEmpty();
    assertThat(policy.problem("https://[::ffff:172.20.1.2]/")).isEmpty();
    assertThat(policy.problem("https://172.21.0.1/")).contains(OutboundReason.BLOCKED);
    assertThat(policy.problem("https://v6intern.example/")).isEmpty();
    assertThat(policy.problem("https://intern.example/")).isEmpty();
    assertThat(policy.connectable("intern.example"))
        .containsExactly(AddressPolicy.literal("10.1.2.3"));
    assertThat(policy.problem("http://intern.example/"))
        .as("plain http stays refused outside the demo")
        .contains(OutboundReason.HTTPS);
    assertThat(policy.problem("https://127.0.0.1/")).contains(OutboundReason.BLOCKED);
  }

  @Test
  void linkLocalAndMetadataAddressesAreNeverAllowedEvenWhenAllowlisted() {
    AddressPolicy policy =
        policy(
            new OutboundProperties(
                List.of("metadata.example", "169.254.169.254"),
                List.of("0.0.0.0/0", "::/0", "169.254.0.0/16", "fe80::/10"),
                null),
            true);
    for (String url :
        List.of(
            "https://169.254.169.254/latest/meta-data/",
            "http://169.254.169.254/latest/meta-data/",
            "https://metadata.example/",
            "https://[fe80::1]/",
            "https://[fd00:ec2::254]/",
            "https://[::ffff:169.254.169.254]/",
            "https://[64:ff9b::a9fe:a9fe]/",
            "https://[2002:a9fe:a9fe::]/",
            "https://100.100.100.200/",
            "https://192.0.0.192/")) {
      assertThat(policy.problem(url)).as(url).contains(OutboundReason.BLOCKED);
    }
    assertThat(policy.problem("https://10.0.0.1/"))
        .as("the rest of 0.0.0.0/0 is allowed")
        .isEmpty();
    assertThatThrownBy(() -> policy.connectable("metadata.example"))
        .isInstanceOf(OutboundReason.BlockedAddressException.class);
  }

  @Test
  void staticHostsReplaceTheDnsAndFollowTheSameRules() throws UnknownHostException {
    OutboundProperties settings =
        new OutboundProperties(
            null,
            null,
            Map.of("finanzen.example", "127.0.0.1", "zahlung.example", "93.184.215.14"));
    assertThat(policy(settings, false).problem("https://finanzen.example/"))
        .contains(OutboundReason.BLOCKED);
    assertThat(policy(settings, true).problem("https://finanzen.example/")).isEmpty();
    assertThat(policy(settings, false).problem("https://zahlung.example/")).isEmpty();
    assertThat(policy(settings, false).connectable("ZAHLUNG.example."))
        .containsExactly(AddressPolicy.literal("93.184.215.14"));
  }

  @Test
  void settingsThatAreNoHostsOrRangesStopTheStart() {
    for (OutboundProperties wrong :
        List.of(
            new OutboundProperties(List.of("nicht gültig"), null, null),
            new OutboundProperties(null, List.of("10.0.0.0/33"), null),
            new OutboundProperties(null, List.of("intern.example/8"), null),
            new OutboundProperties(null, List.of("2130706433/8"), null),
            new OutboundProperties(null, null, Map.of("finanzen.example", "localhost")),
            new OutboundProperties(null, null, Map.of("127.0.0.1", "127.0.0.1")))) {
      assertThatThrownBy(() -> policy(wrong, false))
          .as(wrong.toString())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void kindsOfAddresses() {
    assertThat(kind("8.8.8.8")).isEqualTo(AddressPolicy.Kind.PUBLIC);
    assertThat(kind("2a00:1450:4001:82b::200e")).isEqualTo(AddressPolicy.Kind.PUBLIC);
    assertThat(kind("64:ff9b::808:808")).isEqualTo(AddressPolicy.Kind.PUBLIC);
    assertThat(kind("172.15.255.255")).isEqualTo(AddressPolicy.Kind.PUBLIC);
    assertThat(kind("172.32.0.0")).isEqualTo(AddressPolicy.Kind.PUBLIC);
    assertThat(kind("100.63.255.255")).isEqualTo(AddressPolicy.Kind.PUBLIC);
    assertThat(kind("100.128.0.0")).isEqualTo(AddressPolicy.Kind.PUBLIC);
    assertThat(kind("127.0.0.1")).isEqualTo(AddressPolicy.Kind.INTERNAL);
    assertThat(kind("::1")).isEqualTo(AddressPolicy.Kind.INTERNAL);
    assertThat(kind("::ffff:192.168.0.1")).isEqualTo(AddressPolicy.Kind.INTERNAL);
    assertThat(kind("169.254.169.254")).isEqualTo(AddressPolicy.Kind.NEVER);
    assertThat(kind("fe80::1")).isEqualTo(AddressPolicy.Kind.NEVER);
    assertThat(kind("febf:ffff::1")).isEqualTo(AddressPolicy.Kind.NEVER);
    assertThat(kind("fd00:ec2::254")).isEqualTo(AddressPolicy.Kind.NEVER);
    assertThat(kind("::ffff:169.254.169.254")).isEqualTo(AddressPolicy.Kind.NEVER);
    assertThat(kind("2002:a9fe:a9fe::")).isEqualTo(AddressPolicy.Kind.NEVER);
  }

  @Test
  void literalsAreReadOnlyInTheirUsualSpelling() {
    assertThat(AddressPolicy.literal("127.0.0.1")).isNotNull();
    assertThat(AddressPolicy.literal("[::1]")).isNotNull();
    assertThat(
            Arrays.asList(
                AddressPolicy.literal("127.1"),
                AddressPolicy.literal("0177.0.0.1"),
                AddressPolicy.literal("2130706433"),
                AddressPolicy.literal("0x7f.1"),
                AddressPolicy.literal("localhost"),
                AddressPolicy.literal("fe80::1%eth0"),
                AddressPolicy.literal("[::1")))
        .containsOnlyNulls();
  }

  private static AddressPolicy.Kind kind(String address) {
    return AddressPolicy.kind(AddressPolicy.literal(address));
  }
}
