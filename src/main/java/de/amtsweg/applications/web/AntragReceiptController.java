package de.amtsweg.applications.web;

import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragPayments;
import de.amtsweg.applications.AntragTimelines;
import de.amtsweg.applications.Attachments;
import de.amtsweg.applications.Drafts;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.payment.PaymentStatus;
import de.amtsweg.platform.Money;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the applicant takes away: the confirmation page of a submitted Antrag (or one waiting for
 * its fee), its receipt as PDF, and the files uploaded to a draft.
 */
@Controller
class AntragReceiptController {

  private final ApplicantAccess access;
  private final AppStore store;
  private final AntragManagement antraege;
  private final AntragPayments antragPayments;
  private final Attachments attachments;
  private final AntragTimelines timelines;

  /** Payment states after which the Antrag still waits and the applicant can pay again. */
  private static final Set<PaymentStatus> FAILED =
      EnumSet.of(PaymentStatus.FAILED, PaymentStatus.CANCELLED, PaymentStatus.EXPIRED);

  AntragReceiptController(
      ApplicantAccess access,
      AppStore store,
      AntragManagement antraege,
      AntragPayments antragPayments,
      Attachments attachments,
      AntragTimelines timelines) {
    this.timelines = timelines;
    this.access = access;
    this.store = store;
    this.antraege = antraege;
    this.antragPayments = antragPayments;
    this.attachments = attachments;
  }

  @GetMapping("/antrag/eingang/{reference}")
  String confirmation(
      @PathVariable String reference,
      @RequestParam(required = false) @Nullable String token,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    Antrag antrag = access.antrag(reference, token, request, authentication);
    String receiptToken =
        token != null ? token : AntragSession.receiptToken(request.getSession(), reference);
    UUID citizen = Citizens.id(authentication);
    model.addAttribute("antrag", antrag);
    model.addAttribute(
        "appName",
        store.version(antrag.appId(), antrag.appVersion()).definition().name().in(locale));
    model.addAttribute(
        "receiptUrl",
        "/antrag/eingang/"
            + reference
            + "/eingangsbestaetigung.pdf"
            + (receiptToken != null && citizen == null ? "?token=" + receiptToken : ""));
    model.addAttribute("citizen", citizen);
    model.addAttribute(
        "mailWithheld",
        citizen == null
            && antrag.contactEmail() != null
            && antraege.receiptMailWithheld(antrag.id()));
    AntragPayments.Due due = antragPayments.due(antrag).orElse(null);
    model.addAttribute("due", due);
    model.addAttribute("dueAmount", due == null ? null : Money.euros(due.amountCents()));
    model.addAttribute("token", token);
    model.addAttribute(
        "paymentFailed",
        antrag.waitingForPayment()
            && due != null
            && due.payable()
            && due.payment() != null
            && FAILED.contains(due.status()));
    model.addAttribute("next", timelines.next(antrag, locale));
    model.addAttribute(
        "statusUrl",
        "/antrag/status/"
            + reference
            + (token != null && citizen == null ? "?token=" + token : ""));
    return "applications/done";
  }

  @GetMapping("/antrag/eingang/{reference}/eingangsbestaetigung.pdf")
  ResponseEntity<byte[]> receipt(
      @PathVariable String reference,
      @RequestParam(required = false) @Nullable String token,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    Antrag antrag = access.antrag(reference, token, request, authentication);
    if (antrag.waitingForPayment()) {
      throw new AntragManagement.AntragNotFoundException();
    }
    return Downloads.attachment(
        "Eingangsbestaetigung-" + reference + ".pdf",
        MediaType.APPLICATION_PDF_VALUE,
        antraege.receipt(antrag.id()));
  }

  /** A file uploaded to the draft, for its applicant only. */
  @GetMapping("/antrag/{appId}/{draftId}/datei/{fileId}")
  ResponseEntity<byte[]> file(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @PathVariable UUID fileId,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    access.draft(appId, draftId, request, authentication);
    Attachments.Content content =
        attachments.ofDraft(draftId, fileId).orElseThrow(Drafts.DraftNotFoundException::new);
    return Downloads.attachment(content.name(), content.contentType(), content.bytes());
  }
}
