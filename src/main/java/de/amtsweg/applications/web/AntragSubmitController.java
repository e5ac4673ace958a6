package de.amtsweg.applications.web;

import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragManagement.AntragInvalidException;
import de.amtsweg.applications.AntragPayments;
import de.amtsweg.applications.Drafts;
import de.amtsweg.applications.SubmissionLimits;
import de.amtsweg.applications.Warenkorb;
import de.amtsweg.appstore.Activation;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.PaymentTerms;
import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.forms.FormEngine;
import de.amtsweg.payment.Payment;
import de.amtsweg.platform.ProblemException;
import de.amtsweg.platform.ProofOfWork;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Check your answers, the declarations, and then submit: straight away, into the Warenkorb, or to
 * the payment service first when the tenant wants the fee before submission. A problem found at
 * submission sends the applicant back to this page with links to the questions.
 */
@Controller
class AntragSubmitController {

  private final ApplicantAccess access;
  private final AppStore store;
  private final Drafts drafts;
  private final AntragManagement antraege;
  private final AntragPayments antragPayments;
  private final Warenkorb warenkorb;
  private final MessageSource messages;
  private final AnonymousSubmissions anonymous;
  private final ProofOfWork proofOfWork;
  private final SubmissionLimits.Altcha altcha;
  private final JsonMapper json;

  AntragSubmitController(
      ApplicantAccess access,
      AppStore store,
      Drafts drafts,
      AntragManagement antraege,
      AntragPayments antragPayments,
      Warenkorb warenkorb,
      MessageSource messages,
      AnonymousSubmissions anonymous,
      ProofOfWork proofOfWork,
      SubmissionLimits limits,
      JsonMapper json) {
    this.anonymous = anonymous;
    this.proofOfWork = proofOfWork;
    this.altcha = limits.altcha();
    this.json = json;
    this.access = access;
    this.store = store;
    this.drafts = drafts;
    this.antraege = antraege;
    this.antragPayments = antragPayments;
    this.warenkorb = warenkorb;
    this.messages = messages;
  }

  @GetMapping("/antrag/{appId}/{draftId}/pruefen")
  String check(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    DraftContext context = access.draft(appId, draftId, request, authentication);
    if (context.draft().submitted()) {
      return "redirect:/antrag/eingang/" + context.draft().submittedReference();
    }
    return render(
        context,
        context.draft().declarations(),
        List.of(),
        null,
        request,
        authentication,
        model,
        locale);
  }

