package de.amtsweg.catalog.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.amtsweg.catalog.Catalog;
import de.amtsweg.catalog.Leistung;
import de.amtsweg.catalog.OnlineServices;
import de.amtsweg.catalog.PeerSearch;
import de.amtsweg.catalog.Reifegrad;
import de.amtsweg.catalog.Reifegrade;
import de.amtsweg.catalog.ServiceHit;
import de.amtsweg.catalog.ServiceSearch;
import de.amtsweg.catalog.VerbundObjects;
import de.amtsweg.catalog.Verwaltungsebene;
import de.amtsweg.catalog.Zustaendigkeit;
import de.amtsweg.catalog.Zustaendigkeiten;
import de.amtsweg.platform.ProblemException;
import de.amtsweg.tenancy.Ars;
import de.amtsweg.tenancy.Authority;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Public read API of the Leistungskatalog: search, and one Leistung with its Zuständigkeit. */
@RestController
@RequestMapping("/api/v1/services")
class ServiceApiController {

  private final ServiceSearch search;
  private final Catalog catalog;
  private final Zustaendigkeiten zustaendigkeiten;
  private final Reifegrade reifegrade;
  private final OnlineServices onlineServices;
  private final ObjectProvider<PeerSearch> peerSearch;

  ServiceApiController(
      ServiceSearch search,
      Catalog catalog,
      Zustaendigkeiten zustaendigkeiten,
      Reifegrade reifegrade,
      OnlineServices onlineServices,
      ObjectProvider<PeerSearch> peerSearch) {
    this.peerSearch = peerSearch;
    this.search = search;
    this.catalog = catalog;
    this.zustaendigkeiten = zustaendigkeiten;
    this.reifegrade = reifegrade;
    this.onlineServices = onlineServices;
  }

  /**
   * Leistungen matching {@code q}, best first; with {@code ars}, who is responsible there. With
   * {@code peers=true}, an object instead of the list: the same {@code results}, the hits of the
   * peer portals in {@code peers} (each with its {@code source}) and how each peer answered in
   * {@code peerStatus}. Peers are asked only then, so that a peer that is another Amtsweg never
   * asks its own peers in turn.
   */
  @GetMapping
  Object search(
      @RequestParam String q,
      @RequestParam(required = false) @Nullable String ars,
      @RequestParam(defaultValue = "10") int limit,
      @RequestParam(defaultValue = "false") boolean peers,
      Locale locale) {
    if (limit < 1 || limit > ServiceSearch.MAX_RESULTS) {
      throw new LimitOutOfRangeException();
    }
    String place = ars == null ? null : Ars.parse(ars);
    List<ServiceJson> results =
        search.search(q, place, limit).stream()
            .map(hit -> ServiceJson.of(hit, place != null))
            .toList();
    if (!peers) {
      return results;
    }
    PeerSearch.PeerResults answered =
        peerSearch
            .getIfAvailable(() -> (query, at, language) -> PeerSearch.PeerResults.none())
            .search(q, place, locale);
    return new SearchWithPeers(results, answered.hits(), answered.peers());
  }

  /** The local results and, in their own fields, those of the peer portals. */
  record SearchWithPeers(
      List<ServiceJson> results,
      List<PeerSearch.PeerHit> peers,
      List<PeerSearch.PeerStatus> peerStatus) {}

  /**
   * One Leistung; with {@code ars}, the responsible authority, whether it can be applied for online
   * there (an Antrags-App or another provider's service, as in the search) and its Reifegrad.
   */
  @GetMapping("/{leikaKey}")
  LeistungJson get(
      @PathVariable String leikaKey,
      @RequestParam(required = false) @Nullable String ars,
      Locale locale) {
    Leistung leistung = catalog.get(leikaKey);
    if (ars == null) {
      return LeistungJson.of(leistung, null, null, null);
    }
    String place = Ars.parse(ars);
    Zustaendigkeit zustaendigkeit = zustaendigkeiten.responsible(leistung.leikaKey(), place);
    Authority authority = zustaendigkeit.authority();
    Reifegrad reifegrad =
        authority == null
            ? null
            : reifegrade.current(authority.ars(), leistung.leikaKey()).orElse(null);
    List<OnlineServiceJson> online =
        onlineServices.at(zustaendigkeit, place, leistung.leikaKey(), locale).stream()
            .map(OnlineServiceJson::of)
            .toList();
    return LeistungJson.of(leistung, zustaendigkeit, online, reifegrad);
  }

  /**
   * A search result; with a place it also says who is responsible there and on what basis, and
   * which other providers' online services serve it there.
   */
  sealed interface ServiceJson permits Service, ServiceAtPlace {
    static ServiceJson of(ServiceHit hit, boolean withPlace) {
      Zustaendigkeit z = hit.responsible();
      if (!withPlace || z == null) {
        return new Service(hit.leikaKey(), hit.name(), hit.ozgId(), hit.ozgName(), hit.score());
      }
      return new ServiceAtPlace(
          hit.leikaKey(),
          hit.name(),
          hit.ozgId(),
          hit.ozgName(),
          hit.score(),
          ResponsibleRef.of(z),
          hit.onlineAvailable(),
          hit.otherProviders().stream().map(OnlineServiceJson::of).toList());
    }
  }

