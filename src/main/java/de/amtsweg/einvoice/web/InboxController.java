package de.amtsweg.einvoice.web;

import de.amtsweg.einvoice.Einvoices;
import de.amtsweg.einvoice.InvoiceData;
import de.amtsweg.tenancy.TenantStaff;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The invoice inbox: tenant staff see the invoices routed to their tenant ({@code
 * /verwaltung/e-rechnungen}), the operator every invoice including rejected and unroutable ones
 * ({@code /admin/e-rechnungen}). Staff of another tenant get 404.
 */
@Controller
class InboxController {

  private final Einvoices einvoices;
  private final Explanations explanations;

  InboxController(Einvoices einvoices, Explanations explanations) {
    this.einvoices = einvoices;
    this.explanations = explanations;
  }

  @GetMapping("/verwaltung/e-rechnungen")
  String inbox(
      TenantStaff staff,
      Model model,
      @RequestParam(required = false) Einvoices.@Nullable Status status,
      @RequestParam(required = false) @Nullable String supplier,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate to,
      @RequestParam(required = false) @Nullable BigDecimal minAmount,
      @RequestParam(required = false) @Nullable BigDecimal maxAmount,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          @Nullable LocalDate dueBefore) {
    Einvoices.Filter filter =
        new Einvoices.Filter(status, supplier, from, to, minAmount, maxAmount, dueBefore);
    model.addAttribute("invoices", einvoices.listForTenant(staff.tenant().slug(), filter));
    model.addAttribute("filter", filter);
    model.addAttribute(
        "statuses",
        List.of(Einvoices.Status.values()).subList(1, Einvoices.Status.values().length));
    model.addAttribute("operator", false);
    model.addAttribute("exportAdmin", staff.isTenantAdmin());
    return "einvoice/inbox";
  }

  @GetMapping("/verwaltung/e-rechnungen/{id}")
  String invoice(TenantStaff staff, @PathVariable UUID id, Model model, Locale locale) {
    return show(einvoices.ofTenant(staff.tenant().slug(), id), "staff", model, locale);
  }

  @PostMapping("/verwaltung/e-rechnungen/{id}/status")
  String changeStatus(
      TenantStaff staff,
      @PathVariable UUID id,
      @RequestParam Einvoices.Status status,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam int version,
      RedirectAttributes redirect) {
    if (status == Einvoices.Status.EXPORTIERT) {
      // Outside a transaction: the finance system may take a while to answer.
      Einvoices.Invoice invoice = einvoices.export(staff.tenant().slug(), id, version);
      redirect.addFlashAttribute(
          invoice.status() == Einvoices.Status.EXPORTIERT ? "changed" : "exportFailed",
          status.name());
      return "redirect:/verwaltung/e-rechnungen/" + id;
    }
    einvoices.changeStatus(staff.tenant().slug(), id, status, reason, version);
    redirect.addFlashAttribute("changed", status.name());
    return "redirect:/verwaltung/e-rechnungen/" + id;
  }

  @GetMapping("/verwaltung/e-rechnungen/{id}/original")
  ResponseEntity<byte[]> original(TenantStaff staff, @PathVariable UUID id) {
    einvoices.ofTenant(staff.tenant().slug(), id);
    return download(einvoices.original(id), id);
  }

  @GetMapping("/verwaltung/e-rechnungen/{id}/anhaenge/{index}")
  ResponseEntity<byte[]> attachment(
      TenantStaff staff, @PathVariable UUID id, @PathVariable int index) {
    einvoices.ofTenant(staff.tenant().slug(), id);
    List<InvoiceData.Attachment> attachments =
        einvoices.data(id).map(InvoiceData::attachments).orElse(List.of());
    if (index < 0 || index >= attachments.size()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    InvoiceData.Attachment a = attachments.get(index);
    MediaType type;
    try {
      type = MediaType.parseMediaType(a.mimeType());
    } catch (RuntimeException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(a.filename(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(a.content());
  }

  @GetMapping("/admin/e-rechnungen")
  String all(Model model, @RequestParam(required = false) Einvoices.@Nullable Status status) {
    model.addAttribute(
        "invoices",
        einvoices.listAll(new Einvoices.Filter(status, null, null, null, null, null, null)));
    model.addAttribute("filter", new Einvoices.Filter(status, null, null, null, null, null, null));
    model.addAttribute("statuses", List.of(Einvoices.Status.values()));
    model.addAttribute("operator", true);
    return "einvoice/inbox";
  }

  @GetMapping("/admin/e-rechnungen/{id}")
  String operatorInvoice(@PathVariable UUID id, Model model, Locale locale) {
    return show(einvoices.any(id), "operator", model, locale);
  }

  @GetMapping("/admin/e-rechnungen/{id}/original")
  ResponseEntity<byte[]> operatorOriginal(@PathVariable UUID id) {
    return download(einvoices.original(id), id);
  }

  String show(Einvoices.Invoice invoice, String view, Model model, Locale locale) {
    model.addAttribute("invoice", invoice);
    model.addAttribute("data", einvoices.data(invoice.id()).orElse(null));
    model.addAttribute("view", view);
    model.addAttribute(
        "explanations",
        invoice.findings().stream().map(f -> explanations.explain(f, locale)).toList());
    model.addAttribute(
        "routing",
        invoice.routingProblem() == null
            ? null
            : explanations.routing(invoice.routingProblem(), locale));
    model.addAttribute("next", invoice.status().next());
    return "einvoice/invoice";
  }

  static ResponseEntity<byte[]> download(Einvoices.Original original, UUID id) {
    String name =
        "rechnung-" + id + ("application/pdf".equals(original.contentType()) ? ".pdf" : ".xml");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(original.contentType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(original.content());
  }
}
