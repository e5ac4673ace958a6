package de.amtsweg.applications.web;

import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragManagement.AntragInvalidException;
import de.amtsweg.applications.AntragPayments;
import de.amtsweg.applications.AntragTimelines;
import de.amtsweg.applications.Draft;
import de.amtsweg.applications.Drafts;
import de.amtsweg.applications.Prefill;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStore.OfferedApp;
import de.amtsweg.appstore.AppStoreException;
import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.FieldType;
import de.amtsweg.platform.Money;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.platform.ProblemException;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anträge over the API: submit answers to a tenant's app (the same validation as the HTML flow),
 * and read an Antrag's status and timeline as its applicant.
 */
@RestController
@Tag(name = "Anträge")
class AntragApiController {

  private final AppStore store;
  private final TenantManagement tenants;
  private final Drafts drafts;
  private final UploadPolicy uploads;
  private final AntragManagement antraege;
  private final MessageSource messages;
  private final Prefill prefill;
  private final AntragPayments antragPayments;
  private final URI publicUrl;
  private final AnonymousSubmissions anonymous;

  private final AntragTimelines timelines;

  AntragApiController(
      AppStore store,
      TenantManagement tenants,
      Drafts drafts,
      UploadPolicy uploads,
      AntragManagement antraege,
      MessageSource messages,
      Prefill prefill,
      AntragPayments antragPayments,
      PlatformProperties platform,
      AnonymousSubmissions anonymous,
      AntragTimelines timelines) {
    this.timelines = timelines;
    this.anonymous = anonymous;
    this.antragPayments = antragPayments;
    this.publicUrl = platform.publicUrl();
    this.prefill = prefill;
    this.store = store;
    this.tenants = tenants;
    this.drafts = drafts;
    this.uploads = uploads;
    this.antraege = antraege;
    this.messages = messages;
  }

  /**
   * The request body.
   *
   * @param answers the answer document (JSON Schema at /api/v1/apps/{id}/schema); files as {@code
   *     [{"name", "content" (base64)}]}
   * @param declarations ids of the declarations the applicant confirms
   * @param email where an anonymous applicant gets the confirmation (else the answers' {@code
   *     email})
   */
  record SubmitRequest(
      @Nullable Map<String, Object> answers,
      @Nullable List<String> declarations,
      @Nullable String email) {}

  /**
   * A submitted Antrag (or one waiting for its fee: status {@code WARTET_AUF_ZAHLUNG}, receipt
   * available once paid).
   *
   * @param payment what is to be paid online; null when nothing is
   */
  record SubmitResponse(
      String reference, String status, URI receipt, @Nullable PaymentInfo payment) {}

  /**
   * The payment of an Antrag's fee.
   *
   * @param status the payment's status ({@code CREATED}, {@code PENDING}, {@code PAID}, {@code
   *     FAILED}, {@code CANCELLED}, {@code EXPIRED}, {@code REFUNDED}, {@code PARTIALLY_REFUNDED})
   * @param amount the Antrag's fee as a decimal string with two decimals, e.g. {@code "5.00"}
   * @param currency always {@code EUR}
   * @param kassenzeichen the authority's payment reference, once a payment was asked for
   * @param payUrl where the applicant pays, while the payment is open
   */
  record PaymentInfo(
      String status,
      String amount,
      String currency,
      @Nullable String kassenzeichen,
      @Nullable URI payUrl) {}

  private @Nullable PaymentInfo payment(Antrag antrag) {
    return antragPayments
        .due(antrag)
        .map(
            due ->
                new PaymentInfo(
                    due.status().name(),
                    Money.decimal(due.amountCents()).toPlainString(),
                    "EUR",
                    due.kassenzeichen(),
                    due.payUrl() == null ? null : publicUrl.resolve(due.payUrl())))
        .orElse(null);
  }

