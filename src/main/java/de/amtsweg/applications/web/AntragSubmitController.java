package de.amtsweg.applications.web;

import de.amtsweg.applications.Antrag;
import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragManagement.AntragInvalidException;
import de.amtsweg.applications.AntragPayments;
import de.amtsweg.applications.Drafts;
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
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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

  AntragSubmitController(
      ApplicantAccess access,
      AppStore store,
      Drafts drafts,
      AntragManagement antraege,
      AntragPayments antragPayments,
      Warenkorb warenkorb,
      MessageSource messages) {
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
    return render(context, context.draft().declarations(), List.of(), request, model, locale);
  }

  @PostMapping("/antrag/{appId}/{draftId}/absenden")
  String submit(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @RequestParam(name = "erklaerung", required = false) @Nullable List<String> confirmed,
      @RequestParam(name = "_ziel", required = false) @Nullable String target,
      HttpServletRequest request,
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
      List<AnswerProblem> problems = new ArrayList<>(engine.problems());
      problems.addAll(engine.declarationProblems(declarations));
      if (!problems.isEmpty()) {
        return render(context, declarations, problems, request, model, locale);
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
      if (submitted.receiptToken() != null) {
        AntragSession.rememberReceipt(
            request.getSession(), submitted.antrag().reference(), submitted.receiptToken());
      }
      if (submitted.antrag().waitingForPayment()) {
        return payOrConfirm(submitted.antrag());
      }
      return "redirect:/antrag/eingang/" + submitted.antrag().reference();
    } catch (AntragInvalidException e) {
      return render(context, declarations, e.problems(), request, model, locale);
    }
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

  private String render(
      DraftContext context,
      List<String> declarations,
      List<AnswerProblem> extra,
      HttpServletRequest request,
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
    FieldViews views = new FieldViews(app, engine, answers, problems, locale, messages);
    List<Map<String, String>> errors = new ArrayList<>();
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
    PaymentTerms terms =
        store
            .activation(context.draft().tenantArs(), app.id())
            .map(Activation::payment)
            .orElse(PaymentTerms.NONE);
    FormEngine.FeeAssessment fee = engine.assessFee(terms.feeOverride());
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
                        problems.stream().anyMatch(p -> p.path().equals("declaration-" + d.id()))))
            .toList());
    model.addAttribute("errors", errors);
    model.addAttribute("stepCount", engine.visibleSteps().size() + 1);
    model.addAttribute("previous", context.step(engine.visibleSteps().getLast().id()));
    model.addAttribute("base", context.base());
    model.addAttribute("notice", AntragSession.takeNotice(request.getSession()));
    return "applications/check";
  }

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
