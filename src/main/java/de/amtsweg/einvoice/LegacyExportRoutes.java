package de.amtsweg.einvoice;

import de.amtsweg.delivery.DeliveryRoutes;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.platform.SecretBox;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves export routes from before the delivery engine into delivery's routes for e-invoices, once:
 * a file drop keeps its folder, a webhook keeps its address and its key (the finance system goes on
 * verifying with the key it has). The key is opened here, where it was sealed, and sealed again by
 * delivery. A route whose key no longer opens is moved without it: its admins must generate a new
 * one, as before.
 */
@Component
@Order(45)
class LegacyExportRoutes implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(LegacyExportRoutes.class);

  private final JdbcClient jdbc;
  private final SecretBox box;
  private final DeliveryRoutes routes;
  private final TenantManagement tenants;

  LegacyExportRoutes(
      JdbcClient jdbc, SecretBox box, DeliveryRoutes routes, TenantManagement tenants) {
    this.jdbc = jdbc;
    this.box = box;
    this.routes = routes;
    this.tenants = tenants;
  }

  private record Legacy(
      String tenantSlug,
      String kind,
      @Nullable String directory,
      @Nullable String url,
      @Nullable String secret,
      String changedBy) {}

  // No surrounding transaction: a route that cannot be moved must not roll back the others. Two
  // nodes starting together may both move a route; the upsert and the delete are idempotent.
  @Override
  public void run(ApplicationArguments args) {
    List<Legacy> legacy =
        jdbc.sql(
                "select tenant_slug, kind, directory, url, secret, changed_by from einvoice_export_route")
            .query(
                (rs, n) ->
                    new Legacy(
                        rs.getString("tenant_slug"),
                        rs.getString("kind"),
                        rs.getString("directory"),
                        rs.getString("url"),
                        rs.getString("secret"),
                        rs.getString("changed_by")))
            .list();
    for (Legacy route : legacy) {
      Optional<Tenant> tenant = tenants.bySlug(route.tenantSlug());
      if (tenant.isEmpty()) {
        log.warn("Export route of {}: no such tenant any more, dropped", route.tenantSlug());
      } else if (!move(route, tenant.get().authorityArs())) {
        // Kept for a later start (a file drop before the operator set the folder again) and for
        // the admins, who see no route and choose a new one.
        continue;
      }
      jdbc.sql("delete from einvoice_export_route where tenant_slug = ?")
          .param(route.tenantSlug())
          .update();
    }
  }

  /** Whether the route could be moved; otherwise it stays where it is and a warning says why. */
  private boolean move(Legacy route, String ars) {
    try {
      if ("WEBHOOK".equals(route.kind()) && route.url() != null && route.secret() != null) {
        String key = box.open(route.secret(), "einvoice-export:" + route.tenantSlug());
        routes.adoptWebhook(ars, DocumentType.E_RECHNUNG, "", route.url(), key, route.changedBy());
      } else if ("FILE_DROP".equals(route.kind()) && routes.fileDropAvailable()) {
        routes.configureFileDrop(
            ars,
            DocumentType.E_RECHNUNG,
            "",
            route.directory() == null ? "" : route.directory(),
            route.changedBy());
      } else {
        log.warn(
            "Export route of {} not moved: file drops are not set up"
                + " (amtsweg.delivery.file-drop-directory)",
            route.tenantSlug());
        return false;
      }
    } catch (IllegalStateException unreadable) {
      log.warn(
          "Export route of {} not moved: its key no longer opens; admins must set a new route",
          route.tenantSlug());
      return false;
    } catch (DeliveryRoutes.RouteException refused) {
      log.warn(
          "Export route of {} not moved: {} ({})",
          route.tenantSlug(),
          refused.code(),
          refused.field());
      return false;
    }
    log.info("Export route of {} moved to the delivery engine", route.tenantSlug());
    return true;
  }
}
