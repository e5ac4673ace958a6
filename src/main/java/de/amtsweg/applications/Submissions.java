package de.amtsweg.applications;

import de.amtsweg.applications.AntragManagement.AntragInvalidException;
import de.amtsweg.applications.AntragManagement.AntragNotFoundException;
import de.amtsweg.applications.AntragManagement.Submission;
import de.amtsweg.applications.AntragManagement.Submitted;
import de.amtsweg.appstore.Activation;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.PaymentPolicy;
import de.amtsweg.appstore.PaymentTerms;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.FormEngine;
import de.amtsweg.platform.Money;
import de.amtsweg.platform.Times;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submission: validates the answers once more with the same engine as every step, then writes the
 * immutable Antrag, its receipt and its first timeline entry in one transaction, tells the
 * applicant and publishes {@link AntragSubmitted} in that transaction. An Antrag whose tenant wants
 * the fee first is written as {@link AntragStatus#WARTET_AUF_ZAHLUNG} and submitted when paid.
 */
@Component
class Submissions {

  private static final Logger log = LoggerFactory.getLogger(Submissions.class);

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Antraege antraege;
  private final AntragStatusGate status;
  private final Attachments attachments;
  private final ReceiptIssuer receipts;
  private final ApplicantNotifications notifications;
  private final ApplicationEventPublisher events;
  private final AppStore store;

  private final Times times;

  Submissions(
      JdbcClient jdbc,
      JsonMapper json,
      Antraege antraege,
      AntragStatusGate status,
      Attachments attachments,
      ReceiptIssuer receipts,
      ApplicantNotifications notifications,
      ApplicationEventPublisher events,
      AppStore store,
      Times times) {
    this.jdbc = jdbc;
    this.times = times;
    this.json = json;
    this.antraege = antraege;
    this.status = status;
    this.attachments = attachments;
    this.receipts = receipts;
    this.notifications = notifications;
    this.events = events;
    this.store = store;
  }

  /** See {@link AntragManagement#submit}. */
  @Transactional
  Submitted submit(Submission submission) {
    // One submission per key at a time: a double click waits for the first and then finds it.
    jdbc.sql("select pg_advisory_xact_lock(hashtext('antrag:' || ?))")
        .param(submission.submissionKey())
        .query()
        .singleValue();
    Optional<Antrag> existing = antraege.bySubmissionKey(submission.submissionKey());
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
    FormEngine.FeeAssessment fee = engine.assessFee();
    boolean due =
        fee != null
            && fee.cents() > 0
            && (terms.policy() == PaymentPolicy.BEFORE_SUBMISSION
                || terms.policy() == PaymentPolicy.AFTER_SUBMISSION);
    boolean waits = due && terms.policy() == PaymentPolicy.BEFORE_SUBMISSION;
    UUID id = UUID.randomUUID();
    String reference =
        ReferenceNumbers.next(
            jdbc, app.referencePrefix(), OffsetDateTime.now(times.zone()).getYear());
    String token = Tokens.random();
    Map<String, Object> normalized = engine.normalized();
    Map<String, Object> computed = engine.computed();
    OffsetDateTime now = OffsetDateTime.now();
    String applicantName = applicantName(normalized);
    String answersJson = json.writeValueAsString(normalized);
    ReceiptIssuer.Issued receipt =
        receipts.issue(
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
                AnswerFiles.list(normalized),
                submission.locale(),
                null),
            answersJson,
            !waits);
    AntragStatus initial = waits ? AntragStatus.WARTET_AUF_ZAHLUNG : AntragStatus.EINGEGANGEN;
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
            receipt.xml(),
            json.writeValueAsString(computed),
            fee == null ? null : fee.amount(),
            initial.name(),
            receipt.pdf(),
            Tokens.hash(token),
            now,
            terms.policy().name(),
            due ? Objects.requireNonNull(fee, "a due fee").cents() : null,
            fee == null || fee.exemption() == null ? null : fee.exemption().in(submission.locale()),
            submission.declarations().toArray(String[]::new),
            submission.locale().getLanguage())
        .update();
    status.created(
        id, initial, waits ? AntragStatusGate.AWAITING_PAYMENT : AntragStatusGate.SUBMITTED);
    if (submission.draftId() != null) {
      attachments.moveToAntrag(submission.draftId(), id, AnswerFiles.ids(normalized));
      jdbc.sql(
              "update antrag_draft set submitted_reference = ?, answers = '{}'::jsonb, resume_token_hash = null where id = ?")
          .params(reference, submission.draftId())
          .update();
    }
    if (waits) {
      antraege.addEvent(
          id, "WAITING_FOR_PAYMENT", Money.euros(Objects.requireNonNull(fee, "a due fee").cents()));
      log.info(
          "Antrag {} for app {} waits for payment at tenant {}",
          reference,
          app.id(),
          submission.tenantArs());
      return new Submitted(get(id), token, true);
    }
    antraege.addEvent(id, "SUBMITTED", null);
    if (due) {
      antraege.addEvent(
          id, "PAYMENT_DUE", Money.euros(Objects.requireNonNull(fee, "a due fee").cents()));
    }
    Antrag antrag = get(id);
    notifications.submitted(antrag, app.name().in(submission.locale()), submission.locale(), token);
    events.publishEvent(new AntragSubmitted(id, reference, app.id(), submission.tenantArs()));
    log.info(
        "Antrag {} submitted for app {} version {} to tenant {}",
        reference,
        app.id(),
        submission.app().version(),
        submission.tenantArs());
    return new Submitted(antrag, token, true);
  }

  /** See {@link AntragManagement#submitPaid}. */
  @Transactional
  void submitPaid(UUID antragId, String kassenzeichen) {
    Antrag antrag = antraege.lock(antragId).orElseThrow(AntragNotFoundException::new);
    if (antrag.status() != AntragStatus.WARTET_AUF_ZAHLUNG) {
      return;
    }
    PublishedApp published = store.version(antrag.appId(), antrag.appVersion());
    AppDefinition app = published.definition();
    Locale locale = antraege.locale(antragId);
    OffsetDateTime now = OffsetDateTime.now();
    status.change(
        antragId, AntragStatus.WARTET_AUF_ZAHLUNG, AntragStatus.EINGEGANGEN, AntragStatusGate.PAID);
    jdbc.sql("update antrag set submitted_at = ? where id = ?").params(now, antragId).update();
    receipts.issuePaid(antrag, app, antraege.declarations(antragId), locale, now, kassenzeichen);
    antraege.addEvent(antragId, "SUBMITTED", null);
    notifications.submitted(get(antragId), app.name().in(locale), locale, null);
    events.publishEvent(
        new AntragSubmitted(antragId, antrag.reference(), antrag.appId(), antrag.tenantArs()));
    log.info("Antrag {} paid and submitted to tenant {}", antrag.reference(), antrag.tenantArs());
  }

  private Antrag get(UUID id) {
    return antraege.find(id).orElseThrow(AntragNotFoundException::new);
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
}
