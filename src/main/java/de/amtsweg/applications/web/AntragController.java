package de.amtsweg.applications.web;

import de.amtsweg.applications.AntragManagement;
import de.amtsweg.applications.AntragManagement.AntragInvalidException;
import de.amtsweg.applications.AntragPayments;
import de.amtsweg.applications.Attachments;
import de.amtsweg.applications.Draft;
import de.amtsweg.applications.Drafts;
import de.amtsweg.applications.Prefill;
import de.amtsweg.applications.Warenkorb;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStore.OfferedApp;
import de.amtsweg.appstore.PaymentTerms;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.forms.FieldType;
import de.amtsweg.forms.FormEngine;
import de.amtsweg.payment.Payment;
import de.amtsweg.platform.Mailer;
import de.amtsweg.platform.OutgoingMail;
import de.amtsweg.platform.PlatformProperties;
import de.amtsweg.platform.ProblemException;
import de.amtsweg.tenancy.ChosenPlace;
import de.amtsweg.tenancy.PlaceSelection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The citizen's way through an Antrags-App: start (with the responsible authority for the chosen
 * place), the prefill consent, one page per step, check your answers, declarations, submit,
 * confirmation with the receipt. Every page is a plain form with POST-redirect-GET; the draft is
 * saved at every step, and nothing typed is lost when a page has errors.
 */
@Controller
class AntragController {

  /** Drafts this browser session may open (anonymous drafts are bound to the session). */
  static final String SESSION_DRAFTS = AntragController.class.getName() + ".drafts";

  /** Receipt tokens of Anträge submitted in this session, by reference. */
  static final String SESSION_RECEIPTS = AntragController.class.getName() + ".receipts";

  private static final String SESSION_NOTICE = AntragController.class.getName() + ".notice";

  private final AppStore store;
  private final Drafts drafts;
  private final AntragManagement antraege;
  private final Attachments attachments;
  private final Prefill prefill;
  private final Responsibility responsibility;
  private final PlaceSelection places;
  private final MessageSource messages;
  private final Mailer mailer;
  private final AntragPayments antragPayments;
  private final Warenkorb warenkorb;
  private final String publicUrl;

  AntragController(
      AppStore store,
      Drafts drafts,
      AntragManagement antraege,
      Attachments attachments,
      Prefill prefill,
      Responsibility responsibility,
      PlaceSelection places,
      MessageSource messages,
      Mailer mailer,
      AntragPayments antragPayments,
      Warenkorb warenkorb,
      PlatformProperties platform) {
    this.antragPayments = antragPayments;
    this.warenkorb = warenkorb;
    this.store = store;
    this.drafts = drafts;
    this.antraege = antraege;
    this.attachments = attachments;
    this.prefill = prefill;
    this.responsibility = responsibility;
    this.places = places;
    this.messages = messages;
    this.mailer = mailer;
    this.publicUrl = platform.publicUrl().toString();
  }

  // --- start ---

  @GetMapping("/antrag/{appId}")
  String start(
      @PathVariable String appId,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model) {
    PublishedApp app =
        store
            .latest(appId)
            .orElseThrow(() -> de.amtsweg.appstore.AppStoreException.notFound(appId));
    model.addAttribute("app", app.definition());
    model.addAttribute("back", "/antrag/" + appId);
    ChosenPlace place = places.current(request).orElse(null);
    model.addAttribute("chosenPlace", place);
    if (place != null) {
      Optional<Responsibility.Target> target = responsibility.target(app.id(), place.ars());
      model.addAttribute("target", target.orElse(null));
      target.ifPresent(
          t -> {
            model.addAttribute("themeSlug", t.tenant().slug());
            model.addAttribute("notes", notes(t.offered(), request.getLocale()));
          });
    }
    model.addAttribute("citizen", Citizens.id(authentication));
    model.addAttribute(
        "open",
        Citizens.id(authentication) == null
            ? List.of()
            : drafts.ofAccount(Citizens.id(authentication)).stream()
                .filter(d -> d.appId().equals(appId))
                .toList());
    return "applications/start";
  }

