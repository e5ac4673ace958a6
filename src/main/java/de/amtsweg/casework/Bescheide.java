package de.amtsweg.casework;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.delivery.Document;
import de.amtsweg.forms.AppDefinition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bescheide of the case inbox: drafted from the tenant's template for the app, previewed as PDF,
 * sent as PDF/A into the applicant's Postfach together with the documents the caseworker attached
 * (the certificate itself, say); the case becomes BESCHIEDEN. When the applicant chose the post (an
 * answer {@code zustellung} = {@code post}) or has no Postfach, the Bescheid is marked for the post
 * and its print (Bescheid and attachments in one PDF) is offered for download.
 */
@Service
public class Bescheide {

  /** Authorities write to citizens in German, as the rest of the Postfach does. */
  private static final Locale AUTHORITY_LOCALE = Locale.GERMAN;

  private final JdbcClient jdbc;
  private final Cases cases;
  private final VorgangStatusGate gate;
  private final BescheidTemplates templates;
  private final BescheidPdf pdf;
  private final Postfach postfach;
  private final CaseAudit audit;
  private final MessageSource messages;

  Bescheide(
      JdbcClient jdbc,
      Cases cases,
      VorgangStatusGate gate,
      BescheidTemplates templates,
      BescheidPdf pdf,
      Postfach postfach,
      CaseAudit audit,
      MessageSource messages) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.gate = gate;
    this.templates = templates;
    this.pdf = pdf;
    this.postfach = postfach;
    this.audit = audit;
    this.messages = messages;
  }

  /** Most documents attached to one Bescheid. */
  public static final int MAX_ATTACHMENTS = 10;

  /** The answer of an app that says how the applicant wants the result, and its postal value. */
  static final String DELIVERY_ANSWER = "zustellung";

  static final String BY_POST = "post";

  /**
   * A Bescheid that was sent.
   *
   * @param postal whether it is to be sent by post as well (its print is offered)
   * @param attachments how many documents went with it
   */
  public record Sent(
      UUID id,
      String sentBy,
      OffsetDateTime sentAt,
      boolean inPostfach,
      boolean postal,
      int attachments) {}

  /** A document attached to the Bescheid being written, before it is sent. */
  public record Attachment(UUID id, String fileName, String contentType, int size) {}

  /** The Bescheid text from the tenant's template for the app, with the case's values filled in. */
  public String draft(Caseworker who, String reference) {
    Vorgang vorgang = cases.find(who, reference);
    Document antrag = cases.antrag(vorgang);
    BescheidTemplates.Template template = templates.of(who.tenantArs(), vorgang.appId()).template();
    return templates.fill(template.body(), antrag, cases.definition(antrag), OffsetDateTime.now());
  }

  /** The Bescheid as it would be sent, as PDF; written to the audit log. */
  @Transactional
  public byte[] preview(Caseworker who, String reference, String text) {
    Vorgang vorgang = cases.find(who, reference);
    Document antrag = cases.antrag(vorgang);
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.BESCHEID_PREVIEWED,
        reference,
        vorgang.appId(),
        null);
    return pdf.render(antrag, cases.definition(antrag), text, OffsetDateTime.now());
  }

  /**
   * Sends the Bescheid: the PDF goes into the applicant's Postfach (when they have a Servicekonto),
   * the case becomes BESCHIEDEN and the timeline links to the message.
   *
   * @throws CaseworkException.StatusTransition when the case cannot be decided now
   */
  @Transactional
  public Sent send(Caseworker who, String reference, String text) {
    Vorgang vorgang = cases.lock(who, reference);
    if (!vorgang.status().canBecome(VorgangStatus.BESCHIEDEN)) {
      throw new CaseworkException.StatusTransition(vorgang.status(), VorgangStatus.BESCHIEDEN);
    }
    Document antrag = cases.antrag(vorgang);
    AppDefinition app = cases.definition(antrag);
    OffsetDateTime now = OffsetDateTime.now();
    byte[] document = pdf.render(antrag, app, text, now);
    List<PostfachMessage.File> attached = stagedFiles(vorgang);
    List<PostfachMessage.File> files = new ArrayList<>();
    files.add(
        new PostfachMessage.File(BescheidPdf.fileName(reference), "application/pdf", document));
    files.addAll(attached);
    UUID message = null;
    if (antrag.accountId() != null) {
      String subject =
          templates.fill(
              templates.of(who.tenantArs(), vorgang.appId()).template().subject(),
              antrag,
              app,
              now);
      String body =
          messages.getMessage(
              "casework.bescheid.postfach.body", new Object[] {reference}, AUTHORITY_LOCALE);
      message =
          postfach.deliver(
              antrag.accountId(),
              new Postfach.NewMessage(
                  PostfachMessage.Kind.BESCHEID,
                  antrag.tenantArs(),
                  antrag.authority(),
                  reference,
                  subject,
                  body,
                  files));
    }
    boolean postal = message == null || BY_POST.equals(antrag.data().get(DELIVERY_ANSWER));
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into casework_bescheid (id, antrag_id, sent_by, text, pdf, postfach_message_id,"
                + " postal) values (?, ?, ?, ?, ?, ?, ?)")
        .params(id, vorgang.antragId(), who.username(), text, document, message, postal)
        .update();
    jdbc.sql(
            "update casework_bescheid_attachment set bescheid_id = ?"
                + " where antrag_id = ? and bescheid_id is null")
        .params(id, vorgang.antragId())
        .update();
    gate.change(
        vorgang,
        VorgangStatus.BESCHIEDEN,
        message == null ? null : message.toString(),
        who.username(),
        "Bescheid sent");
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.BESCHEID_SENT,
        reference,
        vorgang.appId(),
        null);
    return new Sent(id, who.username(), now, message != null, postal, attached.size());
  }

  /** The documents attached to the Bescheid being written, in the order they were added. */
  public List<Attachment> attachments(Caseworker who, String reference) {
    Vorgang vorgang = cases.find(who, reference);
    return jdbc.sql(
            "select id, file_name, content_type, size_bytes from casework_bescheid_attachment"
                + " where antrag_id = ? and bescheid_id is null order by added_at, id")
        .param(vorgang.antragId())
        .query(
            (rs, row) ->
                new Attachment(
                    rs.getObject("id", UUID.class),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getInt("size_bytes")))
        .list();
  }

  /**
   * Attaches a document to the Bescheid being written: PDF, JPEG or PNG up to the Postfach's limit,
   * judged by its bytes.
   *
   * @throws de.amtsweg.account.PostfachException when the file is refused
   * @throws CaseworkException.TooManyAttachments beyond {@link #MAX_ATTACHMENTS}
   */
  @Transactional
  public Attachment attach(Caseworker who, String reference, PostfachMessage.File file) {
    Vorgang vorgang = cases.lock(who, reference);
    PostfachMessage.File checked = Postfach.document(file);
    long staged =
        jdbc.sql(
                "select count(*) from casework_bescheid_attachment"
                    + " where antrag_id = ? and bescheid_id is null")
            .param(vorgang.antragId())
            .query(Long.class)
            .single();
    if (staged >= MAX_ATTACHMENTS) {
      throw new CaseworkException.TooManyAttachments(MAX_ATTACHMENTS);
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into casework_bescheid_attachment (id, antrag_id, file_name, content_type,"
                + " size_bytes, content, added_by) values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            vorgang.antragId(),
            checked.fileName(),
            checked.contentType(),
            checked.content().length,
            checked.content(),
            who.username())
        .update();
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.BESCHEID_ATTACHMENT_ADDED,
        reference,
        vorgang.appId(),
        null);
    return new Attachment(id, checked.fileName(), checked.contentType(), checked.content().length);
  }

  /** Removes a document from the Bescheid being written; one already sent stays. */
  @Transactional
  public void detach(Caseworker who, String reference, UUID attachmentId) {
    Vorgang vorgang = cases.lock(who, reference);
    int removed =
        jdbc.sql(
                "delete from casework_bescheid_attachment"
                    + " where id = ? and antrag_id = ? and bescheid_id is null")
            .params(attachmentId, vorgang.antragId())
            .update();
    if (removed == 0) {
      throw new CaseworkException.NotFound();
    }
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.BESCHEID_ATTACHMENT_REMOVED,
        reference,
        vorgang.appId(),
        null);
  }

  /**
   * The print of a sent Bescheid for the post: the Bescheid and its attachments in one PDF; written
   * to the audit log.
   */
  @Transactional
  public byte[] printForPost(Caseworker who, String reference, UUID bescheidId) {
    Vorgang vorgang = cases.find(who, reference);
    byte[] document = sentPdf(vorgang, bescheidId);
    List<PostalPrint.Part> parts =
        jdbc.sql(
                "select content_type, content from casework_bescheid_attachment"
                    + " where bescheid_id = ? order by added_at, id")
            .param(bescheidId)
            .query(
                (rs, row) ->
                    new PostalPrint.Part(rs.getString("content_type"), rs.getBytes("content")))
            .list();
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.BESCHEID_POSTAL_PRINTED,
        reference,
        vorgang.appId(),
        null);
    return PostalPrint.of(document, parts);
  }

  /** The PDF of a Bescheid of this Vorgang; not found for another Vorgang's Bescheid. */
  private byte[] sentPdf(Vorgang vorgang, UUID bescheidId) {
    return jdbc.sql("select pdf from casework_bescheid where id = ? and antrag_id = ?")
        .params(bescheidId, vorgang.antragId())
        .query(byte[].class)
        .optional()
        .orElseThrow(CaseworkException.NotFound::new);
  }

  private List<PostfachMessage.File> stagedFiles(Vorgang vorgang) {
    return jdbc.sql(
            "select file_name, content_type, content from casework_bescheid_attachment"
                + " where antrag_id = ? and bescheid_id is null order by added_at, id")
        .param(vorgang.antragId())
        .query(
            (rs, row) ->
                new PostfachMessage.File(
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getBytes("content")))
        .list();
  }

  /** A Bescheid that was sent, as PDF; written to the audit log. */
  @Transactional
  public byte[] download(Caseworker who, String reference, UUID bescheidId) {
    Vorgang vorgang = cases.find(who, reference);
    byte[] document = sentPdf(vorgang, bescheidId);
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.BESCHEID_DOWNLOADED,
        reference,
        vorgang.appId(),
        null);
    return document;
  }

  /** The Bescheide sent in a case, oldest first. */
  List<Sent> of(Vorgang vorgang) {
    return jdbc.sql(
            "select b.id, b.sent_by, b.sent_at, b.postfach_message_id, b.postal,"
                + " (select count(*) from casework_bescheid_attachment a where a.bescheid_id = b.id)"
                + " as attachments from casework_bescheid b where b.antrag_id = ? order by b.sent_at")
        .param(vorgang.antragId())
        .query(
            (rs, row) ->
                new Sent(
                    rs.getObject("id", UUID.class),
                    rs.getString("sent_by"),
                    rs.getObject("sent_at", OffsetDateTime.class),
                    rs.getObject("postfach_message_id") != null,
                    rs.getBoolean("postal"),
                    rs.getInt("attachments")))
        .list();
  }
}
