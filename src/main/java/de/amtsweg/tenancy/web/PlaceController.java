package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.ChosenPlace;
import de.amtsweg.tenancy.PlaceSelection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The place chooser ("Wo wohnen Sie?"): postcode or place name → the Gemeinde, remembered for the
 * visit. Without JavaScript a plain GET shows the matches; with htmx the same URL returns only the
 * list while the visitor types.
 */
@Controller
class PlaceController {

  private static final int MAX_CANDIDATES = 10;

  private final Authorities authorities;
  private final PlaceSelection placeSelection;
  private final AuthorityLabels labels;

  PlaceController(Authorities authorities, PlaceSelection placeSelection, AuthorityLabels labels) {
    this.authorities = authorities;
    this.placeSelection = placeSelection;
    this.labels = labels;
  }

  @GetMapping("/ort")
  String find(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(name = "zurueck", required = false) @Nullable String back,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    response.addHeader(HttpHeaders.VARY, "HX-Request");
    String query = q == null ? "" : q.strip();
    boolean fragment = "true".equals(htmx);
    model.addAttribute("query", query);
    model.addAttribute("back", safeReturnPath(back));
    if (query.isEmpty()) {
      if (fragment) {
        return "tenancy/place :: empty";
      }
      model.addAttribute("queryError", "place.error.empty");
      model.addAttribute("places", null);
      return "tenancy/place";
    }
    if (query.length() > AuthorityApiController.MAX_QUERY_LENGTH) {
      model.addAttribute("queryError", "place.error.too-long");
      model.addAttribute("places", null);
      return fragment ? "tenancy/place :: empty" : "tenancy/place";
    }
    model.addAttribute("places", candidates(query, locale));
    return fragment ? "tenancy/place :: candidates" : "tenancy/place";
  }

  @PostMapping("/ort")
  RedirectView choose(
      @RequestParam String ars,
      @RequestParam(name = "zurueck", required = false) @Nullable String back,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    ChosenPlace place = placeSelection.choose(request, ars);
    redirect.addFlashAttribute("placeChosen", place.displayName());
    RedirectView view = new RedirectView(safeReturnPath(back), true);
    // The path comes from the visitor: never expand {placeholders} in it.
    view.setExpandUriTemplateVariables(false);
    return view;
  }

  @PostMapping("/ort/vergessen")
  String forget(HttpServletRequest request) {
    placeSelection.forget(request);
    return "redirect:/";
  }

  private List<PlaceCandidate> candidates(String query, Locale locale) {
    return authorities.searchMunicipalities(query, MAX_CANDIDATES).stream()
        .map(place -> new PlaceCandidate(place, labels.label(place, locale)))
        .toList();
  }

  /** Only paths on this site, so that the chooser cannot be used to redirect elsewhere. */
  static String safeReturnPath(@Nullable String candidate) {
    if (candidate == null
        || !candidate.startsWith("/")
        || candidate.startsWith("//")
        || candidate.contains("\\")
        || candidate.chars().anyMatch(Character::isISOControl)) {
      return "/";
    }
    return candidate;
  }

  /** A place the visitor can choose, with a label that tells places of the same name apart. */
  record PlaceCandidate(Authority authority, String label) {}
}
