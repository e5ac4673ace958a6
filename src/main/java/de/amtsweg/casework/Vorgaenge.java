package de.amtsweg.casework;

import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.account.PostfachReplySent;
import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragStatus;
import de.amtsweg.applications.Attachments;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.delivery.CaseInboxDelivered;
import de.amtsweg.delivery.Deliveries;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.platform.StaffDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case inbox. A case is created in the transaction that hands the Antrag to the inbox; every
 * lookup afterwards is scoped to the caseworker's tenant (another tenant's case is "not found" and
 * leaves no audit entry), every view of personal data writes an audit entry in the same
 * transaction, and every change of status goes through {@link AntragManagement#changeStatus} and
 * onto the applicant's timeline. Logs carry references and states, never answers or texts.
 */
@Service
public class Vorgaenge {

  private static final Logger log = LoggerFactory.getLogger(Vorgaenge.class);

  /** Authorities write to citizens in German, as the rest of the Postfach does. */
  private static final Locale AUTHORITY_LOCALE = Locale.GERMAN;

  public static final int MAX_TEXT = Postfach.MAX_TEXT;

  /** Timeline entry when the applicant answered a question ({@code applications.event.ANTWORT}). */
  static final String EVENT_ANSWERED = "ANTWORT";

  private final JdbcClient jdbc;
  private final AntragManagement antraege;
  private final Attachments attachments;
  private final Deliveries deliveries;
  private final Postfach postfach;
  private final AppStore store;
  private final StaffDirectory staff;
  private final BescheidTemplates templates;
  private final BescheidPdf bescheidPdf;
  private final CaseAudit audit;
  private final MessageSource messages;
  private final CaseworkProperties properties;

  Vorgaenge(
      JdbcClient jdbc,
      AntragManagement antraege,
      Attachments attachments,
      Deliveries deliveries,
      Postfach postfach,
      AppStore store,
      StaffDirectory staff,
      BescheidTemplates templates,
      BescheidPdf bescheidPdf,
      CaseAudit audit,
      MessageSource messages,
      CaseworkProperties properties) {
    this.jdbc = jdbc;
    this.antraege = antraege;
    this.attachments = attachments;
    this.deliveries = deliveries;
    this.postfach = postfach;
    this.store = store;
    this.staff = staff;
    this.templates = templates;
    this.bescheidPdf = bescheidPdf;
    this.audit = audit;
    this.messages = messages;
    this.properties = properties;
  }

  // --- events ---

  /** In the transaction that hands the Antrag to the inbox: the case exists with the delivery. */
  @EventListener
  void on(CaseInboxDelivered delivered) {
    Antrag antrag = antraege.get(delivered.antragId());
    jdbc.sql(
            """
            insert into casework_case (antrag_id, reference, tenant_ars, app_id, status, submitted_at, fell_back)
            values (?, ?, ?, ?, ?, ?, ?) on conflict (antrag_id) do nothing
            """)
        .params(
            antrag.id(),
            antrag.reference(),
            antrag.tenantArs(),
            antrag.appId(),
            antrag.status().name(),
            antrag.submittedAt(),
            delivered.fellBack())
        .update();
    log.info("Case {} opened in the inbox of {}", antrag.reference(), antrag.tenantArs());
  }

  /** A reply to one of our questions belongs to its case and goes on the applicant's timeline. */
  @EventListener
  void on(PostfachReplySent sent) {
    List<UUID> cases =
        jdbc.sql("select antrag_id from casework_question where message_id = ?")
            .param(sent.inReplyTo())
            .query(UUID.class)
            .list();
    for (UUID antragId : cases) {
      jdbc.sql(
              "insert into casework_reply (reply_id, antrag_id, message_id) values (?, ?, ?) on conflict do nothing")
          .params(sent.replyId(), antragId, sent.inReplyTo())
          .update();
      antraege.addEvent(antragId, EVENT_ANSWERED, null);
    }
  }

  // --- the inbox ---

  /**
   * What the inbox shows; every part is optional.
   *
   * @param assignee {@code me}, {@code none} or a colleague's user name
   * @param from submitted on or after this day (Berlin time)
   * @param to submitted on or before this day
   */
  public record Filter(
      @Nullable String appId,
      @Nullable AntragStatus status,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable String assignee) {}

  /** One page of cases, newest first. */
  public record Page(List<Vorgang> cases, int page, int size, long total) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  public static final String ASSIGNED_TO_ME = "me";
  public static final String UNASSIGNED = "none";

  /** The caseworker's tenant's cases matching the filter. */
  public Page search(Caseworker who, Filter filter, int page) {
    String where =
        """
        where tenant_ars = :tenant
          and (cast(:app as text) is null or app_id = :app)
          and (cast(:status as text) is null or status = :status)
          and (cast(:from as timestamptz) is null or submitted_at >= :from)
          and (cast(:to as timestamptz) is null or submitted_at < :to)
          and (cast(:assignee as text) is null or (:assignee = '' and assignee is null) or assignee = :assignee)
        """;
    String assignee =
        filter.assignee() == null || filter.assignee().isBlank()
            ? null
            : ASSIGNED_TO_ME.equals(filter.assignee())
                ? who.username()
                : UNASSIGNED.equals(filter.assignee()) ? "" : filter.assignee();
    OffsetDateTime from =
        filter.from() == null
            ? null
            : filter.from().atStartOfDay(CaseAudit.ZONE).toOffsetDateTime();
    OffsetDateTime to =
        filter.to() == null
            ? null
            : filter.to().plusDays(1).atStartOfDay(CaseAudit.ZONE).toOffsetDateTime();
    String status = filter.status() == null ? null : filter.status().name();
    int size = properties.pageSize();
    long total =
        jdbc.sql("select count(*) from casework_case " + where)
            .param("tenant", who.tenantArs())
            .param("app", filter.appId())
            .param("status", status)
            .param("from", from)
            .param("to", to)
            .param("assignee", assignee)
            .query(Long.class)
            .single();
    List<Vorgang> cases =
        jdbc.sql(
                "select * from casework_case "
                    + where
                    + " order by submitted_at desc, reference desc limit :size offset :offset")
            .param("tenant", who.tenantArs())
            .param("app", filter.appId())
            .param("status", status)
            .param("from", from)
            .param("to", to)
            .param("assignee", assignee)
            .param("size", size)
            .param("offset", (long) Math.max(0, page) * size)
            .query(Vorgaenge::map)
            .list();
    return new Page(cases, Math.max(0, page), size, total);
  }

  /** The apps the tenant has cases of. */
  public List<String> appIds(Caseworker who) {
    return jdbc.sql(
            "select distinct app_id from casework_case where tenant_ars = ? order by app_id")
        .param(who.tenantArs())
        .query(String.class)
        .list();
  }

  /** The tenant's caseworkers and admins, to assign cases to. */
  public List<StaffDirectory.StaffMember> colleagues(Caseworker who) {
    return staff.ofTenant(who.tenantSlug());
  }

  // --- one case ---

  /** An internal note. */
  public record Note(String author, String text, OffsetDateTime at) {}

  /** A question to the applicant with the replies it got. */
  public record Question(
      UUID messageId,
      String askedBy,
      String text,
      OffsetDateTime askedAt,
      List<PostfachMessage> replies) {}

  /** A Bescheid that was sent. */
  public record SentBescheid(UUID id, String sentBy, OffsetDateTime sentAt, boolean inPostfach) {}

  /** Everything the case page shows. */
  public record Opened(
      Vorgang vorgang,
      Antrag antrag,
      AppDefinition app,
      List<Attachments.Stored> attachments,
      List<AntragManagement.Event> timeline,
      List<Note> notes,
      List<Question> questions,
      List<SentBescheid> bescheide) {}

  /**
   * Opens a case: written to the audit log; the first opening acknowledges receipt on the
   * applicant's timeline.
   */
  @Transactional
  public Opened open(Caseworker who, String reference) {
    Vorgang vorgang = lock(who, reference);
    if (vorgang.openedAt() == null) {
      jdbc.sql(
              "update casework_case set opened_at = now(), version = version + 1 where antrag_id = ?")
          .param(vorgang.antragId())
          .update();
      deliveries.acknowledgeInCaseInbox(vorgang.antragId());
      vorgang = lock(who, reference);
    }
    audit.record(
        who.tenantArs(), who.username(), AuditAction.CASE_VIEWED, reference, vorgang.appId(), null);
    Antrag antrag = antraege.ofTenant(reference, who.tenantArs());
    return new Opened(
        vorgang,
        antrag,
        definition(antrag),
        attachments.listOfAntrag(antrag.id()),
        antraege.timeline(antrag.id()),
        notes(vorgang),
        questions(who, vorgang),
        bescheide(vorgang));
  }

  /** The case without its personal data (no audit entry). */
  public Vorgang get(Caseworker who, String reference) {
    return find(who, reference, false);
  }

  /**
   * Assigns the case to a colleague of the same tenant, or to nobody.
   *
   * @throws CaseworkException.UnknownColleague for anyone else
   */
  @Transactional
  public void assign(Caseworker who, String reference, @Nullable String assignee) {
    Vorgang vorgang = lock(who, reference);
    String username = null;
    if (assignee != null && !assignee.isBlank()) {
      username =
          staff
              .member(who.tenantSlug(), assignee)
              .orElseThrow(CaseworkException.UnknownColleague::new)
              .username();
    }
    jdbc.sql("update casework_case set assignee = ?, version = version + 1 where antrag_id = ?")
        .params(username, vorgang.antragId())
        .update();
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.ASSIGNED,
        reference,
        vorgang.appId(),
        username);
  }

  /**
   * Changes the status along {@link AntragStatus#canBecome} and puts it on the applicant's
   * timeline.
   *
   * @throws AntragManagement.StatusTransitionException when it cannot follow the current one
   */
  @Transactional
  public void changeStatus(Caseworker who, String reference, AntragStatus next) {
    Vorgang vorgang = lock(who, reference);
    setStatus(vorgang, next, null);
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.STATUS_CHANGED,
        reference,
        vorgang.appId(),
        next.name());
  }

  private void setStatus(Vorgang vorgang, AntragStatus next, @Nullable String note) {
    antraege.changeStatus(vorgang.antragId(), next);
    antraege.addEvent(vorgang.antragId(), next.name(), note);
    jdbc.sql(
            """
            update casework_case set status = ?, version = version + 1,
              closed_at = case when ? = 'ABGESCHLOSSEN' then now() else closed_at end
            where antrag_id = ?
            """)
        .params(next.name(), next.name(), vorgang.antragId())
        .update();
    log.info("Case {} is now {}", vorgang.reference(), next);
  }

  /** Adds an internal note, which the applicant never sees. */
  @Transactional
  public void addNote(Caseworker who, String reference, String text) {
    Vorgang vorgang = lock(who, reference);
    jdbc.sql("insert into casework_note (id, antrag_id, author, text) values (?, ?, ?, ?)")
        .params(UUID.randomUUID(), vorgang.antragId(), who.username(), text)
        .update();
    audit.record(
        who.tenantArs(), who.username(), AuditAction.NOTE_ADDED, reference, vorgang.appId(), null);
  }

  /**
   * Asks the applicant a question through their Postfach; the case becomes RUECKFRAGE (unless it is
   * already) and the question goes on the timeline with a link to the message.
   *
   * @throws CaseworkException.NoPostfach when the applicant has no Servicekonto
   */
  @Transactional
  public UUID ask(Caseworker who, String reference, String text) {
    Vorgang vorgang = lock(who, reference);
    Antrag antrag = antraege.ofTenant(reference, who.tenantArs());
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
                antrag.authorityName(),
                reference,
                subject,
                text,
                List.of()));
    jdbc.sql(
            "insert into casework_question (message_id, antrag_id, asked_by, text) values (?, ?, ?, ?)")
        .params(message, vorgang.antragId(), who.username(), text)
        .update();
    if (vorgang.status().canBecome(AntragStatus.RUECKFRAGE)) {
      setStatus(vorgang, AntragStatus.RUECKFRAGE, message.toString());
    } else {
      antraege.addEvent(vorgang.antragId(), AntragStatus.RUECKFRAGE.name(), message.toString());
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

  // --- files and exports: every one is a view of personal data ---

  /** A file the applicant uploaded. */
  @Transactional
  public Attachments.Content attachment(Caseworker who, String reference, UUID attachmentId) {
    Vorgang vorgang = find(who, reference, false);
    Attachments.Content content =
        attachments
            .ofAntrag(vorgang.antragId(), attachmentId)
            .orElseThrow(CaseworkException.NotFound::new);
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
    Vorgang vorgang = find(who, reference, false);
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
  public record Exported(Antrag antrag, byte[] receipt) {}

  @Transactional
  public Exported export(Caseworker who, String reference, Export kind) {
    Vorgang vorgang = find(who, reference, false);
    Antrag antrag = antraege.ofTenant(reference, who.tenantArs());
    audit.record(who.tenantArs(), who.username(), kind.action, reference, vorgang.appId(), null);
    return new Exported(antrag, antraege.receipt(antrag.id()));
  }

  // --- Bescheid ---

  /** The Bescheid text from the tenant's template for the app, with the case's values filled in. */
  public String bescheidDraft(Caseworker who, String reference) {
    Vorgang vorgang = find(who, reference, false);
    Antrag antrag = antraege.ofTenant(reference, who.tenantArs());
    BescheidTemplates.Template template = templates.of(who.tenantArs(), vorgang.appId()).template();
    return templates.fill(template.body(), antrag, definition(antrag), OffsetDateTime.now());
  }

  /** The Bescheid as it would be sent, as PDF; written to the audit log. */
  @Transactional
  public byte[] previewBescheid(Caseworker who, String reference, String text) {
    Vorgang vorgang = find(who, reference, false);
    Antrag antrag = antraege.ofTenant(reference, who.tenantArs());
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.BESCHEID_PREVIEWED,
        reference,
        vorgang.appId(),
        null);
    return bescheidPdf.render(antrag, definition(antrag), text, OffsetDateTime.now());
  }

  /**
   * Sends the Bescheid: the PDF goes into the applicant's Postfach (when they have a Servicekonto),
   * the case becomes BESCHIEDEN and the timeline links to the message.
   *
   * @throws AntragManagement.StatusTransitionException when the case cannot be decided now
   */
  @Transactional
  public SentBescheid sendBescheid(Caseworker who, String reference, String text) {
    Vorgang vorgang = lock(who, reference);
    Antrag antrag = antraege.ofTenant(reference, who.tenantArs());
    if (!vorgang.status().canBecome(AntragStatus.BESCHIEDEN)) {
      throw new AntragManagement.StatusTransitionException(
          vorgang.status(), AntragStatus.BESCHIEDEN);
    }
    AppDefinition app = definition(antrag);
    OffsetDateTime now = OffsetDateTime.now();
    byte[] pdf = bescheidPdf.render(antrag, app, text, now);
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
                  antrag.authorityName(),
                  reference,
                  subject,
                  body,
                  List.of(
                      new PostfachMessage.File(
                          BescheidPdf.fileName(reference), "application/pdf", pdf))));
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into casework_bescheid (id, antrag_id, sent_by, text, pdf, postfach_message_id) values (?, ?, ?, ?, ?, ?)")
        .params(id, vorgang.antragId(), who.username(), text, pdf, message)
        .update();
    setStatus(vorgang, AntragStatus.BESCHIEDEN, message == null ? null : message.toString());
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.BESCHEID_SENT,
        reference,
        vorgang.appId(),
        null);
    return new SentBescheid(id, who.username(), now, message != null);
  }

  /** A Bescheid that was sent, as PDF; written to the audit log. */
  @Transactional
  public byte[] bescheid(Caseworker who, String reference, UUID bescheidId) {
    Vorgang vorgang = find(who, reference, false);
    byte[] pdf =
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
    return pdf;
  }

  // --- internals ---

  AppDefinition definition(Antrag antrag) {
    return store.version(antrag.appId(), antrag.appVersion()).definition();
  }

  private Vorgang lock(Caseworker who, String reference) {
    return find(who, reference, true);
  }

  private Vorgang find(Caseworker who, String reference, boolean lock) {
    return jdbc.sql(
            "select * from casework_case where reference = ? and tenant_ars = ?"
                + (lock ? " for update" : ""))
        .params(reference, who.tenantArs())
        .query(Vorgaenge::map)
        .optional()
        .orElseThrow(CaseworkException.NotFound::new);
  }

  private List<Note> notes(Vorgang vorgang) {
    return jdbc.sql(
            "select author, text, created_at from casework_note where antrag_id = ? order by created_at, id")
        .param(vorgang.antragId())
        .query(
            (rs, row) ->
                new Note(
                    rs.getString("author"),
                    rs.getString("text"),
                    rs.getObject("created_at", OffsetDateTime.class)))
        .list();
  }

  private List<Question> questions(Caseworker who, Vorgang vorgang) {
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
    Map<UUID, List<UUID>> replies = new java.util.HashMap<>();
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

  private List<SentBescheid> bescheide(Vorgang vorgang) {
    return jdbc.sql(
            "select id, sent_by, sent_at, postfach_message_id from casework_bescheid where antrag_id = ? order by sent_at")
        .param(vorgang.antragId())
        .query(
            (rs, row) ->
                new SentBescheid(
                    rs.getObject("id", UUID.class),
                    rs.getString("sent_by"),
                    rs.getObject("sent_at", OffsetDateTime.class),
                    rs.getObject("postfach_message_id") != null))
        .list();
  }

  static Vorgang map(ResultSet rs, int row) throws SQLException {
    return new Vorgang(
        rs.getObject("antrag_id", UUID.class),
        rs.getString("reference"),
        rs.getString("tenant_ars"),
        rs.getString("app_id"),
        AntragStatus.valueOf(rs.getString("status")),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getString("assignee"),
        rs.getBoolean("fell_back"),
        rs.getObject("opened_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class));
  }
}
