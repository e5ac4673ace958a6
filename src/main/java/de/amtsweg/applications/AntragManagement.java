package de.amtsweg.applications;

import de.amtsweg.account.AccountDeleted;
import de.amtsweg.account.Postfach;
import de.amtsweg.account.PostfachMessage;
import de.amtsweg.applications.receipt.ReceiptData;
import de.amtsweg.appstore.Activation;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.PaymentPolicy;
import de.amtsweg.appstore.PaymentTerms;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.FormEngine;
import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.Money;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.platform.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submitting Anträge and reading them back. Submission validates the answers once more with the
 * same engine as every step, then writes the immutable Antrag, its receipt and its first timeline
 * entry in one transaction. The submission key (the draft, or the API caller's Idempotency-Key)
 * makes a double click, a reload or a retry return the same Antrag instead of a second one.
 */
@Service
public class AntragManagement {

  private static final Logger log = LoggerFactory.getLogger(AntragManagement.class);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Attachments attachments;
  private final ReceiptRenderer receipts;
  private final Postfach postfach;
  private final Mailer mailer;
  private final MessageSource messages;
  private final ApplicationEventPublisher events;
  private final AppStore store;
  private final String publicUrl;

  AntragManagement(
      JdbcClient jdbc,
      JsonMapper json,
      Attachments attachments,
      ReceiptRenderer receipts,
      Postfach postfach,
      Mailer mailer,
      MessageSource messages,
      ApplicationEventPublisher events,
      AppStore store,
      PlatformProperties platform) {
    this.store = store;
    this.jdbc = jdbc;
    this.json = json;
    this.attachments = attachments;
    this.receipts = receipts;
    this.postfach = postfach;
    this.mailer = mailer;
    this.messages = messages;
    this.events = events;
    this.publicUrl = platform.publicUrl().toString();
  }

  /**
   * What is submitted.
   *
   * @param submissionKey one Antrag per key: the draft id, or the API caller's idempotency key
   * @param parameters the tenant's parameters for the app
   * @param contactEmail where the confirmation goes (the account's address for account users)
   */
  public record Submission(
      String submissionKey,
      PublishedApp app,
      Map<String, Object> parameters,
      String tenantArs,
      String authorityName,
      @Nullable String leikaKey,
      @Nullable UUID accountId,
      @Nullable String contactEmail,
      Map<String, ?> answers,
      List<String> declarations,
      @Nullable UUID draftId,
      Locale locale) {}

  /**
   * The result of a submission.
   *
   * @param receiptToken the token that opens the receipt without an account; null when this
   *     submission repeated an earlier one
   * @param created false when the submission key had been used already
   */
  public record Submitted(Antrag antrag, @Nullable String receiptToken, boolean created) {}

  /**
   * Submits, or returns the Antrag this submission key already produced.
   *
   * @throws AntragInvalidException with every problem when the answers or declarations are not
   *     valid
   */
  @Transactional
  public Submitted submit(Submission submission) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('antrag:' || ?))")
        .param(submission.submissionKey())
        .query()
        .singleValue();
    Optional<Antrag> existing = bySubmissionKey(submission.submissionKey());
    if (existing.isPresent()) {
      return new Submitted(existing.get(), null, false);
    }
    AppDefinition app = submission.app().definition();
    FormEngine engine = FormEngine.evaluate(app, submission.parameters(), submission.answers());
    List<AnswerProblem> problems = new ArrayList<>(engine.problems());
    problems.addAll(engine.declarationProblems(submission.declarations()));
    if (!problems.isEmpty()) {
      throw new AntragInvalidException(problems);
    }
    PaymentTerms terms =
        store
            .activation(submission.tenantArs(), app.id())
            .map(Activation::payment)
            .orElse(PaymentTerms.NONE);
    FormEngine.FeeAssessment fee = engine.assessFee(terms.feeOverride());
    boolean due =
        fee != null
            && fee.cents() > 0
            && (terms.policy() == PaymentPolicy.BEFORE_SUBMISSION
                || terms.policy() == PaymentPolicy.AFTER_SUBMISSION);
    boolean waits = due && terms.policy() == PaymentPolicy.BEFORE_SUBMISSION;
    UUID id = UUID.randomUUID();
    String reference =
        ReferenceNumbers.next(
            jdbc, app.referencePrefix(), OffsetDateTime.now(ZoneId.of("Europe/Berlin")).getYear());
    String token = Tokens.random();
    Map<String, Object> normalized = engine.normalized();
    Map<String, Object> computed = engine.computed();
    OffsetDateTime now = OffsetDateTime.now();
    String applicantName = applicantName(normalized);
    ReceiptRenderer.Input input =
        new ReceiptRenderer.Input(
            app,
            submission.app().version(),
            reference,
            submission.authorityName(),
            submission.tenantArs(),
            now,
            applicantName,
            normalized,
            computed,
            fee == null ? null : fee.amount(),
            submission.declarations(),
            fileList(normalized),
            submission.locale(),
            null);
    String answersJson = json.writeValueAsString(normalized);
    String xml = receipts.xml(input);
    byte[] pdf = waits ? null : receipts.pdf(input, answersJson, xml);
    jdbc.sql(
            """
            insert into antrag (id, reference, submission_key, app_id, app_version, tenant_ars, authority_name, leika_key,
              account_id, contact_email, applicant_name, answers, answers_xml, computed, fee, status, receipt_pdf,
              receipt_token_hash, submitted_at, payment_policy, amount_due_cents, fee_exemption, declarations, locale)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            reference,
            submission.submissionKey(),
            app.id(),
            submission.app().version(),
            submission.tenantArs(),
            submission.authorityName(),
            submission.leikaKey(),
            submission.accountId(),
            submission.contactEmail(),
            applicantName,
            answersJson,
            xml,
            json.writeValueAsString(computed),
            fee == null ? null : fee.amount(),
            (waits ? AntragStatus.WARTET_AUF_ZAHLUNG : AntragStatus.EINGEGANGEN).name(),
            pdf,
            Tokens.hash(token),
            now,
            terms.policy().name(),
            due ? fee.cents() : null,
            fee == null || fee.exemption() == null ? null : fee.exemption().in(submission.locale()),
            submission.declarations().toArray(String[]::new),
            submission.locale().getLanguage())
        .update();
    if (submission.draftId() != null) {
      attachments.moveToAntrag(submission.draftId(), id, fileIds(normalized));
      jdbc.sql(
              "update antrag_draft set submitted_reference = ?, answers = '{}'::jsonb, resume_token_hash = null where id = ?")
          .params(reference, submission.draftId())
          .update();
    }
    if (waits) {
      addEvent(id, "WAITING_FOR_PAYMENT", Money.euros(fee.cents()));
      log.info(
          "Antrag {} for app {} waits for payment at tenant {}",
          reference,
          app.id(),
          submission.tenantArs());
      return new Submitted(get(id), token, true);
    }
    addEvent(id, "SUBMITTED", null);
    if (due) {
      addEvent(id, "PAYMENT_DUE", Money.euros(fee.cents()));
    }
    Antrag antrag = get(id);
    confirm(
        antrag,
        submission.app().definition().name().in(submission.locale()),
        submission.locale(),
        token);
    events.publishEvent(new AntragSubmitted(id, reference, app.id(), submission.tenantArs()));
    log.info(
        "Antrag {} submitted for app {} version {} to tenant {}",
        reference,
        app.id(),
        submission.app().version(),
        submission.tenantArs());
    return new Submitted(antrag, token, true);
  }

  /**
   * Submits an Antrag that waited for its fee, now paid: the receipt is written, the applicant told
   * and the Antrag delivered ({@link AntragSubmitted}). Does nothing for an Antrag that does not
   * wait (any more), so a repeated notice is harmless.
   *
   * @param kassenzeichen the payment's Kassenzeichen, for the receipt and the answer document
   */
  @Transactional
  public void submitPaid(UUID antragId, String kassenzeichen) {
    Antrag antrag =
        jdbc.sql("select * from antrag where id = ? for update")
            .param(antragId)
            .query(this::map)
            .optional()
            .orElseThrow(AntragNotFoundException::new);
    if (antrag.status() != AntragStatus.WARTET_AUF_ZAHLUNG) {
      return;
    }
    PublishedApp published = store.version(antrag.appId(), antrag.appVersion());
    AppDefinition app = published.definition();
    Locale locale =
        Locale.forLanguageTag(
            jdbc.sql("select locale from antrag where id = ?")
                .param(antragId)
                .query(String.class)
                .single());
    List<String> declarations = declarations(antragId);
    OffsetDateTime now = OffsetDateTime.now();
    ReceiptRenderer.Input input =
        new ReceiptRenderer.Input(
            app,
            antrag.appVersion(),
            antrag.reference(),
            antrag.authorityName(),
            antrag.tenantArs(),
            now,
            antrag.applicantName(),
            antrag.answers(),
            antrag.computed(),
            antrag.fee(),
            declarations,
            fileList(antrag.answers()),
            locale,
            new ReceiptData.Paid(
                "PAID",
                kassenzeichen,
                Money.decimal(antrag.amountDueCents() == null ? 0 : antrag.amountDueCents())));
    String answersJson = json.writeValueAsString(antrag.answers());
    String xml = receipts.xml(input);
    byte[] pdf = receipts.pdf(input, answersJson, xml);
    jdbc.sql(
            "update antrag set status = ?, submitted_at = ?, answers_xml = ?, receipt_pdf = ? where id = ?")
        .params(AntragStatus.EINGEGANGEN.name(), now, xml, pdf, antragId)
        .update();
    addEvent(antragId, "SUBMITTED", null);
    Antrag submitted = get(antragId);
    confirm(submitted, app.name().in(locale), locale, null);
    events.publishEvent(
        new AntragSubmitted(antragId, antrag.reference(), antrag.appId(), antrag.tenantArs()));
    log.info("Antrag {} paid and submitted to tenant {}", antrag.reference(), antrag.tenantArs());
  }

  private List<String> declarations(UUID antragId) {
    return jdbc.sql("select unnest(declarations) from antrag where id = ?")
        .param(antragId)
        .query(String.class)
        .list();
  }

  /**
   * Tells the applicant: in the Postfach with the receipt, or by e-mail with the receipt link (if
   * the token is known).
   */
  private void confirm(Antrag antrag, String appName, Locale locale, @Nullable String token) {
    String subject =
        messages.getMessage("applications.mail.subject", new Object[] {antrag.reference()}, locale);
    if (antrag.accountId() != null) {
      String body =
          messages.getMessage(
              "applications.postfach.body",
              new Object[] {appName, antrag.authorityName(), antrag.reference()},
              locale);
      postfach.deliver(
          antrag.accountId(),
          new Postfach.NewMessage(
              PostfachMessage.Kind.STATUS,
              antrag.tenantArs(),
              antrag.authorityName(),
              antrag.reference(),
              subject,
              body,
              List.of(
                  new PostfachMessage.File(
                      "Eingangsbestaetigung-" + antrag.reference() + ".pdf",
                      "application/pdf",
                      receipt(antrag.id())))));
    } else if (antrag.contactEmail() != null && token != null) {
      String link =
          UriComponentsBuilder.fromUriString(publicUrl)
              .path("/antrag/eingang/{reference}")
              .queryParam("token", token)
              .buildAndExpand(antrag.reference())
              .toUriString();
      String body =
          messages.getMessage(
              "applications.mail.body",
              new Object[] {appName, antrag.authorityName(), antrag.reference(), link},
              locale);
      mailer.send(new OutgoingMail(antrag.contactEmail(), subject, body));
    } else if (antrag.contactEmail() != null) {
      String body =
          messages.getMessage(
              "applications.mail.body-paid",
              new Object[] {appName, antrag.authorityName(), antrag.reference()},
              locale);
      mailer.send(new OutgoingMail(antrag.contactEmail(), subject, body));
    }
  }

  public Optional<Antrag> find(String reference) {
    return jdbc.sql("select * from antrag where reference = ?")
        .param(reference)
        .query(this::map)
        .optional();
  }

  public Antrag get(UUID id) {
    return jdbc.sql("select * from antrag where id = ?")
        .param(id)
        .query(this::map)
        .optional()
        .orElseThrow(AntragNotFoundException::new);
  }

  /** The Antrag, if this account submitted it. */
  public Antrag ofAccount(String reference, UUID accountId) {
    return find(reference)
        .filter(a -> accountId.equals(a.accountId()))
        .orElseThrow(AntragNotFoundException::new);
  }

  /**
   * The Antrag, if it was submitted to this tenant: the authority's side. Another tenant's Antrag
   * is "not found", never "forbidden".
   */
  public Antrag ofTenant(String reference, String tenantArs) {
    return jdbc.sql("select * from antrag where reference = ? and tenant_ars = ?")
        .params(reference, tenantArs)
        .query(this::map)
        .optional()
        .orElseThrow(AntragNotFoundException::new);
  }

  /**
   * Deletes a submitted Antrag of this tenant with everything personal it holds: answers,
   * attachments, receipt and timeline (retention of closed cases). Returns false when the tenant
   * has no such Antrag.
   */
  @Transactional
  public boolean delete(UUID antragId, String tenantArs) {
    // Attachments and timeline entries go with it (on delete cascade).
    int deleted =
        jdbc.sql("delete from antrag where id = ? and tenant_ars = ?")
            .params(antragId, tenantArs)
            .update();
    if (deleted == 1) {
      log.info("Antrag {} deleted", antragId);
    }
    return deleted == 1;
  }

  /** The Antrag, if the token is the one its receipt link carries. */
  public Antrag withToken(String reference, String token) {
    return jdbc.sql("select * from antrag where reference = ? and receipt_token_hash = ?")
        .params(reference, Tokens.hash(token))
        .query(this::map)
        .optional()
        .orElseThrow(AntragNotFoundException::new);
  }

  public List<Antrag> ofAccount(UUID accountId) {
    return jdbc.sql("select * from antrag where account_id = ? order by submitted_at desc")
        .param(accountId)
        .query(this::map)
        .list();
  }

  /** The receipt; an Antrag that waits for its payment has none yet (not found). */
  public byte[] receipt(UUID antragId) {
    byte[] pdf =
        jdbc.sql("select receipt_pdf from antrag where id = ?")
            .param(antragId)
            .query((rs, row) -> rs.getBytes(1))
            .optional()
            .orElse(null);
    if (pdf == null) {
      throw new AntragNotFoundException();
    }
    return pdf;
  }

  /** One entry of the citizen-facing timeline. */
  public record Event(OffsetDateTime at, String type, @Nullable String note) {}

  public List<Event> timeline(UUID antragId) {
    return jdbc.sql("select at, type, note from antrag_event where antrag_id = ? order by at, id")
        .param(antragId)
        .query(
            (rs, row) ->
                new Event(
                    rs.getObject("at", OffsetDateTime.class),
                    rs.getString("type"),
                    rs.getString("note")))
        .list();
  }

  /** Adds to the timeline; delivery, payment and casework call this. */
  @Transactional
  public void addEvent(UUID antragId, String type, @Nullable String note) {
    jdbc.sql("insert into antrag_event (antrag_id, type, note) values (?, ?, ?)")
        .params(antragId, type, note)
        .update();
  }

  /**
   * Changes the status along {@link AntragStatus#canBecome}; the timeline entry is the caller's.
   *
   * @throws StatusTransitionException when the Antrag cannot get this status from its current one
   *     (also when another change came first)
   */
  @Transactional
  public Antrag changeStatus(UUID antragId, AntragStatus next) {
    Antrag antrag = get(antragId);
    if (!antrag.status().canBecome(next)) {
      throw new StatusTransitionException(antrag.status(), next);
    }
    int changed =
        jdbc.sql("update antrag set status = ? where id = ? and status = ?")
            .params(next.name(), antragId, antrag.status().name())
            .update();
    if (changed == 0) {
      throw new StatusTransitionException(get(antragId).status(), next);
    }
    log.info("Antrag {} is now {}", antrag.reference(), next);
    return get(antragId);
  }

  /**
   * In the deleting transaction: drafts go; submitted Anträge stay with the authorities, unlinked.
   */
  @EventListener
  void on(AccountDeleted deleted) {
    jdbc.sql("delete from antrag_draft where account_id = ?").param(deleted.accountId()).update();
    jdbc.sql("update antrag set account_id = null where account_id = ?")
        .param(deleted.accountId())
        .update();
  }

  private Optional<Antrag> bySubmissionKey(String key) {
    return jdbc.sql("select * from antrag where submission_key = ?")
        .param(key)
        .query(this::map)
        .optional();
  }

  private static @Nullable String applicantName(Map<String, Object> answers) {
    for (String[] pair :
        new String[][] {{"vorname", "familienname"}, {"vornamen", "familienname"}}) {
      if (answers.get(pair[0]) instanceof String given
          && answers.get(pair[1]) instanceof String family) {
        return given + " " + family;
      }
    }
    return null;
  }

  /** The files the answers refer to, top level and in groups. */
  static List<Map<String, Object>> fileList(Map<String, Object> answers) {
    List<Map<String, Object>> files = new ArrayList<>();
    collectFiles(answers, files);
    return files;
  }

  @SuppressWarnings("unchecked")
  private static void collectFiles(Object node, List<Map<String, Object>> files) {
    if (node instanceof Map<?, ?> map) {
      if (map.containsKey("id") && map.containsKey("contentType") && map.containsKey("size")) {
        files.add((Map<String, Object>) map);
        return;
      }
      map.values().forEach(v -> collectFiles(v, files));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> collectFiles(v, files));
    }
  }

  private static List<UUID> fileIds(Map<String, Object> answers) {
    return fileList(answers).stream().map(f -> UUID.fromString(f.get("id").toString())).toList();
  }

  private Antrag map(ResultSet rs, int row) throws SQLException {
    TypeReference<LinkedHashMap<String, Object>> type = new TypeReference<>() {};
    return new Antrag(
        rs.getObject("id", UUID.class),
        rs.getString("reference"),
        rs.getString("app_id"),
        rs.getInt("app_version"),
        rs.getString("tenant_ars"),
        rs.getString("authority_name"),
        rs.getString("leika_key"),
        rs.getObject("account_id", UUID.class),
        rs.getString("contact_email"),
        rs.getString("applicant_name"),
        json.readValue(rs.getString("answers"), type),
        rs.getString("answers_xml"),
        json.readValue(rs.getString("computed"), type),
        rs.getBigDecimal("fee"),
        AntragStatus.valueOf(rs.getString("status")),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getString("payment_policy"),
        rs.getObject("amount_due_cents", Long.class),
        rs.getString("fee_exemption"));
  }

  /** Answers that do not pass; lists every problem. */
  public static class AntragInvalidException extends ProblemException {
    private final List<AnswerProblem> problems;

    public AntragInvalidException(List<AnswerProblem> problems) {
      super(HttpStatus.UNPROCESSABLE_CONTENT, "antrag-invalid", problems.size());
      this.problems = List.copyOf(problems);
    }

    public List<AnswerProblem> problems() {
      return problems;
    }
  }

  /** The status cannot change this way (e.g. from ABGESCHLOSSEN, or to the status it has). */
  public static class StatusTransitionException extends ProblemException {
    public StatusTransitionException(AntragStatus from, AntragStatus to) {
      super(HttpStatus.CONFLICT, "antrag-status-transition", from.name(), to.name());
    }
  }

  /** No such Antrag for this caller. */
  public static class AntragNotFoundException extends ProblemException {
    public AntragNotFoundException() {
      super(HttpStatus.NOT_FOUND, "antrag-not-found");
    }
  }
}