  /**
   * Who is responsible, in a search result.
   *
   * @param basis {@code DATA}, {@code OVERRIDE}, {@code RULE} (probably, to be checked) or {@code
   *     UNKNOWN} (then {@code name} and {@code ars} are null)
   * @param ars the responsible authority of the Land's register, if it is one
   * @param organisationseinheit the id of the responsible office, if known
   */
  record ResponsibleRef(
      Zustaendigkeit.Basis basis,
      @Nullable String name,
      @Nullable String ars,
      @Nullable String organisationseinheit) {
    static ResponsibleRef of(Zustaendigkeit z) {
      return new ResponsibleRef(
          z.basis(),
          z.name(),
          z.authority() == null ? null : z.authority().ars(),
          z.organisationseinheit() == null ? null : z.organisationseinheit().id());
    }
  }

  /**
   * A way to apply online: an Antrags-App in Amtsweg ({@code provider} null) or another provider's
   * service, reached through Amtsweg's exit page.
   */
  record OnlineServiceJson(String name, @Nullable String provider, String url) {
    static OnlineServiceJson of(OnlineServices.OnlineService service) {
      return new OnlineServiceJson(
          service.name(),
          service.provider(),
          ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
              + service.href());
    }
  }

  record Service(
      String leikaKey, String name, @Nullable String ozgId, @Nullable String ozgName, double score)
      implements ServiceJson {}

  record ServiceAtPlace(
      String leikaKey,
      String name,
      @Nullable String ozgId,
      @Nullable String ozgName,
      double score,
      ResponsibleRef responsible,
      boolean onlineAvailable,
      List<OnlineServiceJson> otherProviders)
      implements ServiceJson {}

  record AuthorityRef(String ars, String name) {
    static @Nullable AuthorityRef of(@Nullable Authority authority) {
      return authority == null ? null : new AuthorityRef(authority.ars(), authority.displayName());
    }
  }

  record ReifegradJson(
      String model, int level, int maxLevel, LocalDate assessedOn, boolean onlineApplication) {}

  /**
   * Who is responsible, in full.
   *
   * @param basis where the answer comes from; {@code RULE} is a presumption ({@code note})
   * @param note for {@code RULE}: "vermutlich zuständig – bitte prüfen"
   * @param onward for {@code UNKNOWN}: where to ask instead
   */
  record ResponsibleJson(
      Zustaendigkeit.Basis basis,
      Verwaltungsebene ebene,
      String reason,
      @Nullable AuthorityRef authority,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable UnitJson organisationseinheit,
      boolean overridden,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String note,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Zustaendigkeit.Onward> onward) {

    static ResponsibleJson of(Zustaendigkeit z) {
      VerbundObjects.Organisationseinheit unit = z.organisationseinheit();
      return new ResponsibleJson(
          z.basis(),
          z.ebene(),
          z.reason(),
          AuthorityRef.of(z.authority()),
          unit == null ? null : UnitJson.of(unit),
          z.overridden(),
          z.basis() == Zustaendigkeit.Basis.RULE ? RULE_NOTE : null,
          z.known() ? List.of() : Zustaendigkeit.ONWARD);
    }
  }

  static final String RULE_NOTE = "vermutlich zuständig – bitte prüfen";

  /** An office with its contact data. */
  record UnitJson(
      String id,
      String source,
      String name,
      @Nullable String street,
      @Nullable String postcode,
      @Nullable String city,
      @Nullable String phone,
      @Nullable String email,
      @Nullable String website,
      @Nullable String openingHours) {
    static UnitJson of(VerbundObjects.Organisationseinheit u) {
      return new UnitJson(
          u.id(),
          u.source(),
          u.name(),
          u.street(),
          u.postcode(),
          u.city(),
          u.phone(),
          u.email(),
          u.website(),
          u.openingHours());
    }
  }

  record LeistungJson(
      String leikaKey,
      String name,
      @Nullable String typisierung,
      @Nullable String legalBasis,
      @Nullable String legalBasisUrl,
      @Nullable String ozgId,
      @Nullable String ozgName,
      @Nullable String lebenslage,
      @Nullable String themenfeld,
      Verwaltungsebene ebene,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ResponsibleJson responsible,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean onlineAvailable,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<OnlineServiceJson> onlineServices,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ReifegradJson reifegrad) {

    static LeistungJson of(
        Leistung l,
        @Nullable Zustaendigkeit z,
        @Nullable List<OnlineServiceJson> online,
        @Nullable Reifegrad r) {
      return new LeistungJson(
          l.leikaKey(),
          l.name(),
          l.typisierung(),
          l.legalBasis(),
          l.legalBasisUrl(),
          l.ozgId(),
          l.ozgName(),
          l.lebenslage(),
          l.themenfeld(),
          l.ebene(),
          z == null ? null : ResponsibleJson.of(z),
          z == null || online == null ? null : !online.isEmpty(),
          z == null ? null : online,
          r == null
              ? null
              : new ReifegradJson(
                  r.model().code(),
                  r.level(),
                  r.model().maxLevel(),
                  r.assessedOn(),
                  r.allowsOnlineApplication()));
    }
  }

  static class LimitOutOfRangeException extends ProblemException {
    LimitOutOfRangeException() {
      super(HttpStatus.BAD_REQUEST, "limit-out-of-range", ServiceSearch.MAX_RESULTS);
    }
  }
}
