package de.amtsweg.casework;

import de.amtsweg.account.Postfach;
import de.amtsweg.delivery.BackChannel;
import de.amtsweg.delivery.Document;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.platform.StaffDirectory;
import de.amtsweg.platform.Times;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case inbox and the life of a case: the list, opening a case, assigning it, its status and
 * internal notes. Every lookup is scoped to the caseworker's tenant, every view of personal data
 * writes an audit entry in the same transaction, and every change of status goes through the case's
 * one gate ({@link VorgangStatusGate}), which reports it to the Antrag's owner through delivery's
 * back channel. Logs carry references and states, never answers or texts.
 */
@Service
public class Vorgaenge {

  public static final int MAX_TEXT = Postfach.MAX_TEXT;
  public static final String ASSIGNED_TO_ME = "me";
  public static final String UNASSIGNED = "none";

  private final Times times;
  private final JdbcClient jdbc;
  private final Cases cases;
  private final BackChannel backChannel;
  private final VorgangStatusGate gate;
  private final Rueckfragen rueckfragen;
  private final Bescheide bescheide;
  private final StaffDirectory staff;
  private final CaseAudit audit;
  private final CaseworkProperties properties;

  Vorgaenge(
      JdbcClient jdbc,
      Cases cases,
      BackChannel backChannel,
      VorgangStatusGate gate,
      Rueckfragen rueckfragen,
      Bescheide bescheide,
      StaffDirectory staff,
      CaseAudit audit,
      CaseworkProperties properties,
      Times times) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.backChannel = backChannel;
    this.gate = gate;
    this.rueckfragen = rueckfragen;
    this.bescheide = bescheide;
    this.staff = staff;
    this.audit = audit;
    this.times = times;
    this.properties = properties;
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
      @Nullable VorgangStatus status,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      @Nullable String assignee) {}

  /** One page of cases, newest first. */
  public record Page(List<Vorgang> cases, int page, int size, long total) {

    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

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
        filter.from() == null ? null : filter.from().atStartOfDay(times.zone()).toOffsetDateTime();
    OffsetDateTime to =
        filter.to() == null
            ? null
            : filter.to().plusDays(1).atStartOfDay(times.zone()).toOffsetDateTime();
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
    List<Vorgang> found =
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
            .query(Cases::map)
            .list();
    return new Page(found, Math.max(0, page), size, total);
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

  /** Everything the case page shows. */
  public record Opened(
      Vorgang vorgang,
      Document antrag,
      AppDefinition app,
      List<Note> notes,
      List<Rueckfragen.Question> questions,
      List<Bescheide.Sent> bescheide) {}

  /**
   * Opens a case: written to the audit log; the first opening acknowledges receipt (the applicant
   * sees it on their timeline).
   */
  @Transactional
  public Opened open(Caseworker who, String reference) {
    Vorgang vorgang = cases.lock(who, reference);
    if (vorgang.openedAt() == null) {
      jdbc.sql(
              "update casework_case set opened_at = now(), version = version + 1 where antrag_id = ?")
          .param(vorgang.antragId())
          .update();
      backChannel.acknowledgeInCaseInbox(cases.delivery(vorgang));
      vorgang = cases.lock(who, reference);
    }
    audit.record(
        who.tenantArs(), who.username(), AuditAction.CASE_VIEWED, reference, vorgang.appId(), null);
    Document antrag = cases.antrag(vorgang);
    return new Opened(
        vorgang,
        antrag,
        cases.definition(antrag),
        notes(vorgang),
        rueckfragen.of(who, vorgang),
        bescheide.of(vorgang));
  }

  /** The case without its personal data (no audit entry). */
  public Vorgang get(Caseworker who, String reference) {
    return cases.find(who, reference);
  }

  /**
   * Assigns the case to a colleague of the same tenant, or to nobody.
   *
   * @throws CaseworkException.UnknownColleague for anyone else
   */
  @Transactional
  public void assign(Caseworker who, String reference, @Nullable String assignee) {
    Vorgang vorgang = cases.lock(who, reference);
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
   * Changes the status along {@link VorgangStatus#canBecome}; the applicant sees it on their
   * timeline.
   *
   * @throws CaseworkException.StatusTransition when it cannot follow the current one
   */
  @Transactional
  public void changeStatus(Caseworker who, String reference, VorgangStatus next) {
    Vorgang vorgang = cases.lock(who, reference);
    gate.change(vorgang, next, null, who.username(), "changed by a caseworker");
    audit.record(
        who.tenantArs(),
        who.username(),
        AuditAction.STATUS_CHANGED,
        reference,
        vorgang.appId(),
        next.name());
  }

  /** Adds an internal note, which the applicant never sees. */
  @Transactional
  public void addNote(Caseworker who, String reference, String text) {
    Vorgang vorgang = cases.lock(who, reference);
    jdbc.sql("insert into casework_note (id, antrag_id, author, text) values (?, ?, ?, ?)")
        .params(UUID.randomUUID(), vorgang.antragId(), who.username(), text)
        .update();
    audit.record(
        who.tenantArs(), who.username(), AuditAction.NOTE_ADDED, reference, vorgang.appId(), null);
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
}
