package de.amtsweg.catalog;

import de.amtsweg.catalog.VerbundObjects.LinkStatus;
import de.amtsweg.catalog.VerbundObjects.Onlinedienst;
import de.amtsweg.catalog.VerbundObjects.Organisationseinheit;
import de.amtsweg.catalog.VerbundObjects.Rolle;
import de.amtsweg.catalog.VerbundObjects.Zustaendigkeitseintrag;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.Tenant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A municipality's self-check (#17 point 6): for each Leistung the tenant is responsible for (a
 * Zuständigkeit names one of its Organisationseinheiten) or offers (an active Antrags-App), what
 * the Portalverbund sees at the tenant's place — who is responsible with which contact data, the
 * online services and their link status, the deep link and the machine route — and what is missing.
 * It reads the same answers as the service pages and the export, so what it reports is what
 * citizens and other portals get.
 */
@Service
public class VerbundSelfCheck {

  private final VerbundObjects objects;
  private final OnlineOffers offers;
  private final Zustaendigkeiten zustaendigkeiten;
  private final Catalog catalog;
  private final TenantUnits units;

  VerbundSelfCheck(
      VerbundObjects objects,
      OnlineOffers offers,
      Zustaendigkeiten zustaendigkeiten,
      Catalog catalog,
      TenantUnits units) {
    this.objects = objects;
    this.offers = offers;
    this.zustaendigkeiten = zustaendigkeiten;
    this.catalog = catalog;
    this.units = units;
  }

  /**
   * The self-check of one tenant, Leistungen by name.
   *
   * @param locale the language of the Antrags-Apps' names
   */
  public Report of(Tenant tenant, Locale locale) {
    // The tenant's profile may have changed since start-up: the Verbund sees the current one.
    units.sync(tenant);
    String ars = tenant.authorityArs();
    Zustaendigkeiten.Place place = zustaendigkeiten.place(ars);
    Set<String> leikaKeys = new TreeSet<>();
    objects.zustaendigkeitenOfAuthority(ars).stream()
        .filter(z -> z.rolle() == Rolle.ZUSTAENDIGE_STELLE)
        .forEach(z -> leikaKeys.add(z.leikaKey()));
    leikaKeys.addAll(offers.offeredLeistungen(List.of(ars)).getOrDefault(ars, Set.of()));
    List<Row> rows = new ArrayList<>();
    for (String leikaKey : leikaKeys) {
      catalog
          .find(leikaKey)
          .ifPresent(leistung -> rows.add(row(leistung, ars, place.regions(), locale)));
    }
    rows.sort(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER));
    return new Report(rows);
  }

  private Row row(Leistung leistung, String ars, List<String> regions, Locale locale) {
    String leikaKey = leistung.leikaKey();
    Zustaendigkeit responsible = zustaendigkeiten.responsible(leikaKey, ars);
    List<App> apps =
        offers.offeredFor(ars, leikaKey, locale).stream()
            .map(o -> new App(o.name(), "/antrag/" + o.appId() + "?ars=" + ars))
            .toList();
    List<Onlinedienst> services = new ArrayList<>();
    for (Zustaendigkeitseintrag entry : objects.entries(leikaKey, regions)) {
      String serviceId = entry.onlinedienstId();
      if (entry.rolle() == Rolle.ONLINEDIENST && serviceId != null) {
        objects
            .onlinedienst(serviceId)
            .filter(s -> services.stream().noneMatch(known -> known.id().equals(s.id())))
            .ifPresent(services::add);
      }
    }
    List<Gap> gaps = new ArrayList<>();
    Organisationseinheit unit = responsible.organisationseinheit();
    switch (responsible.basis()) {
      case UNKNOWN -> gaps.add(new Gap("unknown", null));
      case RULE -> gaps.add(new Gap("rule", null));
      case DATA, OVERRIDE -> {}
    }
    if (responsible.known() && !isTenant(responsible, ars)) {
      gaps.add(new Gap("other", responsible.name()));
    }
    if (unit == null) {
      if (responsible.known()) {
        gaps.add(new Gap("no-unit", null));
      }
    } else {
      if (blank(unit.street()) || blank(unit.postcode()) || blank(unit.city())) {
        gaps.add(new Gap("address", null));
      }
      if (blank(unit.phone()) && blank(unit.email())) {
        gaps.add(new Gap("contact", null));
      }
      if (blank(unit.openingHours())) {
        gaps.add(new Gap("opening-hours", null));
      }
    }
    boolean liveService = services.stream().anyMatch(s -> s.linkStatus() != LinkStatus.DEAD);
    if (apps.isEmpty() && !liveService) {
      gaps.add(new Gap("no-online", null));
    }
    services.stream()
        .filter(s -> s.linkStatus() == LinkStatus.DEAD)
        .forEach(s -> gaps.add(new Gap("dead-link", s.name())));
    if (apps.isEmpty()) {
      gaps.add(new Gap("no-route", null));
    }
    return new Row(leikaKey, leistung.name(), responsible, apps, services, gaps);
  }

  private static boolean isTenant(Zustaendigkeit responsible, String ars) {
    Authority authority = responsible.authority();
    Organisationseinheit unit = responsible.organisationseinheit();
    return (authority != null && authority.ars().equals(ars))
        || (unit != null && ars.equals(unit.authorityArs()));
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  /**
   * The self-check of a tenant.
   *
   * @param rows one per Leistung, by name
   */
  public record Report(List<Row> rows) {

    /** How many Leistungen have nothing missing. */
    public long complete() {
      return rows.stream().filter(Row::complete).count();
    }

    /** How many Leistungen have something missing. */
    public long withGaps() {
      return rows.size() - complete();
    }
  }

  /**
   * What the Verbund sees of one Leistung at the tenant's place.
   *
   * @param responsible who the Verbund names as responsible there, with the office's contact data
   * @param apps the tenant's active Antrags-Apps for it, each with its deep link carrying the place
   * @param services the Onlinedienste tied to it in the place's regions, dead ones included
   * @param gaps what is missing, in the order to fix it; empty when complete
   */
  public record Row(
      String leikaKey,
      String name,
      Zustaendigkeit responsible,
      List<App> apps,
      List<Onlinedienst> services,
      List<Gap> gaps) {

    /** Whether nothing is missing. */
    public boolean complete() {
      return gaps.isEmpty();
    }

    /** Whether another portal can send an Antrag here by machine: an active Antrags-App. */
    public boolean machineRoute() {
      return !apps.isEmpty();
    }
  }

  /**
   * An active Antrags-App of the tenant.
   *
   * @param deepLink its start page with the tenant's place, {@code /antrag/{appId}?ars={ARS}}
   */
  public record App(String name, String deepLink) {}

  /**
   * One thing missing.
   *
   * @param code the message key suffix ({@code catalog.selfcheck.gap.<code>})
   * @param argument a name the message mentions (another office, a dead service), or null
   */
  public record Gap(String code, @Nullable String argument) {}
}