  @PostMapping(
      path = "/api/v1/tenants/{ars}/apps/{appId}/antraege",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Submit an Antrag; repeat-safe with the Idempotency-Key header",
      description =
          "Without a login or token, one client address may submit "
              + "amtsweg.limits.anonymous-submissions-per-address Anträge (default 10) within "
              + "amtsweg.limits.anonymous-window (default 10 minutes); past that the answer is 429 "
              + "with Retry-After (seconds). Refused or invalid submissions do not count.")
  ResponseEntity<SubmitResponse> submit(
      @PathVariable String ars,
      @PathVariable String appId,
      @RequestBody SubmitRequest body,
      @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
      @Nullable Authentication authentication,
      HttpServletRequest request,
      Locale locale) {
    Tenant tenant = tenants.byAuthority(ars).orElseThrow(() -> AppStoreException.notActive(appId));
    OfferedApp offered =
        store
            .offered(tenant.authorityArs(), appId)
            .orElseThrow(() -> AppStoreException.notActive(appId));
    AppDefinition app = offered.definition();
    UUID citizen = Citizens.id(authentication);
    if (citizen == null && !app.anonymous()) {
      throw new AnonymousNotAllowedException();
    }
    if (app.forOrganisations() && (citizen == null || prefill.organisationsOf(citizen).isEmpty())) {
      throw new OrganisationRequiredException();
    }
    if (key != null && (key.isBlank() || key.length() > 100)) {
      throw new AntragInvalidException(
          List.of(
              new AnswerProblem(
                  "Idempotency-Key", "max-length", List.of("Idempotency-Key", 100), null)));
    }
    String caller =
        citizen != null
            ? "account:" + citizen
            : authentication != null ? "client:" + authentication.getName() : "anonymous";
    String submissionKey =
        key == null
            ? "api:" + UUID.randomUUID()
            : "api:" + caller + ":" + ars + ":" + appId + ":" + key.strip();
    AnonymousSubmissions.Slots slots = anonymous.admit(request, authentication, 1);
    Map<String, Object> answers =
        body.answers() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(body.answers());
    uploads.checkAnswersSize(answers);
    String leikaKey = app.leikaKeys().isEmpty() ? null : app.leikaKeys().getFirst();
    boolean created = false;
    Draft draft =
        drafts.create(
            new Drafts.Target(
                appId,
                offered.app().version(),
                tenant.authorityArs(),
                tenant.displayName(),
                leikaKey),
            citizen);
    try {
      List<AnswerProblem> fileProblems = storeFiles(app, draft.id(), answers);
      if (!fileProblems.isEmpty()) {
        throw new AntragInvalidException(fileProblems);
      }
      String email =
          body.email() != null ? body.email() : answers.get("email") instanceof String s ? s : null;
      AntragManagement.Submitted submitted =
          antraege.submit(
              new AntragManagement.Submission(
                  submissionKey,
                  offered.app(),
                  offered.activation().parameters(),
                  tenant.authorityArs(),
                  tenant.displayName(),
                  leikaKey,
                  citizen,
                  email,
                  answers,
                  body.declarations() == null ? List.of() : body.declarations(),
                  draft.id(),
                  locale));
      created = submitted.created();
      if (!created) {
        drafts.delete(draft.id());
      }
      Antrag antrag = submitted.antrag();
      if (antrag.amountDueCents() != null) {
        URI back = URI.create("/antrag/eingang/" + antrag.reference());
        try {
          antragPayments.pay(antrag, back, back);
        } catch (ProblemException e) {
          // The payment service does not answer: the Antrag waits; asking again (GET) shows what is
          // due.
        }
      }
      URI receipt =
          URI.create(
              "/antrag/eingang/"
                  + antrag.reference()
                  + "/eingangsbestaetigung.pdf"
                  + (submitted.receiptToken() != null && citizen == null
                      ? "?token=" + submitted.receiptToken()
                      : ""));
      return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
          .location(URI.create("/api/v1/antraege/" + antrag.reference()))
          .body(
              new SubmitResponse(
                  antrag.reference(), antrag.status().name(), receipt, payment(antrag)));
    } catch (RuntimeException e) {
      drafts.delete(draft.id());
      throw e;
    } finally {
      slots.keep(created ? 1 : 0);
    }
  }

