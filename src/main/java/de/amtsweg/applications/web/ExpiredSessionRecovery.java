package de.amtsweg.applications.web;

import de.amtsweg.applications.Draft;
import de.amtsweg.applications.Drafts;
import de.amtsweg.forms.AppDefinition.Declaration;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.forms.FormEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Keeps what an applicant typed when the session ran out (WCAG 2.2.1, ADR 0026). Sits in front of
 * the pages of a draft (steps, consent, check and submit, save and resume) and leaves them alone
 * while the session may open the draft. Afterwards:
 *
 * <ul>
 *   <li>a page sent with a valid {@link DraftCapabilities draft capability} has what it sent kept
 *       in the draft (a step's answers, the consent decision, the declarations, the address for the
 *       resume link), and the applicant sees "Sitzung abgelaufen" with the way back in (an
 *       anonymous draft is opened for the new session, an account's draft after the login); nothing
 *       is submitted, put into the Warenkorb or mailed;
 *   <li>a page of an account's draft asked for without a login leads to the login and back;
 *   <li>a page asked for with a session that ran out leads to "Sitzung abgelaufen".
 * </ul>
 *
 * Everything else (no or a forged capability, another person's login) goes on to the page, which
 * answers "not found" as before. The pages get their capability here too.
 */
@Component
class ExpiredSessionRecovery implements HandlerInterceptor, WebMvcConfigurer {

  /** The page that says the session ran out. */
  static final String EXPIRED_PAGE = "/antrag/sitzung-abgelaufen";

  private final Drafts drafts;
  private final ApplicantAccess access;
  private final AnswerFormReader reader;
  private final DraftCapabilities capabilities;
  private final PrefillDecision prefillDecision;
  private final RequestCache requestCache = new HttpSessionRequestCache();

  ExpiredSessionRecovery(
      Drafts drafts,
      ApplicantAccess access,
      AnswerFormReader reader,
      DraftCapabilities capabilities,
      PrefillDecision prefillDecision) {
    this.prefillDecision = prefillDecision;
    this.drafts = drafts;
    this.access = access;
    this.reader = reader;
    this.capabilities = capabilities;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(this)
        .addPathPatterns(
            "/antrag/*/*/schritt/*",
            "/antrag/*/*/daten",
            "/antrag/*/*/pruefen",
            "/antrag/*/*/absenden",
            "/antrag/*/*/speichern");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    Draft draft = requestedDraft(request);
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (draft == null
        || draft.submitted()
        || ApplicantAccess.owns(draft, request, authentication)) {
      return true;
    }
    if ("POST".equals(request.getMethod())) {
      if (!capabilities.valid(draft.id(), request.getParameter(DraftCapabilities.PARAMETER))) {
        return true;
      }
      keep(draft, request, response);
      return false;
    }
    if (draft.accountId() != null && Citizens.id(authentication) == null) {
      // The login comes back to this page (account.web.CitizenSessions).
      requestCache.saveRequest(request, response);
      response.sendRedirect("/konto/anmelden");
      return false;
    }
    if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
      redirect(EXPIRED_PAGE, request, response);
      return false;
    }
    return true;
  }

  /** Every page showing an open draft carries its capability (as a hidden field of the form). */
  @Override
  public void postHandle(
      HttpServletRequest request,
      HttpServletResponse response,
      Object handler,
      @Nullable ModelAndView page) {
    if (page != null
        && page.getModel().get("draft") instanceof Draft draft
        && !draft.submitted()
        && !String.valueOf(page.getViewName()).startsWith("redirect:")) {
      page.addObject("draftCapability", capabilities.issue(draft.id()));
    }
  }

  /** Keeps what the page sent in the draft and says where to go on. */
  private void keep(Draft draft, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    DraftContext context = access.open(draft, request);
    boolean account = draft.accountId() != null;
    String page = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
    String next = context.base() + "/pruefen";
    boolean saved = true;
    String note = null;
    switch (page) {
      case "daten" ->
          next =
              prefillDecision.decide(
                  context,
                  draft.accountId(),
                  String.valueOf(request.getParameter("decision")),
                  organisation(request),
                  RequestContextUtils.getLocale(request));
      case "absenden" -> {
        // Confirmed, but not sent: submitting (or paying) needs the applicant, not just the page.
        List<String> confirmed = parameters(request, "erklaerung");
        drafts.saveDeclarations(
            draft.id(),
            context.app().declarations().stream()
                .map(Declaration::id)
                .filter(confirmed::contains)
                .toList());
        note = "applications.expired.not-submitted";
      }
      case "speichern" -> {
        String email = String.valueOf(request.getParameter("email")).strip();
        if (!account && AntragStepController.resumeAddress(email)) {
          drafts.keepResumeEmail(draft.id(), email);
        }
        note = account ? null : "applications.expired.link-not-sent";
      }
      default -> {
        FormEngine before = context.engine(context.draft().answers());
        String stepId = pathVariable(request, "stepId");
        Step step =
            stepId == null ? null : context.app().step(stepId).filter(before::visible).orElse(null);
        if (step != null) {
          MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
          request.getParameterMap().forEach((name, values) -> params.put(name, List.of(values)));
          drafts.saveAnswers(
              draft.id(), reader.read(context, before, step, params, request).answers());
          next = context.step(step.id());
        }
        saved = step != null;
      }
    }
    if (!account) {
      // The capability stands for the session that was shown the page: the new one takes its place.
      AntragSession.allow(request.getSession(), draft.id());
    }
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    flash.put("expiredSaved", saved);
    flash.put("expiredAccount", account);
    flash.put("expiredApp", context.app().name().in(RequestContextUtils.getLocale(request)));
    flash.put("expiredContinue", next);
    if (note != null) {
      flash.put("expiredNote", note);
    }
    if (!account) {
      flash.put("expiredSaveLater", context.base() + "/speichern");
    }
    RequestContextUtils.saveOutputFlashMap(EXPIRED_PAGE, request, response);
    redirect(EXPIRED_PAGE, request, response);
  }

  private static List<String> parameters(HttpServletRequest request, String name) {
    String[] values = request.getParameterValues(name);
    return values == null ? List.of() : List.of(values);
  }

  private static @Nullable UUID organisation(HttpServletRequest request) {
    try {
      String id = request.getParameter("organisation");
      return id == null || id.isBlank() ? null : UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A redirect, for htmx as a full page load (its swap target is a part of the step form). */
  private static void redirect(
      String location, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getHeader("HX-Request") != null) {
      response.setHeader("HX-Redirect", location);
      response.setStatus(HttpServletResponse.SC_OK);
    } else {
      response.sendRedirect(location);
    }
  }

  private @Nullable Draft requestedDraft(HttpServletRequest request) {
    String appId = pathVariable(request, "appId");
    String draftId = pathVariable(request, "draftId");
    if (appId == null || draftId == null) {
      return null;
    }
    UUID id;
    try {
      id = UUID.fromString(draftId);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return drafts.find(id).filter(d -> d.appId().equals(appId)).orElse(null);
  }

  private static @Nullable String pathVariable(HttpServletRequest request, String name) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    return variables instanceof Map<?, ?> map && map.get(name) instanceof String value
        ? value
        : null;
  }
}
