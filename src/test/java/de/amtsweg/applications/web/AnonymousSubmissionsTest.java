package de.amtsweg.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whose anonymous submissions count together. */
class AnonymousSubmissionsTest {

  @Test
  void anIpv4AddressIsItself() {
    assertThat(AnonymousSubmissions.client("198.51.100.7")).isEqualTo("198.51.100.7");
    assertThat(AnonymousSubmissions.client("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
  }

  @Test
  void theAddressesOfOneIpv6NetworkCountTogether() {
    String one = AnonymousSubmissions.client("2001:db8:1:2:aaaa::1");
    assertThat(AnonymousSubmissions.client("2001:db8:1:2:bbbb:cccc:dddd:2")).isEqualTo(one);
    assertThat(AnonymousSubmissions.client("2001:DB8:1:2::99")).isEqualTo(one);
    assertThat(one).isEqualTo("20010db800010002::/64");
    assertThat(AnonymousSubmissions.client("2001:db8:1:3::1")).isNotEqualTo(one);
  }

  @Test
  void somethingElseIsTakenAsItIs() {
    assertThat(AnonymousSubmissions.client("not:an:address")).isEqualTo("not:an:address");
  }
}
