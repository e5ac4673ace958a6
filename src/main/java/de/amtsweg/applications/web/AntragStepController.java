package de.amtsweg.applications.web;

import de.amtsweg.applications.Drafts;
import de.amtsweg.applications.SubmissionLimits;
import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.forms.FieldType;
import de.amtsweg.forms.FormEngine;
import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page per step of an Antrag, and saving it to go on later. Every page is a plain form with
 * POST-redirect-GET; the draft is saved at every step, and nothing typed is lost when a page has
 * errors. A question that an answer shows appears at once with JavaScript ({@code antrag-form.js}
 * asks for the page again and takes only the questions that appeared or went); without it, after
 * "Weiter", before the question is ever reported missing.
 */
@Controller
class AntragStepController {

  private final ApplicantAccess access;
  private final AnswerFormReader reader;
  private final Drafts drafts;
  private final MessageSource messages;
  private final Mailer mailer;
  private final String publicUrl;
  private final RateLimits rateLimits;
  private final int mailsPerRecipient;

  /** Resume-link e-mails go to an address nobody confirmed: limited per address, as receipts. */
  static final String RESUME_MAIL_BUCKET = "resume-mail";

  AntragStepController(
      ApplicantAccess access,
      AnswerFormReader reader,
      Drafts drafts,
      MessageSource messages,
      Mailer mailer,
      PlatformProperties platform,
      RateLimits rateLimits,
      SubmissionLimits limits) {
    this.rateLimits = rateLimits;
    this.mailsPerRecipient = limits.receiptMailsPerRecipient();
    this.access = access;
    this.reader = reader;
    this.drafts = drafts;
    this.messages = messages;
    this.mailer = mailer;
    this.publicUrl = platform.publicUrl().toString();
  }

  @GetMapping("/antrag/{appId}/{draftId}/schritt/{stepId}")
  String step(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @PathVariable String stepId,
      @RequestParam(name = "zurueck", required = false) @Nullable String back,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    DraftContext context = access.draft(appId, draftId, request, authentication);
    if (context.draft().submitted()) {
      return "redirect:/antrag/eingang/" + context.draft().submittedReference();
    }
    FormEngine engine = context.engine(context.draft().answers());
    Step step = context.app().step(stepId).filter(engine::visible).orElse(null);
    if (step == null) {
      return "redirect:" + context.step(engine.visibleSteps().getFirst().id());
    }
    return render(
        context,
        engine,
        step,
        context.draft().answers(),
        List.of(),
        "pruefen".equals(back),
        request,
        model,
        locale);
  }

  @PostMapping("/antrag/{appId}/{draftId}/schritt/{stepId}")
  String save(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @PathVariable String stepId,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    DraftContext context = access.draft(appId, draftId, request, authentication);
    if (context.draft().submitted()) {
      return "redirect:/antrag/eingang/" + context.draft().submittedReference();
    }
    FormEngine before = context.engine(context.draft().answers());
    Step step =
        context
            .app()
            .step(stepId)
            .filter(before::visible)
            .orElseThrow(Drafts.DraftNotFoundException::new);
    AnswerFormReader.StepAnswers read = reader.read(context, before, step, params, request);
    Map<String, Object> answers = read.answers();
    List<AnswerProblem> uploadProblems = read.uploadProblems();
    String action = Optional.ofNullable(params.getFirst("_action")).orElse("weiter");
    boolean toCheck = "pruefen".equals(params.getFirst("zurueck"));
    String self = context.step(step.id()) + (toCheck ? "?zurueck=pruefen" : "");
    if (AnswerFormReader.edits(action)) {
      String anchor = reader.applyAction(context, action, answers);
      drafts.saveAnswers(draftId, answers);
      if (uploadProblems.isEmpty()) {
        return "redirect:" + self + "#" + anchor;
      }
    } else {
      drafts.saveAnswers(draftId, answers);
    }
    if ("speichern".equals(action) && uploadProblems.isEmpty()) {
      return "redirect:" + context.base() + "/speichern";
    }
    FormEngine after = context.engine(answers);
    List<AnswerProblem> problems = new ArrayList<>(uploadProblems);
    // "aktualisieren" comes from htmx when a choice changed: show the page as it now is, no errors
    // yet.
    boolean onlyShow =
        action.startsWith("add:") || action.startsWith("remove") || "aktualisieren".equals(action);
    if (!onlyShow) {
      // Only about questions the applicant has seen: one that this page's answers have just shown
      // (without JavaScript it appears only now) is asked first, not reported missing.
      after.problems(step).stream().filter(p -> before.visibleAt(p.path())).forEach(problems::add);
    }
    // An answer showed a question on this page that the applicant has not seen yet: ask it.
    boolean revealed = !onlyShow && revealsQuestions(before, after, step);
    if (revealed) {
      AntragSession.notice(request.getSession(), "applications.step.more-questions");
    }
    if (!problems.isEmpty() || onlyShow || revealed) {
      return render(context, after, step, answers, problems, toCheck, request, model, locale);
    }
    List<Step> visible = after.visibleSteps();
    int index = visible.indexOf(step);
    if (toCheck || index < 0 || index == visible.size() - 1) {
      return "redirect:" + context.base() + "/pruefen";
    }
    return "redirect:" + context.step(visible.get(index + 1).id());
  }

