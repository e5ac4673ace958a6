package de.amtsweg.casework;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.account.PostfachReplySent;
import de.amtsweg.delivery.BackChannel;
import de.amtsweg.delivery.Deliveries;
import de.amtsweg.delivery.Delivery;
import de.amtsweg.delivery.Document;
import de.amtsweg.delivery.DocumentType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions to the applicant (Rückfragen) through their Postfach, and their replies: a question
 * puts the case into RUECKFRAGE, a reply belongs to the case it answers and goes onto the
 * applicant's timeline.
 */
@Service
public class Rueckfragen {

  /** Authorities write to citizens in German, as the rest of the Postfach does. */
  private static final Locale AUTHORITY_LOCALE = Locale.GERMAN;

  /** Timeline entry when the applicant answered a question ({@code applications.event.ANTWORT}). */
  static final String EVENT_ANSWERED = "ANTWORT";

  private final JdbcClient jdbc;
  private final Cases cases;
  private final VorgangStatusGate gate;
  private final Deliveries deliveries;
  private final BackChannel backChannel;
  private final Postfach postfach;
  private final CaseAudit audit;
  private final MessageSource messages;

  Rueckfragen(
      JdbcClient jdbc,
      Cases cases,
      VorgangStatusGate gate,
      Deliveries deliveries,
      BackChannel backChannel,
      Postfach postfach,
      CaseAudit audit,
      MessageSource messages) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.gate = gate;
    this.deliveries = deliveries;
    this.backChannel = backChannel;
    this.postfach = postfach;
    this.audit = audit;
    this.messages = messages;
  }

  /** A question to the applicant with the replies it got. */
  public record Question(
      UUID messageId,
      String askedBy,
      String text,
      OffsetDateTime askedAt,
      List<PostfachMessage> replies) {}

  /**
   * Asks the applicant a question through their Postfach; the case becomes RUECKFRAGE (unless it is
   * already) and the question goes on the timeline with a link to the message.
   *
   * @throws CaseworkException.NoPostfach when the applicant has no Servicekonto
   */
  @Transactional
  public UUID ask(Caseworker who, String reference, String text) {
    Vorgang vorgang = cases.lock(who, reference);
    Document antrag = cases.antrag(vorgang);
    if (antrag.accountId() == null) {
      throw new CaseworkException.NoPostfach();
    }
    String subject =
        messages.getMessage(
            "casework.question.subject", new Object[] {reference}, AUTHORITY_LOCALE);
    UUID message =
        postfach.deliver(
            antrag.accountId(),
            new Postfach.NewMessage(
                PostfachMessage.Kind.QUESTION,
                antrag.tenantArs(),
                antrag.authority(),
                reference,
                subject,
                text,
                List.of()));
    jdbc.sql(
            "insert into casework_question (message_id, antrag_id, asked_by, text) values (?, ?, ?, ?)")
        .params(message, vorgang.antragId(), who.username(), text)
        .update();
    if (vorgang.status().canBecome(VorgangStatus.RUECKFRAGE)) {
      gate.change(
          vorgang, VorgangStatus.RUECKFRAGE, message.toString(), who.username(), "question asked");
    } else {
      backChannel.record(
          cases.delivery(vorgang), null, VorgangStatus.RUECKFRAGE.name(), message.toString());
    }
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.QUESTION_SENT,
        reference,
        vorgang.appId(),
        null);
    return message;
  }

  /**
   * A reply to one of our questions belongs to its case and goes on the applicant's timeline. After
   * the reply is committed, and again after a restart if the node stopped first.
   */
  @ApplicationModuleListener(id = "Rueckfragen.onReply")
  void on(PostfachReplySent sent) {
    List<UUID> antraege =
        jdbc.sql("select antrag_id from casework_question where message_id = ?")
            .param(sent.inReplyTo())
            .query(UUID.class)
            .list();
    for (UUID antragId : antraege) {
      int recorded =
          jdbc.sql(
                  "insert into casework_reply (reply_id, antrag_id, message_id) values (?, ?, ?)"
                      + " on conflict do nothing")
              .params(sent.replyId(), antragId, sent.inReplyTo())
              .update();
      if (recorded == 1) {
        deliveries.ofDocument(DocumentType.ANTRAG, antragId).ifPresent(this::answered);
      }
    }
  }

  private void answered(Delivery delivery) {
    backChannel.record(delivery, null, EVENT_ANSWERED, null);
  }

  /** The questions of a case with their replies, oldest first. */
  List<Question> of(Caseworker who, Vorgang vorgang) {
    record Row(UUID messageId, String askedBy, String text, OffsetDateTime askedAt) {}
    List<Row> rows =
        jdbc.sql("select * from casework_question where antrag_id = ? order by asked_at")
            .param(vorgang.antragId())
            .query(
                (rs, row) ->
                    new Row(
                        rs.getObject("message_id", UUID.class),
                        rs.getString("asked_by"),
                        rs.getString("text"),
                        rs.getObject("asked_at", OffsetDateTime.class)))
            .list();
    Map<UUID, List<UUID>> replies = new HashMap<>();
    jdbc.sql(
            "select reply_id, message_id from casework_reply where antrag_id = ? order by received_at")
        .param(vorgang.antragId())
        .query(
            (rs, row) ->
                replies
                    .computeIfAbsent(rs.getObject("message_id", UUID.class), k -> new ArrayList<>())
                    .add(rs.getObject("reply_id", UUID.class)))
        .list();
    return rows.stream()
        .map(
            r ->
                new Question(
                    r.messageId(),
                    r.askedBy(),
                    r.text(),
                    r.askedAt(),
                    replies.getOrDefault(r.messageId(), List.of()).stream()
                        .map(id -> postfach.replyTo(who.tenantArs(), id))
                        .toList()))
        .toList();
  }
}
