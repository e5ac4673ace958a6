package de.amtsweg.payment.web;

import de.amtsweg.payment.PaymentNotifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where payment services send their status notifications. No login: a notification is trusted only
 * when its signature checks out with the tenant's notification secret; a forged one gets 401 and
 * changes nothing. Every accepted one is answered 200 (also a repeat or an outdated one), so the
 * service stops sending it.
 */
@RestController
@Tag(name = "Zahlungen", description = "Notifications of payment services")
class NotificationController {

  static final int MAX_BODY = 64 * 1024;

  private final PaymentNotifications notifications;

  NotificationController(PaymentNotifications notifications) {
    this.notifications = notifications;
  }

  /** What became of the notification. */
  record Received(PaymentNotifications.Outcome outcome) {}

  @PostMapping(
      path = "/api/v1/payments/notifications/{provider}/{tenantArs}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "A payment service's status notification (signed: header X-Signature: sha256=<HMAC of the body>)")
  @ApiResponse(
      responseCode = "200",
      description = "Taken (applied, a repeat, or out of order and ignored)")
  @ApiResponse(
      responseCode = "401",
      description = "Signature missing or wrong; nothing changed",
      content = @Content(mediaType = "application/problem+json"))
  Received receive(
      @PathVariable String provider,
      @PathVariable String tenantArs,
      @RequestBody byte[] body,
      HttpServletRequest request) {
    if (body.length > MAX_BODY) {
      throw new de.amtsweg.payment.PaymentException.NotificationForged();
    }
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
    }
    return new Received(notifications.receive(provider, tenantArs, headers, body));
  }
}
