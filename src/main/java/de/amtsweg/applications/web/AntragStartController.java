package de.amtsweg.applications.web;

import de.amtsweg.account.Organisations;
import de.amtsweg.applications.AppDescriptions;
import de.amtsweg.applications.Draft;
import de.amtsweg.applications.Drafts;
import de.amtsweg.applications.Prefill;
import de.amtsweg.applications.responsibility.Responsibility;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStore.OfferedApp;
import de.amtsweg.appstore.AppStoreException;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.forms.AppDefinition;
import de.amtsweg.tenancy.ChosenPlace;
import de.amtsweg.tenancy.PlaceSelection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ways into a draft: the app's start page (with the authority responsible for the chosen
 * place), starting the draft there, the prefill consent for a Servicekonto, and the resume link
 * from the e-mail.
 */
@Controller
class AntragStartController {

  private final AppStore store;
  private final Drafts drafts;
  private final Prefill prefill;
  private final Responsibility responsibility;
  private final PlaceSelection places;
  private final ApplicantAccess access;
  private final AppDescriptions descriptions;
  private final PrefillDecision prefillDecision;
  private final DeepLinkPlace deepLinks;

  AntragStartController(
      AppStore store,
      Drafts drafts,
      Prefill prefill,
      Responsibility responsibility,
      PlaceSelection places,
      ApplicantAccess access,
      AppDescriptions descriptions,
      PrefillDecision prefillDecision,
      DeepLinkPlace deepLinks) {
    this.deepLinks = deepLinks;
    this.descriptions = descriptions;
    this.prefillDecision = prefillDecision;
    this.store = store;
    this.drafts = drafts;
    this.prefill = prefill;
    this.responsibility = responsibility;
    this.places = places;
    this.access = access;
  }

  @GetMapping("/antrag/{appId}")
  String start(
      @PathVariable String appId,
      @RequestParam(required = false) @Nullable String ars,
      HttpServletRequest request,
      @Nullable Authentication authentication,
      Model model,
      Locale locale) {
    PublishedApp app = store.latest(appId).orElseThrow(() -> AppStoreException.notFound(appId));
    if (ars != null) {
      // A deep link of the Portalverbund or a municipality's website (?ars=, with ?leistung= for
      // the portal's bookkeeping): the place is set and the start page shown at this address, no
      // redirect, so that it also works in a frame whose cookies the browser drops and survives a
      // reload of the host page (#18); else the page says where the app is offered.
      Optional<DeepLinkPlace.Unavailable> unavailable = deepLinks.land(appId, ars, request);
      unavailable.ifPresent(u -> model.addAttribute("unavailable", u));
    }
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
            model.addAttribute("notes", notes(t.offered(), locale));
            model.addAttribute(
                "description",
                descriptions.describe(t.offered(), t.tenant().displayName(), locale));
          });
    }
    UUID citizen = Citizens.id(authentication);
    model.addAttribute("citizen", citizen);
    model.addAttribute(
        "open",
        citizen == null
            ? List.of()
            : drafts.ofAccount(citizen).stream().filter(d -> d.appId().equals(appId)).toList());
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
            .orElseThrow(() -> AppStoreException.notActive(appId));
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
    AntragSession.allow(request.getSession(), draft.id());
    boolean hasPrefill =
        citizen != null && app.fields().stream().anyMatch(f -> f.prefill() != null);
    return "redirect:"
        + DraftContext.base(draft)
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
    DraftContext context = access.draft(appId, draftId, request, authentication);
    String firstStep = context.app().steps().getFirst().id();
    UUID citizen = Citizens.id(authentication);
    if (citizen == null) {
      return "redirect:" + context.step(firstStep);
    }
    List<Organisations.Membership> memberships =
        context.app().forOrganisations() ? prefill.organisationsOf(citizen) : List.of();
    UUID chosen =
        organisation != null
            ? organisation
            : memberships.size() == 1 ? memberships.getFirst().organisation().id() : null;
    model.addAttribute("memberships", memberships);
    model.addAttribute("organisation", chosen);
    model.addAttribute(
        "offers",
        prefill.offers(context.app(), citizen, chosen).stream()
            .map(o -> Map.of("label", o.field().label().in(locale), "value", o.display()))
            .toList());
    model.addAttribute("draft", context.draft());
    model.addAttribute("app", context.app());
    model.addAttribute("base", context.base());
    model.addAttribute("firstStep", firstStep);
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
    DraftContext context = access.draft(appId, draftId, request, authentication);
    return "redirect:"
        + prefillDecision.decide(
            context, Citizens.id(authentication), decision, organisation, locale);
  }

  // --- resume link ---

  @GetMapping("/antrag/fortsetzen")
  String resume(
      @RequestParam(required = false) @Nullable String token, HttpServletRequest request) {
    Optional<Draft> draft = token == null ? Optional.empty() : drafts.byResumeToken(token);
    if (draft.isEmpty()) {
      return "applications/resume-invalid";
    }
    AntragSession.allow(request.getSession(), draft.get().id());
    return "redirect:" + DraftContext.base(draft.get()) + "/pruefen";
  }

  /** The tenant's notes for the app (contact, hints) that the start page shows. */
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
}
