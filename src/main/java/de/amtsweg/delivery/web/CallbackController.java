package de.amtsweg.delivery.web;

import de.amtsweg.delivery.BackChannel;
import de.amtsweg.delivery.Delivery;
import de.amtsweg.delivery.DeliveryCallbacks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed callbacks of Fachverfahren on a webhook route: acknowledge a pushed delivery, report a
 * status or a Bescheid, without an OAuth client. Signed like the pushes, with the route's secret
 * ({@code X-Amtsweg-Timestamp}, {@code X-Amtsweg-Signature: sha256=<hex>} over {@code
 * "<timestamp>.<body>"}); a forged, stale or replayed callback gets 401 and changes nothing.
 */
@RestController
@RequestMapping(path = "/api/v1/delivery/callbacks/{deliveryId}")
@Tag(name = "Zustellung an Fachverfahren", description = "Signed callbacks of webhook receivers")
@ApiResponse(
    responseCode = "401",
    description = "Signature missing or wrong, timestamp outside the window, or replayed",
    content = @Content(mediaType = "application/problem+json"))
class CallbackController {

  private final DeliveryCallbacks callbacks;
  private final BackChannel backChannel;
  private final JsonMapper json;

  CallbackController(DeliveryCallbacks callbacks, BackChannel backChannel, JsonMapper json) {
    this.callbacks = callbacks;
    this.backChannel = backChannel;
    this.json = json;
  }

  @PostMapping(path = "/acknowledgement", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Confirm receipt of a pushed submission (signed); repeating it with a new signature changes nothing")
  SubmissionApiController.Acknowledgement acknowledge(
      @PathVariable UUID deliveryId,
      @RequestHeader(name = "X-Amtsweg-Timestamp", required = false) @Nullable String timestamp,
      @RequestHeader(name = "X-Amtsweg-Signature", required = false) @Nullable String signature,
      @RequestBody(required = false) byte @Nullable [] body) {
    Delivery d =
        callbacks.authenticate(deliveryId, timestamp, signature, body == null ? new byte[0] : body);
    Delivery acknowledged = backChannel.acknowledge(d.tenantArs(), d.id());
    return new SubmissionApiController.Acknowledgement(
        acknowledged.id(),
        acknowledged.reference(),
        acknowledged.state().name(),
        acknowledged.acknowledgedAt());
  }

  @PostMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Report a status or a Bescheid of an acknowledged pushed submission (signed); body as the pull API's")
  SubmissionApiController.StatusReported status(
      @PathVariable UUID deliveryId,
      @RequestHeader(name = "X-Amtsweg-Timestamp", required = false) @Nullable String timestamp,
      @RequestHeader(name = "X-Amtsweg-Signature", required = false) @Nullable String signature,
      @RequestBody(required = false) byte @Nullable [] body) {
    byte[] bytes = body == null ? new byte[0] : body;
    Delivery d = callbacks.authenticate(deliveryId, timestamp, signature, bytes);
    SubmissionApiController.StatusReport report;
    try {
      report = json.readValue(bytes, SubmissionApiController.StatusReport.class);
    } catch (JacksonException e) {
      report = new SubmissionApiController.StatusReport(null, null, null);
    }
    BackChannel.Reported reported =
        backChannel.report(
            d.tenantArs(), d.id(), SubmissionApiController.toReport(report, d::reference));
    return new SubmissionApiController.StatusReported(
        d.id(),
        reported.delivery().reference(),
        reported.status().name(),
        reported.postfachMessage() != null);
  }
}
