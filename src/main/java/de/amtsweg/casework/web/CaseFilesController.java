package de.amtsweg.casework.web;

import de.amtsweg.account.PostfachMessage;
import de.amtsweg.casework.CaseFiles;
import de.amtsweg.casework.Caseworker;
import de.amtsweg.delivery.Document;
import de.amtsweg.tenancy.TenantStaff;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/** Downloads of a case: the applicant's files, the receipt, and the Antrag as PDF, JSON or XML. */
@Controller
class CaseFilesController {

  static final String BASE = CaseInboxController.BASE;

  private final CaseFiles files;
  private final JsonMapper json;

  CaseFilesController(CaseFiles files, JsonMapper json) {
    this.files = files;
    this.json = json;
  }

  @GetMapping(BASE + "/{reference}/anhaenge/{id}")
  ResponseEntity<byte[]> attachment(
      TenantStaff member, @PathVariable String reference, @PathVariable UUID id) {
    Document.FileContent file = files.attachment(Staff.of(member), reference, id);
    return Staff.download(file.name(), file.contentType(), file.bytes());
  }

  @GetMapping(BASE + "/{reference}/antworten/{reply}/anhaenge/{id}")
  ResponseEntity<byte[]> replyAttachment(
      TenantStaff member,
      @PathVariable String reference,
      @PathVariable UUID reply,
      @PathVariable UUID id) {
    PostfachMessage.File file = files.replyAttachment(Staff.of(member), reference, reply, id);
    return Staff.download(file.fileName(), file.contentType(), file.content());
  }

  @GetMapping(BASE + "/{reference}/eingangsbestaetigung.pdf")
  ResponseEntity<byte[]> receipt(TenantStaff member, @PathVariable String reference) {
    CaseFiles.Exported exported =
        files.export(Staff.of(member), reference, CaseFiles.Export.RECEIPT);
    return Staff.download(
        "Eingangsbestaetigung-" + reference + ".pdf",
        MediaType.APPLICATION_PDF_VALUE,
        exported.receipt());
  }

  @GetMapping(BASE + "/{reference}/export.{format}")
  ResponseEntity<byte[]> export(
      TenantStaff member, @PathVariable String reference, @PathVariable String format) {
    Caseworker who = Staff.of(member);
    return switch (format) {
      case "pdf" ->
          Staff.download(
              "Antrag-" + reference + ".pdf",
              MediaType.APPLICATION_PDF_VALUE,
              files.export(who, reference, CaseFiles.Export.PDF).receipt());
      case "json" ->
          Staff.download(
              "Antrag-" + reference + ".json",
              MediaType.APPLICATION_JSON_VALUE,
              json.writeValueAsBytes(
                  exportJson(files.export(who, reference, CaseFiles.Export.JSON).antrag())));
      case "xml" -> {
        String xml = files.export(who, reference, CaseFiles.Export.XML).antrag().xml();
        yield Staff.download(
            "Antrag-" + reference + ".xml",
            MediaType.APPLICATION_XML_VALUE,
            (xml == null ? "" : xml).getBytes(StandardCharsets.UTF_8));
      }
      default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    };
  }

  private static Map<String, Object> exportJson(Document antrag) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reference", antrag.reference());
    out.put("appId", antrag.subject());
    out.put("appVersion", antrag.subjectVersion());
    out.put("tenantArs", antrag.tenantArs());
    out.put("authority", antrag.authority());
    out.put("status", antrag.status());
    out.put("submittedAt", antrag.submittedAt().toString());
    out.put("applicantName", antrag.applicantName());
    out.put("contactEmail", antrag.contactEmail());
    out.put("fee", antrag.fee());
    out.put("answers", antrag.data());
    out.put("computed", antrag.computed());
    return out;
  }
}
