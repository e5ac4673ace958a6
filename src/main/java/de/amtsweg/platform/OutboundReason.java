package de.amtsweg.platform;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Why an address staff set was refused or could not be reached, in words staff understand and never
 * as an exception text: those name hosts, ports and addresses of the network behind the server, so
 * showing them would turn a route's "last error" into a port scanner. Stored as {@link #code()}
 * (for example in {@code delivery.last_error}) and shown with the message {@link #messageKey()}.
 */
public enum OutboundReason {
  /** Not a complete absolute address, or with user name, password or fragment (on save). */
  SYNTAX("syntax"),
  /** Not {@code https} (plain {@code http} only in the demo and test profiles, see README). */
  HTTPS("https"),
  /** The address, or one the name resolves to, is in the internal network or not public. */
  BLOCKED("blocked"),
  /** The name does not resolve. */
  UNKNOWN_HOST("unknown-host"),
  /** Refused, no route, or the network is down. */
  UNREACHABLE("unreachable"),
  /** No connection or no complete answer in time. */
  TIMEOUT("timeout"),
  /**
   * The TLS handshake failed: certificate invalid, expired, for another name, or no common cipher.
   */
  TLS("tls"),
  /** The connection broke off, or the other side did not speak HTTP. */
  BROKEN("broken");

  private final String code;

  OutboundReason(String code) {
    this.code = code;
  }

  /** The stable code stored and logged, e.g. {@code unreachable}. */
  public String code() {
    return code;
  }

  /** The message key of the plain reason, {@code outbound.error.<code>}. */
  public String messageKey() {
    return "outbound.error." + code;
  }

  /** The reason of a stored code, if it is one. */
  public static Optional<OutboundReason> byCode(String code) {
    for (OutboundReason reason : values()) {
      if (reason.code.equals(code)) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }

  /**
   * The reason of a failed connection by the kind of exception; empty for errors that are not about
   * the network (the caller then names the kind of error).
   */
  public static Optional<OutboundReason> of(Throwable error) {
    return Optional.ofNullable(
        switch (error) {
          case OutboundHttp.Failure failure -> failure.reason();
          case BlockedAddressException blocked -> BLOCKED;
          case UnknownHostException unknown -> UNKNOWN_HOST;
          case SSLException tls -> TLS;
          case SocketTimeoutException timeout -> TIMEOUT;
          case ConnectException refused -> UNREACHABLE;
          case NoRouteToHostException noRoute -> UNREACHABLE;
          case PortUnreachableException port -> UNREACHABLE;
          case InterruptedIOException interrupted -> TIMEOUT;
          case IOException io -> BROKEN;
          default -> null;
        });
  }

  /**
   * A name or address that must not be connected to: thrown by the resolver of {@link OutboundHttp}
   * clients, so that it ends the connection attempt before any socket is opened. An {@link
   * UnknownHostException}, because that is what a resolver may throw.
   */
  public static final class BlockedAddressException extends UnknownHostException {
    public BlockedAddressException(String host) {
      super("address not allowed: " + host);
    }
  }
}
