package de.amtsweg.platform.outbound;

import java.net.InetAddress;

/** A range of IPv4 or IPv6 addresses in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code ::1}. */
final class Cidr {

  private final byte[] network;
  private final int prefix;
  private final String text;

  private Cidr(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /**
   * Parses {@code address/prefix} or a single address; the address must be written as a literal.
   *
   * @throws IllegalArgumentException when it is not a range
   */
  static Cidr parse(String text) {
    String value = text.strip();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    InetAddress literal = AddressPolicy.literal(address);
    if (literal == null) {
      throw new IllegalArgumentException("not an IP address range: " + text);
    }
    byte[] bytes = literal.getAddress();
    int bits = bytes.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an IP address range: " + text, e);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("not an IP address range: " + text);
    }
    return new Cidr(bytes, prefix, value);
  }

  /** Whether the address lies in the range (an IPv4 address never lies in an IPv6 range). */
  boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (bytes[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (bytes[whole] & mask) == (network[whole] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}