  private String render(
      DraftContext context,
      FormEngine engine,
      Step step,
      Map<String, ?> answers,
      List<AnswerProblem> problems,
      boolean toCheck,
      HttpServletRequest request,
      Model model,
      Locale locale) {
    FieldViews views =
        new FieldViews(
            context.app(), engine, answers, problems, locale, messages, context.signedIn());
    List<Step> visible = engine.visibleSteps();
    int index = visible.indexOf(step);
    model.addAttribute("app", context.app());
    model.addAttribute("draft", context.draft());
    model.addAttribute("step", step);
    model.addAttribute("stepTitle", step.title().in(locale));
    model.addAttribute("stepIntro", step.intro() == null ? null : step.intro().in(locale));
    model.addAttribute("fields", views.step(step));
    model.addAttribute("errors", errorLinks(views, problems));
    model.addAttribute("errorsByPath", views.errors());
    // "Schritt 2", without "von 5": the number of steps depends on answers not given yet, and a
    // total that changes on the way misleads (GOV.UK shows no total then either).
    model.addAttribute("stepNumber", index + 1);
    model.addAttribute(
        "previous",
        index > 0 ? context.step(visible.get(index - 1).id()) : "/antrag/" + context.app().id());
    model.addAttribute("action", context.step(step.id()));
    model.addAttribute("toCheck", toCheck);
    model.addAttribute("multipart", hasFiles(step));
    model.addAttribute("notice", AntragSession.takeNotice(request.getSession()));
    model.addAttribute("base", context.base());
    return "applications/step";
  }

  /**
   * Whether the answers just given show a question of this page that was hidden when it was filled
   * in.
   */
  private static boolean revealsQuestions(FormEngine before, FormEngine after, Step step) {
    for (Field field : step.fields()) {
      if (after.visible(field) && !before.visible(field)) {
        return true;
      }
      if (field.type() == FieldType.GROUP && after.visible(field)) {
        for (int i = 0; i < after.itemCount(field); i++) {
          for (Field child : field.fields()) {
            if (after.visible(field, i, child) && !before.visible(field, i, child)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean hasFiles(Step step) {
    return step.fields().stream()
        .anyMatch(
            f ->
                f.type() == FieldType.FILE
                    || f.fields().stream().anyMatch(c -> c.type() == FieldType.FILE));
  }

  /** Error summary entries: message and the id of the input to jump to. */
  private static List<Map<String, String>> errorLinks(
      FieldViews views, List<AnswerProblem> problems) {
    List<Map<String, String>> links = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (AnswerProblem problem : problems) {
      if (seen.add(problem.path())) {
        links.add(Map.of("target", "#" + problem.inputId(), "message", views.message(problem)));
      }
    }
    return links;
  }

  // --- save and resume ---

  /** Whether an address for the resume link looks deliverable (the mail server checks the rest). */
  static boolean resumeAddress(String address) {
    return address.length() <= 254 && address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
  }

  @GetMapping("/antrag/{appId}/{draftId}/speichern")
  String savePage(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model) {
    DraftContext context = access.draft(appId, draftId, request, authentication);
    model.addAttribute("app", context.app());
    model.addAttribute("draft", context.draft());
    model.addAttribute("base", context.base());
    model.addAttribute("account", context.draft().accountId() != null);
    model.addAttribute(
        "email",
        context.draft().resumeEmail() != null
            ? context.draft().resumeEmail()
            : context.contactEmail());
    return "applications/save";
  }

  @PostMapping("/antrag/{appId}/{draftId}/speichern")
  String sendResumeLink(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @RequestParam String email,
      HttpServletRequest request,
      HttpServletResponse response,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    DraftContext context = access.draft(appId, draftId, request, authentication);
    String address = email.strip();
    String refusal = null;
    if (!resumeAddress(address)) {
      refusal = "applications.save.email-invalid";
    } else if (rateLimits.take(
            RESUME_MAIL_BUCKET,
            address.toLowerCase(Locale.ROOT),
            mailsPerRecipient,
            SubmissionLimits.RECEIPT_MAIL_WINDOW)
        instanceof RateLimits.Refused) {
      refusal = "applications.save.email-limit";
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    }
    if (refusal != null) {
      model.addAttribute("app", context.app());
      model.addAttribute("draft", context.draft());
      model.addAttribute("base", context.base());
      model.addAttribute("account", false);
      model.addAttribute("email", address);
      model.addAttribute("emailError", messages.getMessage(refusal, null, locale));
      return "applications/save";
    }
    String token = drafts.issueResumeToken(draftId, address);
    String link =
        UriComponentsBuilder.fromUriString(publicUrl)
            .path("/antrag/fortsetzen")
            .queryParam("token", token)
            .build()
            .toUriString();
    mailer.send(
        new OutgoingMail(
            address,
            messages.getMessage("applications.resume.mail.subject", null, locale),
            messages.getMessage(
                "applications.resume.mail.body",
                new Object[] {context.app().name().in(locale), link},
                locale)));
    return "redirect:" + context.base() + "/speichern?gesendet";
  }
}
