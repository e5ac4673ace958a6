package de.amtsweg.einvoice.web;

import de.amtsweg.einvoice.EinvoiceException;
import de.amtsweg.einvoice.Einvoices;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Suppliers (members of an organisation in the Servicekonto) upload invoices at {@code
 * /konto/e-rechnungen}, see the validation report in German and the status of their invoices.
 */
@Controller
class SupplierController {

  private final Einvoices einvoices;
  private final Callers callers;
  private final InboxController inbox;
  private final MessageSource messages;

  SupplierController(
      Einvoices einvoices, Callers callers, InboxController inbox, MessageSource messages) {
    this.einvoices = einvoices;
    this.callers = callers;
    this.inbox = inbox;
    this.messages = messages;
  }

  @GetMapping("/konto/e-rechnungen")
  String list(Authentication auth, Model model) {
    model.addAttribute("invoices", einvoices.listForSupplier(callers.supplierOrganisations(auth)));
    model.addAttribute("supplier", !callers.supplierOrganisations(auth).isEmpty());
    model.addAttribute("maxMegabytes", einvoices.maxBytes() / (1024.0 * 1024.0));
    return "einvoice/supplier";
  }

  @PostMapping("/konto/e-rechnungen")
  String upload(
      Authentication auth,
      @RequestParam(required = false) @Nullable MultipartFile file,
      Model model,
      Locale locale)
      throws IOException {
    if (callers.supplierOrganisations(auth).isEmpty()) {
      return list(auth, model);
    }
    Einvoices.Submitter submitter =
        callers.submitter(auth, Einvoices.Channel.WEB, Optional.empty());
    try {
      byte[] content = file == null ? new byte[0] : file.getBytes();
      if (content.length > einvoices.maxBytes()) {
        throw EinvoiceException.tooLarge(einvoices.maxBytes());
      }
      return "redirect:/konto/e-rechnungen/" + einvoices.submit(submitter, content).id();
    } catch (EinvoiceException e) {
      model.addAttribute(
          "uploadError",
          messages.getMessage("problem." + e.type() + ".detail", e.detailArguments(), locale));
      return list(auth, model);
    }
  }

  @GetMapping("/konto/e-rechnungen/{id}")
  String invoice(Authentication auth, @PathVariable UUID id, Model model, Locale locale) {
    return inbox.show(
        einvoices.ofSupplier(callers.supplierOrganisations(auth), id), "supplier", model, locale);
  }

  @GetMapping("/konto/e-rechnungen/{id}/original")
  ResponseEntity<byte[]> original(Authentication auth, @PathVariable UUID id) {
    einvoices.ofSupplier(callers.supplierOrganisations(auth), id);
    return InboxController.download(einvoices.original(id), id);
  }
}
