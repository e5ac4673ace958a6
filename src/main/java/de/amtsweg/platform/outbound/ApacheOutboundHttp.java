package de.amtsweg.platform.outbound;

import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link OutboundHttp} on Apache HttpClient 5, whose connection manager takes a resolver ({@link
 * PinnedResolver}) while TLS keeps verifying the certificate against the host name (SNI included) —
 * the JDK's client cannot do both. No redirects, cookies, automatic retries, compression or proxies
 * (the JVM's proxy settings are not read: through a proxy the check would not see the address
 * connected to). A request that has not finished after the timeout is cancelled, so a receiver that
 * answers one byte at a time cannot hold a worker.
 */
final class ApacheOutboundHttp implements OutboundHttp, AutoCloseable {

  private final CloseableHttpClient http;
  private final Duration timeout;
  private final int maxAnswerBytes;
  private final ScheduledExecutorService deadlines;

  ApacheOutboundHttp(
      AddressPolicy policy,
      String userAgent,
      Duration connectTimeout,
      Duration timeout,
      int maxAnswerBytes,
      ScheduledExecutorService deadlines) {
    this.timeout = timeout;
    this.maxAnswerBytes = maxAnswerBytes;
    this.deadlines = deadlines;
    this.http =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new PinnedResolver(policy))
                    // The JVM's trust store and protocols, as the JDK client used them before.
                    .setTlsSocketStrategy(DefaultClientTlsStrategy.createSystemDefault())
                    .setDefaultConnectionConfig(
                        ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.of(connectTimeout))
                            .setSocketTimeout(Timeout.of(timeout))
                            .build())
                    .setDefaultSocketConfig(
                        SocketConfig.custom().setSoTimeout(Timeout.of(timeout)).build())
                    .setMaxConnTotal(100)
                    .setMaxConnPerRoute(20)
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setConnectionRequestTimeout(Timeout.of(timeout))
                    .setResponseTimeout(Timeout.of(timeout))
                    .setRedirectsEnabled(false)
                    .build())
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableAutomaticRetries()
            .disableContentCompression()
            .setUserAgent(userAgent)
            .build();
  }

  @Override
  public Response send(Request request) {
    HttpUriRequestBase call = new HttpUriRequestBase(request.method(), request.uri());
    request.headers().forEach(call::addHeader);
    byte[] body = request.body();
    if (body != null) {
      String type = request.contentType();
      call.setEntity(new ByteArrayEntity(body, type == null ? null : ContentType.parse(type)));
    }
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              late.set(true);
              call.cancel();
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      return exchange(call);
    } catch (IOException e) {
      call.cancel();
      throw new Failure(
          late.get() ? OutboundReason.TIMEOUT : OutboundReason.of(e).orElse(OutboundReason.BROKEN),
          e);
    } finally {
      deadline.cancel(false);
    }
  }

  private Response exchange(HttpUriRequestBase call) throws IOException {
    ClassicHttpResponse response = http.executeOpen(null, call, null);
    int status = response.getCode();
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      response.close();
      return new Response(status, new byte[0], true);
    }
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    boolean complete = copy(entity.getContent(), read, maxAnswerBytes);
    if (complete) {
      response.close(); // the connection goes back to the pool
    } else {
      // Closing would read the rest of a body of any length: drop the connection instead.
      call.cancel();
    }
    return new Response(status, read.toByteArray(), complete);
  }

  /** Copies at most {@code max} bytes; whether that was all there was. */
  private static boolean copy(InputStream in, ByteArrayOutputStream out, int max)
      throws IOException {
    byte[] buffer = new byte[8192];
    int total = 0;
    while (true) {
      int wanted = (int) Math.min(buffer.length, (long) max - total + 1);
      int n = in.read(buffer, 0, wanted);
      if (n < 0) {
        return true;
      }
      if (total + n > max) {
        out.write(buffer, 0, max - total);
        return false;
      }
      out.write(buffer, 0, n);
      total += n;
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