  @PostMapping("/antrag/{appId}")
  String begin(
      @PathVariable String appId,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    ChosenPlace place = places.current(request).orElse(null);
    if (place == null) {
      return "redirect:/antrag/" + appId;
    }
    Responsibility.Target target =
        responsibility
            .target(appId, place.ars())
            .orElseThrow(() -> de.amtsweg.appstore.AppStoreException.notActive(appId));
    UUID citizen = Citizens.id(authentication);
    AppDefinition app = target.offered().definition();
    if (!app.anonymous() && citizen == null) {
      return "redirect:/konto/anmelden?weiter=/antrag/" + appId;
    }
    if (app.forOrganisations() && (citizen == null || prefill.organisationsOf(citizen).isEmpty())) {
      throw new OrganisationRequiredException();
    }
    Draft draft =
        drafts.create(
            new Drafts.Target(
                appId,
                target.offered().app().version(),
                target.tenant().authorityArs(),
                target.tenant().displayName(),
                target.leikaKey()),
            citizen);
    allow(request.getSession(), draft.id());
    boolean hasPrefill =
        citizen != null && app.fields().stream().anyMatch(f -> f.prefill() != null);
    return "redirect:"
        + base(draft)
        + (hasPrefill ? "/daten" : "/schritt/" + app.steps().getFirst().id());
  }

  // --- prefill consent ---

  @GetMapping("/antrag/{appId}/{draftId}/daten")
  String consent(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @RequestParam(name = "organisation", required = false) @Nullable UUID organisation,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    Context context = open(appId, draftId, request, authentication);
    UUID citizen = Citizens.id(authentication);
    if (citizen == null) {
      return "redirect:" + base(context.draft) + "/schritt/" + context.app.steps().getFirst().id();
    }
    var memberships =
        context.app.forOrganisations()
            ? prefill.organisationsOf(citizen)
            : List.<de.amtsweg.account.Organisations.Membership>of();
    UUID chosen =
        organisation != null
            ? organisation
            : memberships.size() == 1 ? memberships.getFirst().organisation().id() : null;
    model.addAttribute("memberships", memberships);
    model.addAttribute("organisation", chosen);
    model.addAttribute(
        "offers",
        prefill.offers(context.app, citizen, chosen).stream()
            .map(o -> Map.of("label", o.field().label().in(locale), "value", o.display()))
            .toList());
    model.addAttribute("draft", context.draft);
    model.addAttribute("app", context.app);
    model.addAttribute("base", base(context.draft));
    model.addAttribute("firstStep", context.app.steps().getFirst().id());
    return "applications/consent";
  }

  @PostMapping("/antrag/{appId}/{draftId}/daten")
  String decideConsent(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @RequestParam String decision,
      @RequestParam(name = "organisation", required = false) @Nullable UUID organisation,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Locale locale) {
    Context context = open(appId, draftId, request, authentication);
    UUID citizen = Citizens.id(authentication);
    Map<String, Object> answers = new LinkedHashMap<>(context.draft.answers());
    if (citizen != null && "uebernehmen".equals(decision)) {
      List<Prefill.Offer> offers = prefill.offers(context.app, citizen, organisation);
      answers =
          prefill.apply(
              citizen,
              offers,
              answers,
              context.draft.tenantArs(),
              context.draft.authorityName(),
              context.draft.leikaKey(),
              context.app.name().in(locale));
    }
    drafts.prefillDecided(draftId, answers);
    return "redirect:" + base(context.draft) + "/schritt/" + context.app.steps().getFirst().id();
  }

