package de.amtsweg.casework;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.delivery.Document;
import de.amtsweg.forms.AppDefinition;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bescheide of the case inbox: drafted from the tenant's template for the app, previewed as PDF,
 * sent as PDF/A into the applicant's Postfach; the case becomes BESCHIEDEN.
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

  /** A Bescheid that was sent. */
  public record Sent(UUID id, String sentBy, OffsetDateTime sentAt, boolean inPostfach) {}

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
                  List.of(
                      new PostfachMessage.File(
                          BescheidPdf.fileName(reference), "application/pdf", document))));
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into casework_bescheid (id, antrag_id, sent_by, text, pdf, postfach_message_id)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(id, vorgang.antragId(), who.username(), text, document, message)
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
    return new Sent(id, who.username(), now, message != null);
  }

  /** A Bescheid that was sent, as PDF; written to the audit log. */
  @Transactional
  public byte[] download(Caseworker who, String reference, UUID bescheidId) {
    Vorgang vorgang = cases.find(who, reference);
    byte[] document =
        jdbc.sql("select pdf from casework_bescheid where id = ? and antrag_id = ?")
            .params(bescheidId, vorgang.antragId())
            .query(byte[].class)
            .optional()
            .orElseThrow(CaseworkException.NotFound::new);
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
            "select id, sent_by, sent_at, postfach_message_id from casework_bescheid"
                + " where antrag_id = ? order by sent_at")
        .param(vorgang.antragId())
        .query(
            (rs, row) ->
                new Sent(
                    rs.getObject("id", UUID.class),
                    rs.getString("sent_by"),
                    rs.getObject("sent_at", OffsetDateTime.class),
                    rs.getObject("postfach_message_id") != null))
        .list();
  }
}
