package de.amtsweg.applications.responsibility;

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
 *
 * <p>Used by the applicant's pages to show who will receive the Antrag and to start the draft
 * there; it lives outside the web package because it is a rule of the module, not of a page.
 */
@Component
public class Responsibility {

  /**
   * The tenant that receives the Antrag and the app as it offers it.
   *
   * @param leikaKey the app's first Leistung, by which the Zuständigkeit was looked up
   */
  public record Target(Tenant tenant, OfferedApp offered, @Nullable String leikaKey) {}

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

  /**
   * The tenant that takes an Antrag of this app from this place; empty when the app does not exist
   * or no authority on the way up from the place offers it.
   */
  public Optional<Target> target(String appId, String placeArs) {
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