  // --- steps ---

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
    Context context = open(appId, draftId, request, authentication);
    if (context.draft.submitted()) {
      return "redirect:/antrag/eingang/" + context.draft.submittedReference();
    }
    FormEngine engine = context.engine(context.draft.answers());
    Step step = context.app.step(stepId).filter(engine::visible).orElse(null);
    if (step == null) {
      return "redirect:"
          + base(context.draft)
          + "/schritt/"
          + engine.visibleSteps().getFirst().id();
    }
    return renderStep(
        context,
        engine,
        step,
        context.draft.answers(),
        List.of(),
        "pruefen".equals(back),
        request,
        model,
        locale);
  }

  @PostMapping("/antrag/{appId}/{draftId}/schritt/{stepId}")
  String saveStep(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @PathVariable String stepId,
      @RequestParam MultiValueMap<String, String> params,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    Context context = open(appId, draftId, request, authentication);
    if (context.draft.submitted()) {
      return "redirect:/antrag/eingang/" + context.draft.submittedReference();
    }
    FormEngine before = context.engine(context.draft.answers());
    Step step =
        context
            .app
            .step(stepId)
            .filter(before::visible)
            .orElseThrow(Drafts.DraftNotFoundException::new);
    List<AnswerProblem> uploadProblems = new ArrayList<>();
    Map<String, Object> answers = new LinkedHashMap<>(context.draft.answers());
    for (Field field : step.fields()) {
      if (before.visible(field)) {
        answers.put(
            field.id(),
            read(
                context,
                before,
                field,
                field.id(),
                params,
                request,
                answers.get(field.id()),
                uploadProblems));
      }
    }
    String action = Optional.ofNullable(params.getFirst("_action")).orElse("weiter");
    boolean toCheck = "pruefen".equals(params.getFirst("zurueck"));
    String self =
        base(context.draft) + "/schritt/" + step.id() + (toCheck ? "?zurueck=pruefen" : "");
    if (action.startsWith("add:")
        || action.startsWith("remove:")
        || action.startsWith("remove-file:")) {
      String anchor = applyAction(context, action, answers);
      drafts.saveAnswers(draftId, answers);
      if (uploadProblems.isEmpty()) {
        return "redirect:" + self + "#" + anchor;
      }
    } else {
      drafts.saveAnswers(draftId, answers);
    }
    if ("speichern".equals(action) && uploadProblems.isEmpty()) {
      return "redirect:" + base(context.draft) + "/speichern";
    }
    FormEngine after = context.engine(answers);
    List<AnswerProblem> problems = new ArrayList<>(uploadProblems);
    // "aktualisieren" comes from htmx when a choice changed: show the page as it now is, no errors
    // yet.
    boolean onlyShow =
        action.startsWith("add:") || action.startsWith("remove") || "aktualisieren".equals(action);
    if (!onlyShow) {
      problems.addAll(after.problems(step));
    }
    if (!problems.isEmpty() || onlyShow) {
      return renderStep(context, after, step, answers, problems, toCheck, request, model, locale);
    }
    if (revealsQuestions(before, after, step)) {
      // An answer showed a question on this page that the applicant has not seen yet: show it.
      request.getSession().setAttribute(SESSION_NOTICE, "applications.step.more-questions");
      return renderStep(context, after, step, answers, problems, toCheck, request, model, locale);
    }
    List<Step> visible = after.visibleSteps();
    int index = visible.indexOf(step);
    if (toCheck || index < 0 || index == visible.size() - 1) {
      return "redirect:" + base(context.draft) + "/pruefen";
    }
    return "redirect:" + base(context.draft) + "/schritt/" + visible.get(index + 1).id();
  }

  private String renderStep(
      Context context,
      FormEngine engine,
      Step step,
      Map<String, ?> answers,
      List<AnswerProblem> problems,
      boolean toCheck,
      HttpServletRequest request,
      Model model,
      Locale locale) {
    FieldViews views = new FieldViews(context.app, engine, answers, problems, locale, messages);
    List<Step> visible = engine.visibleSteps();
    int index = visible.indexOf(step);
    model.addAttribute("app", context.app);
    model.addAttribute("draft", context.draft);
    model.addAttribute("step", step);
    model.addAttribute("stepTitle", step.title().in(locale));
    model.addAttribute("stepIntro", step.intro() == null ? null : step.intro().in(locale));
    model.addAttribute("fields", views.step(step));
    model.addAttribute("errors", errorLinks(views, problems));
    model.addAttribute("errorsByPath", views.errors());
    model.addAttribute("stepNumber", index + 1);
    model.addAttribute("stepCount", visible.size() + 1);
    model.addAttribute(
        "previous",
        index > 0
            ? base(context.draft) + "/schritt/" + visible.get(index - 1).id()
            : "/antrag/" + context.app.id());
    model.addAttribute("action", base(context.draft) + "/schritt/" + step.id());
    model.addAttribute("toCheck", toCheck);
    model.addAttribute("multipart", hasFiles(step));
    model.addAttribute("notice", takeNotice(request.getSession()));
    model.addAttribute("base", base(context.draft));
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

  /** Reads one question's answer from the submitted page. */
  private @Nullable Object read(
      Context context,
      FormEngine before,
      Field field,
      String path,
      MultiValueMap<String, String> params,
      HttpServletRequest request,
      @Nullable Object previous,
      List<AnswerProblem> uploadProblems) {
    return switch (field.type()) {
      case MULTICHOICE -> new ArrayList<>(Optional.ofNullable(params.get(path)).orElse(List.of()));
      case ADDRESS -> {
        Map<String, Object> address = new LinkedHashMap<>();
        for (String part : FormEngine.ADDRESS_PARTS) {
          address.put(part, Optional.ofNullable(params.getFirst(path + "." + part)).orElse(""));
        }
        yield address;
      }
      case FILE -> {
        List<Object> files =
            previous instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        for (MultipartFile upload : uploads(request, path)) {
          store(context, field, path, upload, files, uploadProblems);
        }
        yield files;
      }
      case GROUP -> {
        List<?> old = previous instanceof List<?> list ? list : List.of();
        int count = count(params.getFirst(path + ".count"), old.size(), field);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          Map<String, Object> item = new LinkedHashMap<>();
          if (i < old.size() && old.get(i) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> item.put(String.valueOf(k), v));
          }
          for (Field child : field.fields()) {
            if (before.visible(field, i, child)) {
              item.put(
                  child.id(),
                  read(
                      context,
                      before,
                      child,
                      path + "[" + i + "]." + child.id(),
                      params,
                      request,
                      item.get(child.id()),
                      uploadProblems));
            }
          }
          items.add(item);
        }
        yield items;
      }
      default -> Optional.ofNullable(params.getFirst(path)).orElse("");
    };
  }

  private static int count(@Nullable String raw, int old, Field group) {
    int max = group.maxItems() != null ? group.maxItems() : 20;
    try {
      return Math.clamp(raw == null ? old : Integer.parseInt(raw), 0, max);
    } catch (NumberFormatException e) {
      return Math.min(old, max);
    }
  }

  private static List<MultipartFile> uploads(HttpServletRequest request, String path) {
    if (request instanceof MultipartHttpServletRequest multipart) {
      return multipart.getFiles(path).stream().filter(f -> !f.isEmpty()).toList();
    }
    return List.of();
  }

  /** Stores an upload when its detected type and size fit the question; otherwise reports why. */
  private void store(
      Context context,
      Field field,
      String path,
      MultipartFile upload,
      List<Object> files,
      List<AnswerProblem> problems) {
    String name = Optional.ofNullable(upload.getOriginalFilename()).orElse("datei");
    if (files.size() >= field.maxFilesOrDefault()) {
      problems.add(
          new AnswerProblem(
              path, "file-count", List.of(field.label(), field.maxFilesOrDefault()), null));
      return;
    }
    if (upload.getSize() > field.maxSizeKbOrDefault() * 1024L) {
      problems.add(
          new AnswerProblem(
              path, "file-size", List.of(name, field.maxSizeKbOrDefault() / 1024 + " MB"), null));
      return;
    }
    try {
      byte[] bytes = upload.getBytes();
      String type = Attachments.detect(bytes);
      if (!field.accept().contains(type)) {
        problems.add(
            new AnswerProblem(
                path, "file-type", List.of(name, field.label(), field.acceptedFormats()), null));
        return;
      }
      files.add(attachments.store(context.draft.id(), path, name, bytes).metadata());
    } catch (Attachments.UploadRefusedException e) {
      problems.add(
          new AnswerProblem(
              path, "upload-" + e.type().replace("upload-", ""), List.of(name), null));
    } catch (de.amtsweg.applications.VirusScanner.ScannerUnavailableException e) {
      // The rest of the page is still saved; only this file has to be uploaded again later.
      problems.add(new AnswerProblem(path, "upload-scanner-unavailable", List.of(name), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds or removes a group item or a file; returns the anchor to return to. */
  @SuppressWarnings("unchecked")
  private String applyAction(Context context, String action, Map<String, Object> answers) {
    String[] parts = action.split(":");
    if (parts[0].equals("add")) {
      Field group =
          context
              .app
              .field(parts[1])
              .filter(f -> f.type() == FieldType.GROUP)
              .orElseThrow(Drafts.DraftNotFoundException::new);
      List<Object> items =
          new ArrayList<>((List<Object>) answers.getOrDefault(group.id(), List.of()));
      if (items.size() < (group.maxItems() != null ? group.maxItems() : 20)) {
        items.add(new LinkedHashMap<String, Object>());
      }
      answers.put(group.id(), items);
      return AnswerProblem.inputId(group.id() + "[" + (items.size() - 1) + "]");
    }
    if (parts[0].equals("remove") && parts.length == 3) {
      List<Object> items =
          new ArrayList<>((List<Object>) answers.getOrDefault(parts[1], List.of()));
      int index = Integer.parseInt(parts[2]);
      if (index >= 0 && index < items.size()) {
        items.remove(index);
      }
      answers.put(parts[1], items);
      return AnswerProblem.inputId(parts[1]);
    }
    if (parts[0].equals("remove-file") && parts.length == 3) {
      UUID fileId = UUID.fromString(parts[2]);
      removeFile(answers, parts[1], fileId);
      attachments.remove(context.draft.id(), fileId);
      return AnswerProblem.inputId(parts[1]);
    }
    return "";
  }

  @SuppressWarnings("unchecked")
  private static void removeFile(Map<String, Object> answers, String path, UUID fileId) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^(\\w+)\\[(\\d+)]\\.(\\w+)$").matcher(path);
    List<Object> files;
    if (m.matches()) {
      List<Object> items = (List<Object>) answers.getOrDefault(m.group(1), List.of());
      int index = Integer.parseInt(m.group(2));
      if (index >= items.size()) {
        return;
      }
      Map<String, Object> item = (Map<String, Object>) items.get(index);
      files = new ArrayList<>((List<Object>) item.getOrDefault(m.group(3), List.of()));
      files.removeIf(f -> f instanceof Map<?, ?> meta && fileId.toString().equals(meta.get("id")));
      item.put(m.group(3), files);
    } else {
      files = new ArrayList<>((List<Object>) answers.getOrDefault(path, List.of()));
      files.removeIf(f -> f instanceof Map<?, ?> meta && fileId.toString().equals(meta.get("id")));
      answers.put(path, files);
    }
  }

  @GetMapping("/antrag/{appId}/{draftId}/datei/{fileId}")
  ResponseEntity<byte[]> file(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @PathVariable UUID fileId,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    open(appId, draftId, request, authentication);
    Attachments.Content content =
        attachments.ofDraft(draftId, fileId).orElseThrow(Drafts.DraftNotFoundException::new);
    return Downloads.attachment(content.name(), content.contentType(), content.bytes());
  }

  // --- check and submit ---

  @GetMapping("/antrag/{appId}/{draftId}/pruefen")
  String check(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    Context context = open(appId, draftId, request, authentication);
    if (context.draft.submitted()) {
      return "redirect:/antrag/eingang/" + context.draft.submittedReference();
    }
    return renderCheck(context, context.draft.declarations(), List.of(), request, model, locale);
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
    Context context = open(appId, draftId, request, authentication);
    List<String> declarations =
        confirmed == null
            ? List.of()
            : confirmed.stream()
                .filter(id -> context.app.declarations().stream().anyMatch(d -> d.id().equals(id)))
                .distinct()
                .toList();
    if (!context.draft.submitted()) {
      drafts.saveDeclarations(draftId, declarations);
    }
    if ("warenkorb".equals(target) && !context.draft.submitted()) {
      FormEngine engine = context.engine(context.draft.answers());
      List<AnswerProblem> problems = new ArrayList<>(engine.problems());
      problems.addAll(engine.declarationProblems(declarations));
      if (!problems.isEmpty()) {
        return renderCheck(context, declarations, problems, request, model, locale);
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
                  context.draft.id().toString(),
                  context.published,
                  context.parameters,
                  context.draft.tenantArs(),
                  context.draft.authorityName(),
                  context.draft.leikaKey(),
                  context.draft.accountId(),
                  contactEmail(context),
                  context.draft.answers(),
                  declarations,
                  context.draft.id(),
                  locale));
      if (submitted.receiptToken() != null) {
        receipts(request.getSession())
            .put(submitted.antrag().reference(), submitted.receiptToken());
      }
      if (submitted.antrag().waitingForPayment()) {
        return payOrConfirm(submitted.antrag());
      }
      return "redirect:/antrag/eingang/" + submitted.antrag().reference();
    } catch (AntragInvalidException e) {
      return renderCheck(context, declarations, e.problems(), request, model, locale);
    }
  }

  /**
   * Sends the payer to the payment service; if it cannot be reached, to the Antrag's page, which
   * offers to try again.
   */
  private String payOrConfirm(de.amtsweg.applications.Antrag antrag) {
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

  @PostMapping("/antrag/eingang/{reference}/bezahlen")
  String pay(
      @PathVariable String reference,
      @RequestParam(required = false) @Nullable String token,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    de.amtsweg.applications.Antrag antrag = authorised(reference, token, request, authentication);
    if (token != null) {
      receipts(request.getSession()).put(reference, token);
    }
    return payOrConfirm(antrag);
  }

  private @Nullable String contactEmail(Context context) {
    Object email = context.draft.answers().get("email");
    if (email instanceof String s && !s.isBlank()) {
      return s.strip();
    }
    return context.draft.resumeEmail();
  }

  private String renderCheck(
      Context context,
      List<String> declarations,
      List<AnswerProblem> extra,
      HttpServletRequest request,
      Model model,
      Locale locale) {
    FormEngine engine = context.engine(context.draft.answers());
    List<AnswerProblem> problems = new ArrayList<>(engine.problems());
    for (AnswerProblem problem : extra) {
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
    FieldViews views =
        new FieldViews(context.app, engine, context.draft.answers(), problems, locale, messages);
    List<Map<String, String>> errors = new ArrayList<>();
    for (AnswerProblem problem : problems) {
      String target =
          problem.path().startsWith("declaration-")
              ? "#f-" + problem.path()
              : base(context.draft)
                  + "/schritt/"
                  + stepOf(context.app, problem.path())
                  + "?zurueck=pruefen#"
                  + problem.inputId();
      errors.add(Map.of("target", target, "message", views.message(problem)));
    }
    model.addAttribute("app", context.app);
    model.addAttribute("draft", context.draft);
    model.addAttribute("sections", views.summary(base(context.draft) + "/schritt/"));
    model.addAttribute(
        "computed",
        context.app.computed().stream()
            .filter(c -> engine.computed().containsKey(c.id()))
            .map(
                c ->
                    Map.of(
                        "label",
                        c.label().in(locale),
                        "value",
                        format(engine.computed().get(c.id()), c.type(), locale)))
            .toList());
    PaymentTerms terms =
        store
            .activation(context.draft.tenantArs(), context.app.id())
            .map(a -> a.payment())
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
        context.draft.accountId() != null
            ? context.draft.accountId()
            : WarenkorbController.sessionOwner(request.getSession(false));
    model.addAttribute(
        "inCart", cartOwner != null && warenkorb.contains(cartOwner, context.draft.id()));
    model.addAttribute(
        "declarations",
        context.app.declarations().stream()
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
    model.addAttribute(
        "previous", base(context.draft) + "/schritt/" + engine.visibleSteps().getLast().id());
    model.addAttribute("base", base(context.draft));
    model.addAttribute("notice", takeNotice(request.getSession()));
    return "applications/check";
  }

  private String format(Object value, String type, Locale locale) {
    if ("money".equals(type) && value instanceof java.math.BigDecimal amount) {
      return FieldViews.money(amount, locale);
    }
    if ("yesno".equals(type)) {
      return messages.getMessage(
          Boolean.TRUE.equals(value) ? "applications.yes" : "applications.no", null, locale);
    }
    return value.toString();
  }

  private static String stepOf(AppDefinition app, String path) {
    String id = path.replaceAll("[\\[.].*$", "");
    return app.field(id).flatMap(app::stepOf).map(Step::id).orElse(app.steps().getFirst().id());
  }

  // --- save and resume ---

  @GetMapping("/antrag/{appId}/{draftId}/speichern")
  String savePage(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model) {
    Context context = open(appId, draftId, request, authentication);
    model.addAttribute("app", context.app);
    model.addAttribute("draft", context.draft);
    model.addAttribute("base", base(context.draft));
    model.addAttribute("account", context.draft.accountId() != null);
    model.addAttribute(
        "email",
        context.draft.resumeEmail() != null ? context.draft.resumeEmail() : contactEmail(context));
    return "applications/save";
  }

  @PostMapping("/antrag/{appId}/{draftId}/speichern")
  String sendResumeLink(
      @PathVariable String appId,
      @PathVariable UUID draftId,
      @RequestParam String email,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    Context context = open(appId, draftId, request, authentication);
    String address = email.strip();
    if (address.length() > 254 || !address.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$")) {
      model.addAttribute("app", context.app);
      model.addAttribute("draft", context.draft);
      model.addAttribute("base", base(context.draft));
      model.addAttribute("account", false);
      model.addAttribute("email", address);
      model.addAttribute(
          "emailError", messages.getMessage("applications.save.email-invalid", null, locale));
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
                new Object[] {context.app.name().in(locale), link},
                locale)));
    request.getSession().setAttribute(SESSION_NOTICE, "applications.save.sent");
    return "redirect:" + base(context.draft) + "/speichern?gesendet";
  }

  @GetMapping("/antrag/fortsetzen")
  String resume(
      @RequestParam(required = false) @Nullable String token,
      HttpServletRequest request,
      Model model) {
    Optional<Draft> draft = token == null ? Optional.empty() : drafts.byResumeToken(token);
    if (draft.isEmpty()) {
      return "applications/resume-invalid";
    }
    allow(request.getSession(), draft.get().id());
    return "redirect:" + base(draft.get()) + "/pruefen";
  }

  // --- confirmation ---

  @GetMapping("/antrag/eingang/{reference}")
  String confirmation(
      @PathVariable String reference,
      @RequestParam(required = false) @Nullable String token,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    de.amtsweg.applications.Antrag antrag = authorised(reference, token, request, authentication);
    String receiptToken = token != null ? token : receipts(request.getSession()).get(reference);
    model.addAttribute("antrag", antrag);
    model.addAttribute(
        "appName",
        store.version(antrag.appId(), antrag.appVersion()).definition().name().in(locale));
    model.addAttribute(
        "receiptUrl",
        "/antrag/eingang/"
            + reference
            + "/eingangsbestaetigung.pdf"
            + (receiptToken != null && Citizens.id(authentication) == null
                ? "?token=" + receiptToken
                : ""));
    model.addAttribute("citizen", Citizens.id(authentication));
    AntragPayments.Due due = antragPayments.due(antrag).orElse(null);
    model.addAttribute("due", due);
    model.addAttribute(
        "dueAmount", due == null ? null : de.amtsweg.platform.Money.euros(due.amountCents()));
    model.addAttribute("token", token);
    return "applications/done";
  }

  @GetMapping("/antrag/eingang/{reference}/eingangsbestaetigung.pdf")
  ResponseEntity<byte[]> receipt(
      @PathVariable String reference,
      @RequestParam(required = false) @Nullable String token,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    de.amtsweg.applications.Antrag antrag = authorised(reference, token, request, authentication);
    if (antrag.waitingForPayment()) {
      throw new AntragManagement.AntragNotFoundException();
    }
    return Downloads.attachment(
        "Eingangsbestaetigung-" + reference + ".pdf",
        MediaType.APPLICATION_PDF_VALUE,
        antraege.receipt(antrag.id()));
  }

  private de.amtsweg.applications.Antrag authorised(
      String reference,
      @Nullable String token,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    UUID citizen = Citizens.id(authentication);
    String sessionToken = receipts(request.getSession()).get(reference);
    if (token != null) {
      return antraege.withToken(reference, token);
    }
    if (sessionToken != null) {
      return antraege.withToken(reference, sessionToken);
    }
    if (citizen != null) {
      return antraege.ofAccount(reference, citizen);
    }
    throw new AntragManagement.AntragNotFoundException();
  }

  // --- helpers ---

  /** A draft with the app version it was started on, or the newest one after a migration. */
  private final class Context {
    final Draft draft;
    final PublishedApp published;
    final AppDefinition app;
    final Map<String, Object> parameters;

    Context(Draft draft, PublishedApp published, Map<String, Object> parameters) {
      this.draft = draft;
      this.published = published;
      this.app = published.definition();
      this.parameters = parameters;
    }

    FormEngine engine(Map<String, ?> answers) {
      return FormEngine.evaluate(app, parameters, answers);
    }
  }

  /**
   * Opens a draft for the caller: an account's draft for its owner only, an anonymous one for the
   * session that started or resumed it. A draft on an old app version moves to the newest version
   * (its answers are kept and checked again), and the applicant is told.
   */
  private Context open(
      String appId,
      UUID draftId,
      HttpServletRequest request,
      @Nullable Authentication authentication) {
    Draft draft =
        drafts
            .find(draftId)
            .filter(d -> d.appId().equals(appId))
            .orElseThrow(Drafts.DraftNotFoundException::new);
    UUID citizen = Citizens.id(authentication);
    boolean owner =
        draft.accountId() != null
            ? draft.accountId().equals(citizen)
            : allowed(request.getSession(false), draftId);
    if (!owner) {
      throw new Drafts.DraftNotFoundException();
    }
    OfferedApp offered = store.offered(draft.tenantArs(), appId).orElse(null);
    if (offered == null) {
      if (draft.submitted()) {
        PublishedApp version = store.version(appId, draft.appVersion());
        return new Context(draft, version, Map.of());
      }
      throw de.amtsweg.appstore.AppStoreException.notActive(appId);
    }
    if (!draft.submitted() && offered.app().version() > draft.appVersion()) {
      drafts.migrate(draftId, offered.app().version());
      request.getSession().setAttribute(SESSION_NOTICE, "applications.migrated");
      draft = drafts.get(draftId);
    }
    PublishedApp published =
        draft.appVersion() == offered.app().version()
            ? offered.app()
            : store.version(appId, draft.appVersion());
    return new Context(draft, published, offered.activation().parameters());
  }

  private static String base(Draft draft) {
    return "/antrag/" + draft.appId() + "/" + draft.id();
  }

  @SuppressWarnings("unchecked")
  private static void allow(HttpSession session, UUID draftId) {
    Set<UUID> allowed = (Set<UUID>) session.getAttribute(SESSION_DRAFTS);
    Set<UUID> updated = allowed == null ? new HashSet<>() : new HashSet<>(allowed);
    updated.add(draftId);
    session.setAttribute(SESSION_DRAFTS, updated);
  }

  @SuppressWarnings("unchecked")
  private static boolean allowed(@Nullable HttpSession session, UUID draftId) {
    Object allowed = session == null ? null : session.getAttribute(SESSION_DRAFTS);
    return allowed instanceof Set<?> set && set.contains(draftId);
  }

  /** Lets this session open the receipt of an Antrag submitted elsewhere in it (the Warenkorb). */
  static void rememberReceipt(HttpSession session, String reference, String token) {
    receipts(session).put(reference, token);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> receipts(HttpSession session) {
    Map<String, String> receipts = (Map<String, String>) session.getAttribute(SESSION_RECEIPTS);
    if (receipts == null) {
      receipts = new HashMap<>();
    }
    // Spring Session stores attributes when set: set the map again after every change.
    Map<String, String> copy = new HashMap<>(receipts);
    session.setAttribute(SESSION_RECEIPTS, copy);
    return new SessionMap(session, copy);
  }

  private static @Nullable String takeNotice(HttpSession session) {
    Object notice = session.getAttribute(SESSION_NOTICE);
    session.removeAttribute(SESSION_NOTICE);
    return notice == null ? null : notice.toString();
  }

  private static List<Map<String, String>> notes(OfferedApp offered, Locale locale) {
    List<Map<String, String>> notes = new ArrayList<>();
    for (var parameter : offered.definition().parameters()) {
      Object value = offered.parameter(parameter.id());
      if (value == null) {
        value = parameter.defaultValue();
      }
      if (value != null
          && ("text".equals(parameter.type())
              || "longtext".equals(parameter.type())
              || "email".equals(parameter.type())
              || "phone".equals(parameter.type()))) {
        notes.add(Map.of("label", parameter.label().in(locale), "value", value.toString()));
      }
    }
    return notes;
  }

  /** A map that writes itself back to the session on every change. */
  private static final class SessionMap extends java.util.AbstractMap<String, String> {
    private final HttpSession session;
    private final Map<String, String> map;

    SessionMap(HttpSession session, Map<String, String> map) {
      this.session = session;
      this.map = map;
    }

    @Override
    public @Nullable String put(String key, String value) {
      String old = map.put(key, value);
      session.setAttribute(SESSION_RECEIPTS, new HashMap<>(map));
      return old;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return map.entrySet();
    }
  }

  /** An app for organisations, started by a person who belongs to none. */
  static class OrganisationRequiredException extends de.amtsweg.platform.ProblemException {
    OrganisationRequiredException() {
      super(org.springframework.http.HttpStatus.FORBIDDEN, "organisation-required");
    }
  }
}
