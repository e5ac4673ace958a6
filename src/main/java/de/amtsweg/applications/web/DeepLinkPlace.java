package de.amtsweg.applications.web;

import de.amtsweg.applications.responsibility.Responsibility;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.tenancy.Authorities;
import de.amtsweg.tenancy.Authority;
import de.amtsweg.tenancy.PlaceSelection;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The landing of a deep link into an Antrags-App ({@code /antrag/{appId}?ars=…}, as the
 * Portalverbund's portals link it): the place in the link is set when the app is active there, so
 * that the person starts right away; otherwise the start page says where the app is available and
 * leaves the visitor's place as it was.
 */
@Component
class DeepLinkPlace {

  private final Responsibility responsibility;
  private final PlaceSelection places;
  private final Authorities authorities;
  private final AppStore store;
  private final TenantManagement tenants;

  DeepLinkPlace(
      Responsibility responsibility,
      PlaceSelection places,
      Authorities authorities,
      AppStore store,
      TenantManagement tenants) {
    this.responsibility = responsibility;
    this.places = places;
    this.authorities = authorities;
    this.store = store;
    this.tenants = tenants;
  }

  /**
   * Sets the linked place when the app is active for it.
   *
   * @return empty when the place was set; else why not, for the start page
   */
  Optional<Unavailable> land(String appId, String ars, HttpServletRequest request) {
    Authority place = ars.matches("[0-9]{12}") ? authorities.find(ars).orElse(null) : null;
    if (place != null
        && place.type().isMunicipality()
        && responsibility.target(appId, place.ars()).isPresent()) {
      places.choose(request, place.ars());
      return Optional.empty();
    }
    List<String> availableAt =
        store.tenantsOffering(appId).stream()
            .map(tenants::byAuthority)
            .flatMap(Optional::stream)
            .map(Tenant::displayName)
            .sorted(Comparator.naturalOrder())
            .toList();
    return Optional.of(new Unavailable(place == null ? null : place.displayName(), availableAt));
  }

  /**
   * Why the linked place was not set.
   *
   * @param place the linked place's name; null when the link named no place of the Land
   * @param availableAt the authorities that offer the app
   */
  record Unavailable(@Nullable String place, List<String> availableAt) {}
}
