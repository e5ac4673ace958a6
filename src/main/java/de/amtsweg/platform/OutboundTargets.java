package de.amtsweg.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * The addresses outside Amtsweg that staff can set — webhooks of delivery routes (Anträge and
 * e-invoices), the endpoint of a payment service, later FIT-Connect and peer portals — and the only
 * way to connect to them. A tenant admin must not be able to make the server call into the network
 * it runs in (cloud metadata, the database, other internal services).
 *
 * <p><b>On save</b> ({@link #problem}): an absolute {@code https} address (plain {@code http} only
 * in the {@code demo} and {@code test} profiles and only to an allowlisted host) without user info
 * or fragment, whose host is a DNS name or an IP address in its usual spelling (numeric spellings
 * such as {@code 2130706433} or {@code 0x7f.1} are refused), and which resolves to public addresses
 * only: never loopback, link-local, private (RFC 1918, unique local), shared (CGNAT), multicast,
 * unspecified, broadcast, reserved or documentation ranges, nor IPv4-mapped, -compatible, NAT64 or
 * 6to4 forms of these. The operator may allow hosts ({@code amtsweg.outbound.allowed-hosts}) and
 * ranges ({@code amtsweg.outbound.allowed-networks}); link-local addresses (which include the cloud
 * metadata services) are never allowed. The {@code demo} and {@code test} profiles allow loopback.
 *
 * <p><b>On connect</b> ({@link #client}): the client resolves the host itself, drops every address
 * the same rules refuse and connects only to the remaining ones, so that a name which resolved to a
 * public address on save and to an internal one now (DNS rebinding) cannot be used; TLS still
 * verifies the certificate against the host name.
 */
public interface OutboundTargets {

  /**
   * What is wrong with an address staff want to save; empty when it may be saved. Resolves the host
   * name: {@link OutboundReason#UNKNOWN_HOST} when it does not resolve.
   *
   * @return {@link OutboundReason#SYNTAX}, {@link OutboundReason#HTTPS}, {@link
   *     OutboundReason#BLOCKED} or {@link OutboundReason#UNKNOWN_HOST}
   */
  Optional<OutboundReason> problem(String url);

  /**
   * A client for these addresses. Make one per use and keep it (it pools connections).
   *
   * @param userAgent the {@code User-Agent} header
   * @param connectTimeout how long to wait for a connection
   * @param timeout how long a request may take in all, from sending to the last byte read
   * @param maxAnswerBytes how much of an answer's body is read; a longer body is cut off there (see
   *     {@link OutboundHttp.Response#complete()}) and its connection dropped; 0 reads none
   */
  OutboundHttp client(
      String userAgent, Duration connectTimeout, Duration timeout, int maxAnswerBytes);
}
