package de.amtsweg.payment.xbezahldienste;

import de.amtsweg.payment.Payment;
import de.amtsweg.payment.PaymentConfig;
import de.amtsweg.payment.PaymentItem;
import de.amtsweg.payment.PaymentProperties;
import de.amtsweg.payment.PaymentProvider;
import de.amtsweg.payment.SignedNotifications;
import de.amtsweg.platform.OutboundHttp;
import de.amtsweg.platform.OutboundTargets;
import de.amtsweg.platform.PlatformProperties;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client of an XBezahldienste-style payment service (ePayBL, pmPayment, GiroCheckout's
 * xBezahldienste API): OAuth 2.0 client credentials at {@code <endpoint>/auth/token}, then {@code
 * POST <endpoint>/paymenttransaction/{originatorId}/{endpointId}} with a {@code PaymentRequest}
 * (answered by a {@code PaymentTransaction} with {@code transactionId} and {@code
 * transactionRedirectUrl}), {@code GET .../{transactionId}} for the status, {@code POST
 * .../{transactionId}/cancel} to cancel an open one and {@code POST .../{transactionId}/refund} for
 * refunds. The payment id is the {@code requestId} and the {@code Idempotency-Key}, so asking twice
 * creates one transaction. Every call has the timeout {@code amtsweg.payment.provider-timeout}; no
 * answer, a timeout or a 5xx/4xx answer is {@link PaymentProvider.Unavailable}, whose message names
 * the kind of failure only (for network failures the code of {@link
 * de.amtsweg.platform.OutboundReason}). Calls go through the platform's client for addresses staff
 * set ({@link OutboundTargets}), which connects only to allowed addresses. Field names follow the
 * public XBezahldienste data model; the official specification was not at hand (see ADR 0018).
 */
@Component
public class XBezahldienstProvider implements PaymentProvider {

  /** The provider id. */
  public static final String ID = "xbezahldienste";

  /** The largest answer read; a payment service's JSON answers are a few kilobytes. */
  static final int MAX_ANSWER_BYTES = 1024 * 1024;

  private final OutboundHttp http;
  private final URI publicUrl;
  private final JsonMapper json = JsonMapper.builder().build();

