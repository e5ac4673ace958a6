package de.amtsweg.appstore;

import de.amtsweg.tenancy.ReadinessCheck;
import de.amtsweg.tenancy.ReadinessItem;
import de.amtsweg.tenancy.Tenant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checklist item: at least one Antrags-App switched on. Switching on saves the app's parameters
 * (they are checked then), so an active app has them.
 */
@Component
class AppsReadiness implements ReadinessCheck {

  private final AppStore apps;

  AppsReadiness(AppStore apps) {
    this.apps = apps;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public Optional<ReadinessItem> item(Tenant tenant, Viewer viewer) {
    long active =
        apps.activations(tenant.authorityArs()).stream().filter(Activation::active).count();
    String link = viewer == Viewer.TENANT_ADMIN ? "/verwaltung/apps" : null;
    return Optional.of(
        active == 0
            ? ReadinessItem.of("apps", false, "onboarding.apps.open", link)
            : new ReadinessItem(
                "apps", true, "onboarding.apps.done", List.of(active), List.of(), link));
  }
}