  @PostMapping("/antrag/{appId}/{draftId}/absenden")
  String submit(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @RequestParam(name = "erklaerung", required = false) @Nullable List<String> confirmed,
      @RequestParam(name = "_ziel", required = false) @Nullable String target,
      @RequestParam(name = "altcha", required = false) @Nullable String solution,
      HttpServletRequest request,
      HttpServletResponse response,
      @Nullable Authentication authentication,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    DraftContext context = access.draft(appId, draftId, request, authentication);
    List<String> declarations =
        confirmed == null
            ? List.of()
            : confirmed.stream()
                .filter(
                    id -> context.app().declarations().stream().anyMatch(d -> d.id().equals(id)))
                .distinct()
                .toList();
    if (!context.draft().submitted()) {
      drafts.saveDeclarations(draftId, declarations);
    }
    if ("warenkorb".equals(target) && !context.draft().submitted()) {
      FormEngine engine = context.engine(context.draft().answers());
      if (!payable(context, engine)) {
        // Nothing to pay: the Warenkorb is for paying several Anträge at once, not for this one.
        return "redirect:" + context.base() + "/pruefen";
      }
      List<AnswerProblem> problems = new ArrayList<>(engine.problems());
      problems.addAll(engine.declarationProblems(declarations));
      if (!problems.isEmpty()) {
        return render(
            context, declarations, problems, null, request, authentication, model, locale);
      }
      try {
        if (warenkorb.add(
                WarenkorbController.owner(request.getSession(), authentication),
                Citizens.id(authentication) != null,
                draftId)
            > 0) {
          redirect.addFlashAttribute("voided", "warenkorb.voided.changed");
        }
      } catch (ProblemException e) {
        redirect.addFlashAttribute("voided", "warenkorb.voided.pending");
      }
      return "redirect:/warenkorb";
    }
    boolean submitting = !context.draft().submitted();
    // Without JavaScript no solution comes, and the address limit alone applies; one that comes
    // must hold.
    if (submitting
        && solution != null
        && altcha.enabled()
        && AnonymousSubmissions.anonymous(authentication)
        && proofOfWork.verify(solution) != ProofOfWork.Verdict.VALID) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return render(
          context,
          declarations,
          List.of(),
          message("applications.submit.proof-invalid", locale),
          request,
          authentication,
          model,
          locale);
    }
    AnonymousSubmissions.Slots slots;
    try {
      slots = anonymous.admit(request, authentication, submitting ? 1 : 0);
    } catch (SubmissionLimitException e) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return render(
          context,
          declarations,
          List.of(),
          message(
              "applications.submit.limit",
              locale,
              SubmissionLimitException.minutes(
                  Objects.requireNonNull(e.retryAfter(), "a limit's wait"))),
          request,
          authentication,
          model,
          locale);
    }
    boolean created = false;
    try {
      AntragManagement.Submitted submitted =
          antraege.submit(
              new AntragManagement.Submission(
                  context.draft().id().toString(),
                  context.published(),
                  context.parameters(),
                  context.draft().tenantArs(),
                  context.draft().authorityName(),
                  context.draft().leikaKey(),
                  context.draft().accountId(),
                  context.contactEmail(),
                  context.draft().answers(),
                  declarations,
                  context.draft().id(),
                  locale));
      created = submitted.created();
      if (submitted.receiptToken() != null) {
        AntragSession.rememberReceipt(
            request.getSession(), submitted.antrag().reference(), submitted.receiptToken());
      }
      if (submitted.antrag().waitingForPayment()) {
        return payOrConfirm(submitted.antrag());
      }
      return "redirect:/antrag/eingang/" + submitted.antrag().reference();
    } catch (AntragInvalidException e) {
      return render(
          context, declarations, e.problems(), null, request, authentication, model, locale);
    } finally {
      slots.keep(created ? 1 : 0);
    }
  }

  /** Whether the Antrag costs anything with these answers at the tenant's price. */
  private boolean payable(DraftContext context, FormEngine engine) {
    FormEngine.FeeAssessment fee = engine.assessFee();
    return fee != null && fee.cents() > 0;
  }

  private PaymentTerms terms(DraftContext context) {
    return store
        .activation(context.draft().tenantArs(), context.app().id())
        .map(Activation::payment)
        .orElse(PaymentTerms.NONE);
  }

  private String message(String key, Locale locale, Object... arguments) {
    return Objects.requireNonNull(
        messages.getMessage(key, arguments, locale), "a message of the bundle");
  }

  /** Pays the fee of a submitted Antrag (again), from its confirmation page. */
  @PostMapping("/antrag/eingang/{reference}/bezahlen")
  String pay(
      @PathVariable String reference,
      @RequestParam(required = false) @Nullable String token,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    Antrag antrag = access.antrag(reference, token, request, authentication);
    if (token != null) {
      AntragSession.rememberReceipt(request.getSession(), reference, token);
    }
    return payOrConfirm(antrag);
  }

  /**
   * Sends the payer to the payment service; if it cannot be reached, to the Antrag's page, which
   * offers to try again.
   */
  private String payOrConfirm(Antrag antrag) {
    URI back = URI.create("/antrag/eingang/" + antrag.reference());
    try {
      Payment payment = antragPayments.pay(antrag, back, back);
      if (payment.status().open() && payment.payUrl() != null) {
        return "redirect:" + payment.payUrl();
      }
    } catch (ProblemException e) {
      // The payment service is not reachable or not configured: the Antrag waits, its page says so.
    }
    return "redirect:/antrag/eingang/" + antrag.reference();
  }

  /**
   * The check page.
   *
   * @param refusal a refusal of the whole submission (limit, failed proof of work), first in the
   *     error summary and linked to the submit button
   */
  private String render(
      DraftContext context,
      List<String> declarations,
      List<AnswerProblem> extra,
      @Nullable String refusal,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    AppDefinition app = context.app();
    Map<String, Object> answers = context.draft().answers();
    FormEngine engine = context.engine(answers);
    List<AnswerProblem> problems = new ArrayList<>(engine.problems());
    for (AnswerProblem problem : extra) {
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
    FieldViews views =
        new FieldViews(app, engine, answers, problems, locale, messages, context.signedIn());
    List<Map<String, String>> errors = new ArrayList<>();
    if (refusal != null) {
      errors.add(Map.of("target", "#absenden", "message", refusal));
    }
    for (AnswerProblem problem : problems) {
      String target =
          problem.path().startsWith("declaration-")
              ? "#f-" + problem.path()
              : context.step(stepOf(app, problem.path())) + "?zurueck=pruefen#" + problem.inputId();
      errors.add(Map.of("target", target, "message", views.message(problem)));
    }
    model.addAttribute("app", app);
    model.addAttribute("draft", context.draft());
    model.addAttribute("sections", views.summary(context.base() + "/schritt/"));
    model.addAttribute(
        "computed",
        app.computed().stream()
            .filter(c -> engine.computed().containsKey(c.id()))
            .map(
                c ->
                    Map.of(
                        "label",
                        c.label().in(locale),
                        "value",
                        format(
                            Objects.requireNonNull(engine.computed().get(c.id()), "filtered above"),
                            c.type(),
                            locale)))
            .toList());
    PaymentTerms terms = terms(context);
    FormEngine.FeeAssessment fee = engine.assessFee();
    model.addAttribute("fee", fee == null ? null : FieldViews.money(fee.amount(), locale));
    model.addAttribute(
        "feeExemption", fee == null || fee.exemption() == null ? null : fee.exemption().in(locale));
    model.addAttribute(
        "feeLegalBasis",
        fee == null || fee.legalBasis() == null ? null : fee.legalBasis().in(locale));
    model.addAttribute(
        "paymentPolicy", fee == null || fee.cents() == 0 ? null : terms.policy().name());
    UUID cartOwner =
        context.draft().accountId() != null
            ? context.draft().accountId()
            : WarenkorbController.sessionOwner(request.getSession(false));
    model.addAttribute(
        "inCart", cartOwner != null && warenkorb.contains(cartOwner, context.draft().id()));
    model.addAttribute("cartOffered", fee != null && fee.cents() > 0);
    model.addAttribute(
        "declarations",
        app.declarations().stream()
            .map(
                d ->
                    Map.of(
                        "id",
                        d.id(),
                        "text",
                        d.text().in(locale),
                        "checked",
                        declarations.contains(d.id()),
                        "error",
                        problems.stream()
                            .filter(p -> p.path().equals("declaration-" + d.id()))
                            .findFirst()
                            .map(views::message)
                            .orElse("")))
            .toList());
    model.addAttribute("errors", errors);
    model.addAttribute("stepNumber", engine.visibleSteps().size() + 1);
    model.addAttribute("previous", context.step(engine.visibleSteps().getLast().id()));
    model.addAttribute("base", context.base());
    model.addAttribute("notice", AntragSession.takeNotice(request.getSession()));
    boolean proof = altcha.enabled() && AnonymousSubmissions.anonymous(authentication);
    model.addAttribute("altcha", proof);
    model.addAttribute("altchaStrings", proof ? altchaStrings(locale) : null);
    return "applications/check";
  }

  /** The widget's texts ({@code strings}), from the message bundles. */
  private String altchaStrings(Locale locale) {
    Map<String, String> strings = new java.util.LinkedHashMap<>();
    for (String key : ALTCHA_STRINGS) {
      strings.put(key, message("applications.altcha." + key, locale));
    }
    // Empty: no alert() box when the form is sent while it still works; the browser's own message
    // on its required checkbox says so instead, as for any required field.
    strings.put("waitAlert", "");
    return json.writeValueAsString(strings);
  }

  /** The texts the ALTCHA widget shows or reads out (its footer is hidden). */
  private static final List<String> ALTCHA_STRINGS =
      List.of(
          "ariaLinkLabel",
          "enterCode",
          "enterCodeAria",
          "error",
          "expired",
          "getAudioChallenge",
          "label",
          "loading",
          "reload",
          "verificationRequired",
          "verified",
          "verify",
          "verifying");

  private String format(Object value, String type, Locale locale) {
    if ("money".equals(type) && value instanceof BigDecimal amount) {
      return FieldViews.money(amount, locale);
    }
    if ("yesno".equals(type)) {
      return messages.getMessage(
          Boolean.TRUE.equals(value) ? "applications.yes" : "applications.no", null, locale);
    }
    return value.toString();
  }

  /** The step of the question a problem is about (its top-level question for a group's). */
  private static String stepOf(AppDefinition app, String path) {
    String id = path.replaceAll("[\\[.].*$", "");
    return app.field(id).flatMap(app::stepOf).map(Step::id).orElse(app.steps().getFirst().id());
  }
}
