package de.amtsweg.einvoice;

import de.amtsweg.delivery.DeliveryRoutes;
import de.amtsweg.delivery.DocumentType;
import de.amtsweg.platform.SecretBox;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import java.net.URI;
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
import org.springframework.transaction.annotation.Transactional;

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

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    List<Legacy> legacy =
        jdbc.sql(
                "select tenant_slug, kind, directory, url, secret, changed_by from einvoice_export_route"
                    + " for update skip locked")
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
      if (tenant.isPresent()) {
        move(route, tenant.get().authorityArs());
      }
      jdbc.sql("delete from einvoice_export_route where tenant_slug = ?")
          .param(route.tenantSlug())
          .update();
    }
  }

  private void move(Legacy route, String ars) {
    if ("WEBHOOK".equals(route.kind()) && route.url() != null && route.secret() != null) {
      String key;
      try {
        key = box.open(route.secret(), "einvoice-export:" + route.tenantSlug());
      } catch (IllegalStateException unreadable) {
        log.warn(
            "Export route of {}: its key no longer opens; admins must generate a new one",
            route.tenantSlug());
        return;
      }
      routes.adoptWebhook(
          ars, DocumentType.E_RECHNUNG, "", URI.create(route.url()), key, route.changedBy());
    } else if ("FILE_DROP".equals(route.kind()) && routes.fileDropAvailable()) {
      routes.configureFileDrop(
          ars,
          DocumentType.E_RECHNUNG,
          "",
          route.directory() == null ? "" : route.directory(),
          route.changedBy());
    }
    log.info("Export route of {} moved to the delivery engine", route.tenantSlug());
  }
}