  /** Files come base64-encoded; they are stored like uploads and replaced by their metadata. */
  @SuppressWarnings("unchecked")
  private List<AnswerProblem> storeFiles(
      AppDefinition app, UUID draftId, Map<String, Object> answers) {
    List<AnswerProblem> problems = new ArrayList<>();
    for (Field field : app.fields()) {
      if (field.type() == FieldType.FILE) {
        answers.put(
            field.id(),
            uploads.acceptEncoded(draftId, field, field.id(), answers.get(field.id()), problems));
      } else if (field.type() == FieldType.GROUP
          && answers.get(field.id()) instanceof List<?> items) {
        List<Object> converted = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) instanceof Map<?, ?> item) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) item);
            for (Field child : field.fields()) {
              if (child.type() == FieldType.FILE && copy.containsKey(child.id())) {
                copy.put(
                    child.id(),
                    uploads.acceptEncoded(
                        draftId,
                        child,
                        field.id() + "[" + i + "]." + child.id(),
                        copy.get(child.id()),
                        problems));
              }
            }
            converted.add(copy);
          } else {
            converted.add(items.get(i));
          }
        }
        answers.put(field.id(), converted);
      }
    }
    return problems;
  }

  /**
   * The status of an Antrag, for its applicant.
   *
   * @param next the next expected step, in words ("Als Nächstes: …")
   */
  record Status(
      String reference,
      String app,
      int appVersion,
      String authority,
      String status,
      OffsetDateTime submittedAt,
      String next,
      List<Event> timeline,
      @Nullable Object payment) {}

  /**
   * One entry of the timeline.
   *
   * @param technical an attempt (a payment that failed or was retried, a delivery attempt) rather
   *     than progress; pages show these under "Details"
   */
  record Event(OffsetDateTime at, String type, String text, boolean technical) {}

  @GetMapping(path = "/api/v1/antraege/{reference}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Status and timeline of an Antrag, for its applicant (logged in, or with the receipt token)")
  Status status(
      @PathVariable String reference,
      @RequestParam(required = false) @Nullable String token,
      @Nullable Authentication authentication,
      Locale locale) {
    UUID citizen = Citizens.id(authentication);
    Antrag antrag =
        token != null
            ? antraege.withToken(reference, token)
            : citizen != null ? antraege.ofAccount(reference, citizen) : null;
    if (antrag == null) {
      throw new AntragManagement.AntragNotFoundException();
    }
    AntragTimelines.Timeline timeline = timelines.of(antrag, locale);
    return new Status(
        antrag.reference(),
        antrag.appId(),
        antrag.appVersion(),
        antrag.authorityName(),
        antrag.status().name(),
        antrag.submittedAt(),
        timeline.next(),
        timeline.entries().stream()
            .map(e -> new Event(e.at(), e.type(), e.text(), e.technical()))
            .toList(),
        payment(antrag));
  }

  @ExceptionHandler(AntragInvalidException.class)
  ResponseEntity<ProblemDetail> invalid(
      AntragInvalidException e, HttpServletRequest request, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            messages.getMessage(
                "problem.antrag-invalid.detail", new Object[] {e.problems().size()}, locale));
    problem.setType(URI.create("urn:amtsweg:problem:antrag-invalid"));
    problem.setTitle(messages.getMessage("problem.antrag-invalid.title", null, locale));
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty(
        "errors",
        e.problems().stream()
            .map(
                p ->
                    Map.of(
                        "path",
                        p.path(),
                        "message",
                        p.text() != null
                            ? p.text().in(locale)
                            : messages.getMessage(
                                Objects.requireNonNull(p.messageKey(), "a problem without text"),
                                p.arguments(locale),
                                locale)))
            .toList());
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** The app needs a Servicekonto and the caller sent no token. */
  static class AnonymousNotAllowedException extends de.amtsweg.platform.ProblemException {
    AnonymousNotAllowedException() {
      super(HttpStatus.UNAUTHORIZED, "unauthorized");
    }
  }
}
