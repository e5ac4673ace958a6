package de.amtsweg.platform;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP client for addresses staff set, made by {@link OutboundTargets#client}: it connects only
 * to addresses that pass the rules of {@link OutboundTargets} (checked again when connecting, on
 * the very addresses it connects to), follows no redirects, keeps no cookies, does not retry by
 * itself and uses no proxy. Thread-safe; keep one per use.
 */
public interface OutboundHttp {

  /**
   * Sends a request and reads the answer, at most the client's limit of bytes of it.
   *
   * @throws Failure when no answer came, with the reason; an answer with any status is no failure
   */
  Response send(Request request);

  /** A request: method, absolute URI, headers and, for POST, a body with its content type. */
  final class Request {
    private final String method;
    private final URI uri;
    private final Map<String, String> headers;
    private final byte @Nullable [] body;
    private final @Nullable String contentType;

    private Request(
        String method,
        URI uri,
        Map<String, String> headers,
        byte @Nullable [] body,
        @Nullable String contentType) {
      this.method = method;
      this.uri = uri;
      this.headers = headers;
      this.body = body;
      this.contentType = contentType;
    }

    /** A GET without body. */
    public static Request get(URI uri) {
      return new Request("GET", uri, Map.of(), null, null);
    }

    /** A POST (or another method with a body, see {@link #method}) of {@code body}. */
    public static Request post(URI uri, String contentType, byte[] body) {
      return new Request("POST", uri, Map.of(), body.clone(), contentType);
    }

    /** The same request with another method, e.g. {@code PUT}. */
    public Request method(String method) {
      return new Request(method, uri, headers, body, contentType);
    }

    /**
     * The same request with one more header (not {@code Content-Type}: that comes with the body).
     */
    public Request header(String name, String value) {
      if (name.equalsIgnoreCase("Content-Type")) {
        throw new IllegalArgumentException("the content type comes with the body");
      }
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Request(method, uri, Collections.unmodifiableMap(more), body, contentType);
    }

    public String method() {
      return method;
    }

    public URI uri() {
      return uri;
    }

    public Map<String, String> headers() {
      return headers;
    }

    public byte @Nullable [] body() {
      return body == null ? null : body.clone();
    }

    public @Nullable String contentType() {
      return contentType;
    }
  }

  /**
   * An answer: its status and as much of its body as the client reads.
   *
   * @see #complete()
   */
  final class Response {
    private final int status;
    private final byte[] body;
    private final boolean complete;

    public Response(int status, byte[] body, boolean complete) {
      this.status = status;
      this.body = body.clone();
      this.complete = complete;
    }

    public int status() {
      return status;
    }

    public byte[] body() {
      return body.clone();
    }

    /** False when the body was longer than the client's limit and was cut off there. */
    public boolean complete() {
      return complete;
    }
  }

  /**
   * No answer: the {@link #reason()} says why in words for staff. The message is the reason's code
   * only, never the underlying exception's text, which names hosts and addresses.
   */
  final class Failure extends RuntimeException {
    private final OutboundReason reason;

    public Failure(OutboundReason reason, @Nullable Throwable cause) {
      super(reason.code(), cause);
      this.reason = reason;
    }

    public OutboundReason reason() {
      return reason;
    }
  }
}
