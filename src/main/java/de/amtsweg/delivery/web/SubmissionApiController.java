package de.amtsweg.delivery.web;

import de.amtsweg.delivery.BackChannel;
import de.amtsweg.delivery.Delivery;
import de.amtsweg.delivery.DeliveryException;
import de.amtsweg.delivery.Document;
import de.amtsweg.delivery.ReportedStatus;
import de.amtsweg.delivery.SubmissionDocument;
import de.amtsweg.delivery.SubmissionPickup;
import de.amtsweg.platform.ApiScope;
import de.amtsweg.platform.Roles;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pull API for Fachverfahren, modelled on the FIT-Connect Submission API (list the submissions
 * ready for pickup, fetch one with data and attachments, confirm receipt, report status). Only
 * client-credentials tokens of the tenant's API clients with the scope {@code antraege.lesen} get
 * in; every query is scoped to the client's tenant, so another tenant's submission is not found.
 */
@RestController
@RequestMapping(path = "/api/v1/delivery/submissions")
@Tag(
    name = "Zustellung an Fachverfahren",
    description = "Pull API for the authorities' Fachverfahren (scope antraege.lesen)")
@ApiResponse(
    responseCode = "401",
    description = "No valid access token",
    content = @Content(mediaType = "application/problem+json"))
@ApiResponse(
    responseCode = "403",
    description = "Not an API client of a tenant with the scope antraege.lesen",
    content = @Content(mediaType = "application/problem+json"))
class SubmissionApiController {

  static final int MAX_LIMIT = 500;
  private static final String SCOPE = "SCOPE_" + ApiScope.ANTRAEGE_LESEN.value();
  private static final String API_CLIENT = "ROLE_" + Roles.API_CLIENT;

  private final SubmissionPickup pickup;
  private final BackChannel backChannel;
  private final TenantManagement tenants;

  SubmissionApiController(
      SubmissionPickup pickup, BackChannel backChannel, TenantManagement tenants) {
    this.pickup = pickup;
    this.backChannel = backChannel;
    this.tenants = tenants;
  }

  /** One submission ready for pickup. */
  record Summary(UUID id, String reference, String app, OffsetDateTime submittedAt, String state) {}

