package de.amtsweg.delivery;

import de.amtsweg.appstore.Activation;
import de.amtsweg.appstore.AppStore;
import de.amtsweg.tenancy.ReadinessCheck;
import de.amtsweg.tenancy.ReadinessItem;
import de.amtsweg.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checklist item: every switched-on app's Anträge reach their route. A route counts as tested when
 * a delivery went through on its current channel (delivered or acknowledged) since it was last
 * changed: proof from what happened, as there is no separate test submission yet.
 */
@Component
class RouteReadiness implements ReadinessCheck {

  private final AppStore apps;
  private final DeliveryRoutes routes;
  private final JdbcClient jdbc;

  RouteReadiness(AppStore apps, DeliveryRoutes routes, JdbcClient jdbc) {
    this.apps = apps;
    this.routes = routes;
    this.jdbc = jdbc;
  }

  @Override
  public int order() {
    return 30;
  }

  @Override
  public Optional<ReadinessItem> item(Tenant tenant, Viewer viewer) {
    String ars = tenant.authorityArs();
    String link = viewer == Viewer.TENANT_ADMIN ? "/verwaltung/zustellung/wege" : null;
    List<String> active =
        apps.activations(ars).stream().filter(Activation::active).map(Activation::appId).toList();
    if (active.isEmpty()) {
      return Optional.of(ReadinessItem.of("delivery", false, "onboarding.delivery.no-apps", link));
    }
    long untested = active.stream().filter(app -> !tested(routes.route(ars, app))).count();
    return Optional.of(
        untested == 0
            ? new ReadinessItem(
                "delivery",
                true,
                "onboarding.delivery.done",
                List.of(active.size()),
                List.of(),
                link)
            : new ReadinessItem(
                "delivery",
                false,
                "onboarding.delivery.open",
                List.of(untested, active.size()),
                List.of(),
                link));
  }

  private boolean tested(DeliveryRoutes.Route route) {
    OffsetDateTime since = route.changedAt() == null ? OffsetDateTime.MIN : route.changedAt();
    return jdbc.sql(
            """
            select exists (select 1 from delivery
              where tenant_ars = ? and document_type = ? and subject = ? and channel = ?
                and state in ('DELIVERED', 'ACKNOWLEDGED')
                and coalesce(delivered_at, created_at) >= ?)
            """)
        .params(
            route.tenantArs(),
            DocumentType.ANTRAG.name(),
            route.subject(),
            route.channel().name(),
            since)
        .query(Boolean.class)
        .single();
  }
}
