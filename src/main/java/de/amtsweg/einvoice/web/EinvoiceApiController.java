package de.amtsweg.einvoice.web;

import de.amtsweg.einvoice.EinvoiceException;
import de.amtsweg.einvoice.Einvoices;
import de.amtsweg.einvoice.ValidationReport.Severity;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/einvoices}: a supplier submits an XRechnung (XML body or multipart field
 * {@code file}) or a ZUGFeRD/Factur-X PDF. 201 with the verdict, also for a rejected invoice (it is
 * kept, and its status says {@code ZURUECKGEWIESEN}); 400/413/415 problem details for input that is
 * no invoice at all. {@code GET /api/v1/einvoices/{id}} for the submitting supplier and the
 * recipient's staff.
 */
@RestController
class EinvoiceApiController {

  static final Set<String> BODY_TYPES = Set.of("application/xml", "text/xml", "application/pdf");

  private final Einvoices einvoices;
  private final Callers callers;
  private final Explanations explanations;

  EinvoiceApiController(Einvoices einvoices, Callers callers, Explanations explanations) {
    this.einvoices = einvoices;
    this.callers = callers;
    this.explanations = explanations;
  }

  @PostMapping(path = "/api/v1/einvoices", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Json> submitMultipart(
      Authentication auth,
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) @Nullable UUID organisation,
      Locale locale)
      throws IOException {
    Einvoices.Submitter submitter =
        callers.submitter(auth, Einvoices.Channel.API, Optional.ofNullable(organisation));
    if (file.getSize() > einvoices.maxBytes()) {
      throw EinvoiceException.tooLarge(einvoices.maxBytes());
    }
    return created(einvoices.submit(submitter, file.getBytes()), locale);
  }

  @PostMapping(path = "/api/v1/einvoices")
  ResponseEntity<Json> submit(
      Authentication auth,
      HttpServletRequest request,
      @RequestParam(required = false) @Nullable UUID organisation,
      Locale locale)
      throws IOException {
    Einvoices.Submitter submitter =
        callers.submitter(auth, Einvoices.Channel.API, Optional.ofNullable(organisation));
    String type =
        request.getContentType() == null
            ? ""
            : MediaType.parseMediaType(request.getContentType()).getType()
                + "/"
                + MediaType.parseMediaType(request.getContentType()).getSubtype();
    if (!BODY_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
      throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
    return created(
        einvoices.submit(submitter, readLimited(request.getInputStream(), einvoices.maxBytes())),
        locale);
  }

  @GetMapping("/api/v1/einvoices/{id}")
  Json get(Authentication auth, @PathVariable UUID id, Locale locale) {
    Optional<String> tenant = Callers.staffTenant(auth);
    Einvoices.Invoice invoice =
        tenant.isPresent()
            ? einvoices.ofTenant(tenant.get(), id)
            : einvoices.ofSupplier(callers.supplierOrganisations(auth), id);
    return json(invoice, locale);
  }

  /** Reads at most {@code max + 1} bytes: one more than allowed is enough to say "too large". */
  static byte[] readLimited(InputStream in, long max) throws IOException {
    return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
  }

  private ResponseEntity<Json> created(Einvoices.Invoice invoice, Locale locale) {
    return ResponseEntity.created(URI.create("/api/v1/einvoices/" + invoice.id()))
        .body(json(invoice, locale));
  }

  Json json(Einvoices.Invoice i, Locale locale) {
    return new Json(
        i.id(),
        i.receivedAt(),
        i.valid(),
        i.format(),
        i.syntax(),
        i.specification(),
        i.leitwegId(),
        i.recipient() == null ? null : new Recipient(i.recipient().ars(), i.recipient().name()),
        i.routingProblem() == null ? null : explanations.routing(i.routingProblem(), locale),
        i.status().name(),
        i.statusReason(),
        i.duplicateOf(),
        i.invoiceNumber(),
        i.issueDate(),
        findings(i, true, locale),
        findings(i, false, locale));
  }

  private List<JsonFinding> findings(Einvoices.Invoice i, boolean errors, Locale locale) {
    return i.findings().stream()
        .filter(f -> (f.severity() == Severity.ERROR) == errors)
        .map(
            f ->
                new JsonFinding(
                    f.rule(),
                    f.severity().name(),
                    f.location(),
                    explanations.explain(f, locale),
                    f.message()))
        .toList();
  }

  record Json(
      UUID id,
      OffsetDateTime receivedAt,
      boolean valid,
      String format,
      @Nullable String syntax,
      @Nullable String specification,
      @Nullable String leitwegId,
      @Nullable Recipient recipient,
      @Nullable String routingProblem,
      String status,
      @Nullable String statusReason,
      @Nullable UUID duplicateOf,
      @Nullable String invoiceNumber,
      @Nullable LocalDate issueDate,
      List<JsonFinding> errors,
      List<JsonFinding> warnings) {}

  record Recipient(String ars, String name) {}

  record JsonFinding(
      String rule, String severity, String location, String explanation, String message) {}
}
