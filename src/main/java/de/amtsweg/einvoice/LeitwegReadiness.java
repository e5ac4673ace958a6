package de.amtsweg.einvoice;

import de.amtsweg.tenancy.ReadinessCheck;
import de.amtsweg.tenancy.ReadinessItem;
import de.amtsweg.tenancy.Tenant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Checklist item: a Leitweg-ID registered, so that suppliers' e-invoices reach the tenant. */
@Component
class LeitwegReadiness implements ReadinessCheck {

  private final LeitwegRegistry registry;

  LeitwegReadiness(LeitwegRegistry registry) {
    this.registry = registry;
  }

  @Override
  public int order() {
    return 50;
  }

  @Override
  public Optional<ReadinessItem> item(Tenant tenant, Viewer viewer) {
    int count = registry.of(tenant.slug()).size();
    String link = viewer == Viewer.TENANT_ADMIN ? "/verwaltung/leitweg-ids" : "/admin/leitweg-ids";
    return Optional.of(
        count == 0
            ? ReadinessItem.of("leitweg", false, "onboarding.leitweg.open", link)
            : new ReadinessItem(
                "leitweg", true, "onboarding.leitweg.done", List.of(count), List.of(), link));
  }
}
