package de.amtsweg.casework;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.delivery.Deliveries;
import de.amtsweg.delivery.Delivery;
import de.amtsweg.delivery.Document;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of a case and the ways an Antrag leaves the inbox (receipt, PDF, JSON, XML): every one
 * is a view of personal data and goes into the audit log.
 */
@Service
public class CaseFiles {

  private final JdbcClient jdbc;
  private final Cases cases;
  private final Deliveries deliveries;
  private final Postfach postfach;
  private final CaseAudit audit;

  CaseFiles(
      JdbcClient jdbc, Cases cases, Deliveries deliveries, Postfach postfach, CaseAudit audit) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.deliveries = deliveries;
    this.postfach = postfach;
    this.audit = audit;
  }

  /** A file the applicant uploaded. */
  @Transactional
  public Document.FileContent attachment(Caseworker who, String reference, UUID attachmentId) {
    Vorgang vorgang = cases.find(who, reference);
    Document.FileContent content;
    try {
      content = deliveries.file(cases.delivery(vorgang), attachmentId);
    } catch (de.amtsweg.delivery.DeliveryException.NotFound e) {
      throw new CaseworkException.NotFound();
    }
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.ATTACHMENT_DOWNLOADED,
        reference,
        vorgang.appId(),
        attachmentId.toString());
    return content;
  }

  /** A file the applicant attached to a reply to one of the case's questions. */
  @Transactional
  public PostfachMessage.File replyAttachment(
      Caseworker who, String reference, UUID replyId, UUID attachmentId) {
    Vorgang vorgang = cases.find(who, reference);
    boolean ours =
        jdbc.sql("select count(*) from casework_reply where reply_id = ? and antrag_id = ?")
                .params(replyId, vorgang.antragId())
                .query(Long.class)
                .single()
            == 1;
    if (!ours) {
      throw new CaseworkException.NotFound();
    }
    PostfachMessage.File file =
        postfach.attachmentOfReplyTo(who.tenantArs(), replyId, attachmentId);
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.REPLY_ATTACHMENT_DOWNLOADED,
        reference,
        vorgang.appId(),
        attachmentId.toString());
    return file;
  }

  /** How an Antrag leaves the inbox. */
  public enum Export {
    RECEIPT(AuditAction.RECEIPT_DOWNLOADED),
    PDF(AuditAction.EXPORTED_PDF),
    JSON(AuditAction.EXPORTED_JSON),
    XML(AuditAction.EXPORTED_XML);

    final AuditAction action;

    Export(AuditAction action) {
      this.action = action;
    }
  }

  /** The Antrag with its receipt, for a download or an export; written to the audit log. */
  public record Exported(Document antrag, byte[] receipt) {}

  @Transactional
  public Exported export(Caseworker who, String reference, Export kind) {
    Vorgang vorgang = cases.find(who, reference);
    Delivery delivery = cases.delivery(vorgang);
    Document antrag = deliveries.document(delivery);
    audit.record(who.tenantArs(), who.username(), kind.action, reference, vorgang.appId(), null);
    return new Exported(antrag, deliveries.receipt(delivery));
  }
}
