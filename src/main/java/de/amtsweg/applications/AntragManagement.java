package de.amtsweg.applications;

import de.amtsweg.account.AccountDeleted;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.platform.ProblemException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting Anträge and reading them back: the module's API for the applicant's pages and for the
 * modules that deliver and work on Anträge. Submission ({@link Submissions}) validates the answers
 * once more with the same engine as every step, then writes the immutable Antrag, its receipt
 * ({@link ReceiptIssuer}) and its first timeline entry in one transaction and tells the applicant
 * ({@link ApplicantNotifications}). The submission key (the draft, or the API caller's
 * Idempotency-Key) makes a double click, a reload or a retry return the same Antrag instead of a
 * second one. The status changes only through {@link AntragStatusGate}.
 */
@Service
public class AntragManagement {

  private static final Logger log = LoggerFactory.getLogger(AntragManagement.class);

  /** Why the status changed when the caller does not say: the authority's side changed it. */
  private static final String BY_AUTHORITY = "authority";

  private final Antraege antraege;
  private final Submissions submissions;
  private final ReceiptIssuer receipts;
  private final AntragStatusGate status;
  private final JdbcClient jdbc;

  AntragManagement(
      Antraege antraege,
      Submissions submissions,
      ReceiptIssuer receipts,
      AntragStatusGate status,
      JdbcClient jdbc) {
    this.antraege = antraege;
    this.submissions = submissions;
    this.receipts = receipts;
    this.status = status;
    this.jdbc = jdbc;
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
    return submissions.submit(submission);
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
    submissions.submitPaid(antragId, kassenzeichen);
  }

  public Optional<Antrag> find(String reference) {
    return antraege.byReference(reference);
  }

  public Antrag get(UUID id) {
    return antraege.find(id).orElseThrow(AntragNotFoundException::new);
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
    return antraege.byReference(reference, tenantArs).orElseThrow(AntragNotFoundException::new);
  }

  /**
   * Deletes a submitted Antrag of this tenant with everything personal it holds: answers,
   * attachments, receipt, timeline and status history (retention of closed cases). Returns false
   * when the tenant has no such Antrag.
   */
  @Transactional
  public boolean delete(UUID antragId, String tenantArs) {
    boolean deleted = antraege.delete(antragId, tenantArs);
    if (deleted) {
      log.info("Antrag {} deleted", antragId);
    }
    return deleted;
  }

  /** The Antrag, if the token is the one its receipt link carries. */
  public Antrag withToken(String reference, String token) {
    return antraege.byReceiptToken(reference, token).orElseThrow(AntragNotFoundException::new);
  }

  /**
   * The Antrag of an applicant without a Servicekonto, by its reference and the status code of its
   * receipt e-mail. A wrong reference and a wrong code look the same: empty.
   */
  public Optional<Antrag> withStatusCode(String reference, String code) {
    return antraege.byStatusCode(reference.strip().toUpperCase(java.util.Locale.ROOT), code);
  }

  public List<Antrag> ofAccount(UUID accountId) {
    return antraege.ofAccount(accountId);
  }

  /** The receipt; an Antrag that waits for its payment has none yet (not found). */
  public byte[] receipt(UUID antragId) {
    return receipts.receipt(antragId);
  }

  /** One entry of the citizen-facing timeline. */
  public record Event(OffsetDateTime at, String type, @Nullable String note) {}

  public List<Event> timeline(UUID antragId) {
    return antraege.timeline(antragId);
  }

  /**
   * Whether the receipt e-mail of this Antrag was not sent, because its address had had its receipt
   * e-mails for the day ({@code amtsweg.limits.receipt-mails-per-recipient}).
   */
  public boolean receiptMailWithheld(UUID antragId) {
    return timeline(antragId).stream()
        .anyMatch(e -> ApplicantNotifications.MAIL_WITHHELD.equals(e.type()));
  }

  /** Adds to the timeline; delivery, payment and casework call this. */
  @Transactional
  public void addEvent(UUID antragId, String type, @Nullable String note) {
    antraege.addEvent(antragId, type, note);
  }

  /**
   * Changes the status along {@link AntragStatus#canBecome}, from the one the Antrag has now; the
   * timeline entry is the caller's.
   *
   * @throws StatusTransitionException when the Antrag cannot get this status from its current one
   *     (also when another change came first)
   */
  @Transactional
  public Antrag changeStatus(UUID antragId, AntragStatus next) {
    return changeStatus(antragId, get(antragId).status(), next, BY_AUTHORITY);
  }

  /**
   * Changes the status from the one the caller saw (compare-and-set); the timeline entry is the
   * caller's.
   *
   * @param from the status the caller decided on
   * @param reason why, as a short technical word for the status history (lower case letters, digits
   *     and dashes, e.g. {@code casework}); never personal data
   * @throws StatusTransitionException when {@code from} cannot become {@code next}, or the Antrag
   *     no longer has the status {@code from}
   */
  @Transactional
  public Antrag changeStatus(UUID antragId, AntragStatus from, AntragStatus next, String reason) {
    status.change(antragId, from, next, reason);
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
