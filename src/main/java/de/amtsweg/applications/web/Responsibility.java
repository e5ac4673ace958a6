package de.amtsweg.applications.web;

import de.amtsweg.appstore.AppStore;
import de.amtsweg.appstore.AppStore.OfferedApp;
import de.amtsweg.appstore.PublishedApp;
import de.amtsweg.catalog.Zustaendigkeiten;
import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which tenant takes an Antrag from a place: the authority responsible for the app's Leistung there
 * (Zuständigkeit), if it offers the app; otherwise the nearest authority above the place that
 * offers it (a Verwaltungsgemeinschaft or erfüllende Gemeinde for its members, the Landkreis, the
 * Land).
 */
@Component
class Responsibility {

  /** The tenant that receives the Antrag and the app as it offers it. */
  record Target(Tenant tenant, OfferedApp offered, @Nullable String leikaKey) {}

  private final AppStore store;
  private final Zustaendigkeiten zustaendigkeiten;
  private final Authorities authorities;
  private final TenantManagement tenants;

  Responsibility(
      AppStore store,
      Zustaendigkeiten zustaendigkeiten,
      Authorities authorities,
      TenantManagement tenants) {
    this.store = store;
    this.zustaendigkeiten = zustaendigkeiten;
    this.authorities = authorities;
    this.tenants = tenants;
  }

  Optional<Target> target(String appId, String placeArs) {
    PublishedApp app = store.latest(appId).orElse(null);
    if (app == null) {
      return Optional.empty();
    }
    Set<String> candidates = new LinkedHashSet<>();
    String leikaKey =
        app.definition().leikaKeys().isEmpty() ? null : app.definition().leikaKeys().getFirst();
    if (leikaKey != null) {
      Authority responsible = zustaendigkeiten.responsible(leikaKey, placeArs).authority();
      if (responsible != null) {
        candidates.add(responsible.ars());
      }
    }
    candidates.add(placeArs);
    authorities.ancestors(placeArs).forEach(a -> candidates.add(a.ars()));
    List<String> ordered = new ArrayList<>(candidates);
    for (String ars : ordered) {
      Optional<Tenant> tenant = tenants.byAuthority(ars);
      if (tenant.isPresent()) {
        Optional<OfferedApp> offered = store.offered(ars, appId);
        if (offered.isPresent()) {
          return Optional.of(new Target(tenant.get(), offered.get(), leikaKey));
        }
      }
    }
    return Optional.empty();
  }
}