  XBezahldienstProvider(
      PaymentProperties properties, PlatformProperties platform, OutboundTargets targets) {
    this.publicUrl = platform.publicUrl();
    this.http =
        targets.client(
            "Amtsweg-Bezahlung/1",
            properties.providerTimeout(),
            properties.providerTimeout(),
            MAX_ANSWER_BYTES);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean needsEndpoint() {
    return true;
  }

  @Override
  public Created create(
      PaymentConfig config, Payment payment, URI returnUrl, URI cancelUrl, URI notificationUrl) {
    List<Map<String, Object>> items = new ArrayList<>();
    int position = 1;
    for (PaymentItem item : payment.items()) {
      Map<String, Object> booking = new LinkedHashMap<>();
      booking.put("kassenzeichen", payment.kassenzeichen());
      booking.put("haushaltsstelle", item.haushaltsstelle());
      booking.put("objektnummer", item.objektnummer());
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", String.valueOf(position++));
      line.put("reference", item.antragReference());
      line.put("description", item.description());
      line.put("quantity", 1);
      line.put("taxRate", BigDecimal.ZERO);
      line.put("singleNetAmount", euros(item.amountCents()));
      line.put("singleTaxAmount", BigDecimal.ZERO);
      line.put("totalNetAmount", euros(item.amountCents()));
      line.put("totalTaxAmount", BigDecimal.ZERO);
      line.put("bookingData", booking);
      items.add(line);
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("requestId", payment.id().toString());
    request.put("requestTimestamp", OffsetDateTime.now().toString());
    request.put("currency", payment.currency());
    request.put("grosAmount", euros(payment.amountCents()));
    request.put("purpose", payment.kassenzeichen());
    request.put("description", payment.items().getFirst().description());
    request.put("redirectUrl", publicUrl.resolve(returnUrl).toString());
    request.put("cancelUrl", publicUrl.resolve(cancelUrl).toString());
    request.put("notificationUrl", notificationUrl.toString());
    request.put("items", items);
    JsonNode answer = call(config, "POST", transactions(config), request, payment.id().toString());
    JsonNode info = answer.path("paymentInformation");
    String transactionId = info.path("transactionId").asString("");
    String redirect = info.path("transactionRedirectUrl").asString("");
    if (transactionId.isBlank()
        || !redirect.startsWith("https://") && !redirect.startsWith("http://")) {
      throw new Unavailable(
          "xbezahldienste: answer without transactionId or transactionRedirectUrl");
    }
    return new Created(transactionId, URI.create(redirect));
  }

  @Override
  public ProviderStatus status(PaymentConfig config, String transactionId) {
    return statusOf(
        call(config, "GET", transactions(config) + "/" + encode(transactionId), null, null));
  }

  private static ProviderStatus statusOf(JsonNode answer) {
    try {
      return ProviderStatus.valueOf(answer.path("paymentInformation").path("status").asString(""));
    } catch (IllegalArgumentException e) {
      throw new Unavailable("xbezahldienste: unknown status in answer");
    }
  }

  /**
   * {@code POST .../{transactionId}/cancel} (an assumption, see ADR 0018: the public data model has
   * no cancel operation), answered by the {@code PaymentTransaction} with its status after the
   * call.
   */
  @Override
  public ProviderStatus cancel(PaymentConfig config, String transactionId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestTimestamp", OffsetDateTime.now().toString());
    return statusOf(
        call(
            config,
            "POST",
            transactions(config) + "/" + encode(transactionId) + "/cancel",
            body,
            "cancel-" + transactionId));
  }

  @Override
  public void refund(PaymentConfig config, String transactionId, long amountCents, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("amount", euros(amountCents));
    body.put("currency", "EUR");
    body.put("reason", reason);
    call(
        config, "POST", transactions(config) + "/" + encode(transactionId) + "/refund", body, null);
  }

  @Override
  public Notification verify(PaymentConfig config, Map<String, String> headers, byte[] body) {
    return SignedNotifications.verify(config.notificationSecret(), headers, body);
  }

  private static String transactions(PaymentConfig config) {
    return "/paymenttransaction/"
        + encode(Objects.requireNonNullElse(config.originatorId(), ""))
        + "/"
        + encode(Objects.requireNonNullElse(config.endpointId(), ""));
  }

  private JsonNode call(
      PaymentConfig config,
      String method,
      String path,
      @Nullable Object body,
      @Nullable String idempotencyKey) {
    String token = token(config);
    OutboundHttp.Request request =
        body == null
            ? OutboundHttp.Request.get(uri(config, path))
            : OutboundHttp.Request.post(
                    uri(config, path), "application/json", json.writeValueAsBytes(body))
                .method(method);
    request =
        request.header("Authorization", "Bearer " + token).header("Accept", "application/json");
    if (idempotencyKey != null) {
      request = request.header("Idempotency-Key", idempotencyKey);
    }
    return read(send(request), path);
  }

  private String token(PaymentConfig config) {
    String credentials =
        Objects.requireNonNullElse(config.clientId(), "")
            + ":"
            + Objects.requireNonNullElse(config.clientSecret(), "");
    OutboundHttp.Request request =
        OutboundHttp.Request.post(
                uri(config, "/auth/token"),
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    String token = read(send(request), "/auth/token").path("access_token").asString("");
    if (token.isBlank()) {
      throw new Unavailable("xbezahldienste: no access_token");
    }
    return token;
  }

  private OutboundHttp.Response send(OutboundHttp.Request request) {
    try {
      return http.send(request);
    } catch (OutboundHttp.Failure e) {
      throw new Unavailable("xbezahldienste: " + e.reason().code(), e);
    }
  }

  private JsonNode read(OutboundHttp.Response response, String path) {
    if (response.status() / 100 != 2) {
      throw new Unavailable(
          "xbezahldienste: HTTP " + response.status() + " for " + path.replaceAll("/[^/]+$", "/…"));
    }
    if (!response.complete()) {
      throw new Unavailable("xbezahldienste: answer too large");
    }
    byte[] body = response.body();
    if (body.length == 0) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      throw new Unavailable("xbezahldienste: answer is not JSON", e);
    }
  }

  private static URI uri(PaymentConfig config, String path) {
    String base = Objects.requireNonNullElse(config.endpointUrl(), "");
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
  }

  private static BigDecimal euros(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
