package de.amtsweg.catalog.web;

import de.amtsweg.catalog.Catalog;
import de.amtsweg.catalog.Lebenslage;
import de.amtsweg.catalog.Leistung;
import de.amtsweg.catalog.OnlineServiceDescriptions;
import de.amtsweg.catalog.OnlineServices;
import de.amtsweg.catalog.PeerSearch;
import de.amtsweg.catalog.Reifegrade;
import de.amtsweg.catalog.ServiceDescription;
import de.amtsweg.catalog.ServiceSearch;
import de.amtsweg.catalog.TextModules;
import de.amtsweg.catalog.Themenfeld;
import de.amtsweg.catalog.Zustaendigkeit;
import de.amtsweg.catalog.Zustaendigkeiten;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.ChosenPlace;
import de.amtsweg.tenancy.PlaceSelection;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Leistungen pages: search (with suggestions while typing through htmx on the same URL),
 * browsing by Themenfeld and Lebenslage, and one page per Leistung with who is responsible at the
 * visitor's place.
 */
@Controller
class ServicePagesController {

  private static final int PAGE_RESULTS = 20;
  private static final int SUGGESTIONS = 8;

  private final ServiceSearch search;
  private final Catalog catalog;
  private final Zustaendigkeiten zustaendigkeiten;
  private final Reifegrade reifegrade;
  private final OnlineServices onlineServices;
  private final PlaceSelection placeSelection;
  private final TenantManagement tenants;
  private final TextModules textModules;
  private final List<OnlineServiceDescriptions> onlineDescriptions;
  private final ObjectProvider<PeerSearch> peerSearch;

  ServicePagesController(
      ServiceSearch search,
      Catalog catalog,
      Zustaendigkeiten zustaendigkeiten,
      Reifegrade reifegrade,
      OnlineServices onlineServices,
      PlaceSelection placeSelection,
      TenantManagement tenants,
      TextModules textModules,
      List<OnlineServiceDescriptions> onlineDescriptions,
      ObjectProvider<PeerSearch> peerSearch) {
    this.peerSearch = peerSearch;
    this.textModules = textModules;
    this.onlineDescriptions = List.copyOf(onlineDescriptions);
    this.search = search;
    this.catalog = catalog;
    this.zustaendigkeiten = zustaendigkeiten;
    this.reifegrade = reifegrade;
    this.onlineServices = onlineServices;
    this.placeSelection = placeSelection;
    this.tenants = tenants;
  }

  @GetMapping("/leistungen")
  String services(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable Integer thema,
      @RequestParam(required = false) @Nullable Integer lebenslage,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale,
      Model model) {
    response.addHeader(HttpHeaders.VARY, "HX-Request");
    boolean fragment = "true".equals(htmx);
    ChosenPlace place = placeSelection.current(request).orElse(null);
    String query = q == null ? "" : q.strip();
    model.addAttribute("query", query);
    model.addAttribute("chosenPlace", place);
    if (!query.isEmpty()) {
      if (query.length() > ServiceSearch.MAX_QUERY_LENGTH) {
        model.addAttribute("queryError", "catalog.search.error.too-long");
        return fragment ? "catalog/services :: nothing" : "catalog/services";
      }
      model.addAttribute(
          "results",
          search.search(
              query, place == null ? null : place.ars(), fragment ? SUGGESTIONS : PAGE_RESULTS));
      if (!fragment) {
        // Peer portals in their own section of the full page; not while typing.
        peerSearch.ifAvailable(
            peers ->
                model.addAttribute(
                    "peerResults",
                    peers.search(query, place == null ? null : place.ars(), locale)));
      }
      return fragment ? "catalog/services :: results" : "catalog/services";
    }
    if (fragment) {
      return "catalog/services :: nothing";
    }
    if (lebenslage != null) {
      Lebenslage situation =
          catalog.lebenslage(lebenslage).orElseThrow(ServicePagesController::notFound);
      model.addAttribute("lebenslage", situation);
      model.addAttribute("themenfeld", catalog.themenfeld(situation.themenfeldId()).orElse(null));
      model.addAttribute("byOzgLeistung", byOzgLeistung(catalog.leistungen(situation.id())));
    } else if (thema != null) {
      Themenfeld topic = catalog.themenfeld(thema).orElseThrow(ServicePagesController::notFound);
      model.addAttribute("themenfeld", topic);
      model.addAttribute("lebenslagen", catalog.lebenslagen(topic.id()));
    } else {
      model.addAttribute("themenfelder", catalog.themenfelder());
    }
    return "catalog/services";
  }

  @GetMapping("/leistungen/{leikaKey}")
  String service(
      @PathVariable String leikaKey, HttpServletRequest request, Locale locale, Model model) {
    Leistung leistung = catalog.get(leikaKey);
    model.addAttribute("leistung", leistung);
    model.addAttribute("related", catalog.sameOzgLeistung(leistung).stream().limit(12).toList());
    model.addAttribute("back", "/leistungen/" + leistung.leikaKey());
    ChosenPlace place = placeSelection.current(request).orElse(null);
    model.addAttribute("chosenPlace", place);
    ServiceDescription description = textModules.describe(leistung.leikaKey(), locale);
    model.addAttribute("onlineApps", List.of());
    if (place != null) {
      Zustaendigkeit zustaendigkeit =
          zustaendigkeiten.responsible(leistung.leikaKey(), place.ars());
      model.addAttribute("zustaendigkeit", zustaendigkeit);
      model.addAttribute("onward", Zustaendigkeit.ONWARD);
      // The same truth as the search badge and the API: active apps, then other providers.
      model.addAttribute(
          "onlineApps",
          onlineServices.at(zustaendigkeit, place.ars(), leistung.leikaKey(), locale));
      Authority authority = zustaendigkeit.authority();
      if (authority != null) {
        Tenant tenant = tenants.byAuthority(authority.ars()).orElse(null);
        model.addAttribute("tenant", tenant);
        model.addAttribute("themeSlug", tenant == null ? null : tenant.slug());
        model.addAttribute("reifegrade", reifegrade.history(authority.ars(), leistung.leikaKey()));
        if (tenant != null) {
          // What the tenant's app says (its costs there, how it is paid) wins over the catalog's
          // general texts of the same kind.
          for (OnlineServiceDescriptions source : onlineDescriptions) {
            ServiceDescription online =
                source.describe(tenant.authorityArs(), leistung.leikaKey(), locale).orElse(null);
            if (online != null) {
              description = online.orElse(description);
              break;
            }
          }
        }
      }
    }
    model.addAttribute("description", description);
    return "catalog/service";
  }

  private static Map<String, List<Leistung>> byOzgLeistung(List<Leistung> leistungen) {
    Map<String, List<Leistung>> grouped = new LinkedHashMap<>();
    for (Leistung leistung : leistungen) {
      grouped
          .computeIfAbsent(String.valueOf(leistung.ozgName()), k -> new ArrayList<>())
          .add(leistung);
    }
    return grouped;
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