  /** The submissions ready for pickup (as FIT-Connect's {@code SubmissionsForPickup}). */
  record SubmissionList(int count, int offset, long totalCount, List<Summary> submissions) {}

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The tenant's submissions that are not acknowledged yet, oldest first")
  SubmissionList list(
      @RequestParam(defaultValue = "100") @Parameter(description = "1 to 500") int limit,
      @RequestParam(defaultValue = "0") int offset,
      Authentication authentication) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new DeliveryException.ParameterInvalid("limit");
    }
    if (offset < 0) {
      throw new DeliveryException.ParameterInvalid("offset");
    }
    SubmissionPickup.Page page = pickup.pending(tenantArs(authentication), limit, offset);
    List<Summary> submissions =
        page.deliveries().stream()
            .map(
                d ->
                    new Summary(
                        d.id(), d.reference(), d.subject(), d.submittedAt(), d.state().name()))
            .toList();
    return new SubmissionList(submissions.size(), page.offset(), page.total(), submissions);
  }

  @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Fetch a submission: its data, attachments and receipt; the first fetch marks it delivered")
  @ApiResponse(responseCode = "200", description = "The submission")
  @ApiResponse(
      responseCode = "404",
      description = "No such submission for this tenant",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<SubmissionDocument> fetch(@PathVariable UUID id, Authentication authentication) {
    SubmissionPickup.Fetched fetched = pickup.fetch(tenantArs(authentication), id);
    SubmissionDocument body =
        SubmissionDocument.of(fetched.delivery(), fetched.document(), "", attachment -> null);
    return ResponseEntity.ok()
        .header("Idempotency-Key", body.idempotencyKey().toString())
        .body(body);
  }

  @GetMapping(path = "/{id}/attachments/{attachmentId}")
  @Operation(summary = "Download a file of the submission")
  ResponseEntity<byte[]> attachment(
      @PathVariable UUID id, @PathVariable UUID attachmentId, Authentication authentication) {
    Document.FileContent file = pickup.attachment(tenantArs(authentication), id, attachmentId);
    return download(file.bytes(), MediaType.parseMediaType(file.contentType()), file.name());
  }

  @GetMapping(path = "/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(
      summary =
          "Download the receipt (PDF/A-3 with the data embedded as antrag.json and antrag.xml)")
  ResponseEntity<byte[]> receipt(@PathVariable UUID id, Authentication authentication) {
    Delivery d = pickup.get(tenantArs(authentication), id);
    return download(
        pickup.receipt(d.tenantArs(), id),
        MediaType.APPLICATION_PDF,
        "Eingangsbestaetigung-" + d.reference() + ".pdf");
  }

  private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(bytes);
  }

  /** The confirmation of receipt. */
  record Acknowledgement(
      UUID id, String reference, String state, @Nullable OffsetDateTime acknowledgedAt) {}

  @PostMapping(path = "/{id}/acknowledgement", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Confirm receipt of a fetched submission; repeating it changes nothing")
  @ApiResponse(responseCode = "200", description = "Acknowledged (now or before)")
  @ApiResponse(
      responseCode = "409",
      description = "Not fetched yet",
      content = @Content(mediaType = "application/problem+json"))
  Acknowledgement acknowledge(@PathVariable UUID id, Authentication authentication) {
    Delivery d = backChannel.acknowledge(tenantArs(authentication), id);
    return new Acknowledgement(d.id(), d.reference(), d.state().name(), d.acknowledgedAt());
  }

  /**
   * A status report.
   *
   * @param status one of EINGEGANGEN, IN_BEARBEITUNG, RUECKFRAGE, BESCHIEDEN, ABGESCHLOSSEN
   * @param message text for the applicant's Postfach (at most 10,000 characters)
   * @param bescheid the Bescheid as PDF
   */
  record StatusReport(
      @Nullable String status, @Nullable String message, @Nullable BescheidFile bescheid) {}

  /** A PDF, base64-encoded. */
  record BescheidFile(@Nullable String fileName, @Nullable String content) {}

  /** What became of the report. */
  record StatusReported(
      UUID id,
      String reference,
      String status,
      @Schema(
              description =
                  "Whether the applicant got a Postfach message; if not, send the Bescheid by post")
          boolean postfach) {}

  @PostMapping(
      path = "/{id}/status",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Report a status change or a Bescheid (PDF) of an acknowledged submission")
  @ApiResponse(
      responseCode = "200",
      description =
          "Recorded; on the applicant's timeline and, if they have an account, in their Postfach")
  @ApiResponse(
      responseCode = "409",
      description = "Not acknowledged yet, or the status cannot follow the current one",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "422",
      description = "Unknown status, message too long, or the Bescheid is no PDF",
      content = @Content(mediaType = "application/problem+json"))
  StatusReported status(
      @PathVariable UUID id, @RequestBody StatusReport body, Authentication authentication) {
    String tenantArs = tenantArs(authentication);
    BackChannel.Report report = toReport(body, () -> pickup.get(tenantArs, id).reference());
    BackChannel.Reported reported = backChannel.report(tenantArs, id, report);
    return new StatusReported(
        id,
        reported.delivery().reference(),
        reported.status().name(),
        reported.postfachMessage() != null);
  }

  /** A status report as the delivery module takes it; also for signed callbacks. */
  static BackChannel.Report toReport(
      StatusReport body, java.util.function.Supplier<String> reference) {
    ReportedStatus status =
        ReportedStatus.named(body.status() == null ? "" : body.status())
            .orElseThrow(
                () ->
                    new DeliveryException.StatusUnknown(
                        String.join(
                            ", ",
                            Arrays.stream(ReportedStatus.values()).map(Enum::name).toList())));
    BackChannel.Bescheid bescheid = null;
    if (body.bescheid() != null) {
      bescheid =
          new BackChannel.Bescheid(
              fileName(body.bescheid().fileName(), reference.get()),
              decode(body.bescheid().content()));
    }
    return new BackChannel.Report(status, body.message(), bescheid);
  }

  private static byte[] decode(@Nullable String content) {
    if (content == null) {
      throw new DeliveryException.BescheidInvalid(
          de.amtsweg.account.Postfach.MAX_ATTACHMENT_BYTES / 1000);
    }
    try {
      return Base64.getMimeDecoder().decode(content);
    } catch (IllegalArgumentException e) {
      throw new DeliveryException.BescheidInvalid(
          de.amtsweg.account.Postfach.MAX_ATTACHMENT_BYTES / 1000);
    }
  }

  /** A safe file name ending in .pdf; the reference when none is given. */
  static String fileName(@Nullable String given, String reference) {
    String base =
        given == null ? "" : given.replaceAll("(?i)\\.pdf$", "").replaceAll("[^A-Za-z0-9._-]", "_");
    base = base.replaceAll("^[._]+", "");
    if (base.isEmpty()) {
      base = "Bescheid-" + reference;
    }
    return (base.length() > 100 ? base.substring(0, 100) : base) + ".pdf";
  }

  /** The ARS of the caller's tenant; refuses tokens without the scope or tenant. */
  private String tenantArs(Authentication authentication) {
    List<String> authorities =
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    if (!authorities.contains(API_CLIENT) || !authorities.contains(SCOPE)) {
      throw new DeliveryException.ScopeMissing();
    }
    return Roles.tenantOf(authentication)
        .flatMap(tenants::bySlug)
        .map(Tenant::authorityArs)
        .orElseThrow(DeliveryException.ScopeMissing::new);
  }
}
