package de.amtsweg.catalog;

import de.amtsweg.catalog.VerbundObjects.Kind;
import de.amtsweg.catalog.VerbundObjects.Organisationseinheit;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import de.amtsweg.tenancy.TenantProfile;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every tenant is an Organisationseinheit of its own authority (source {@code tenant}, id {@code
 * tenant:<ARS>}) with the contact data the tenant keeps, so that the Verbund sees the offices of
 * Amtsweg's municipalities like any other. Synchronised at start-up, after the demo tenants, and
 * again whenever a tenant's self-check is opened (the tenant's profile may have changed since).
 */
@Component
@Order(36)
public class TenantUnits implements ApplicationRunner {

  static final String SOURCE = "tenant";

  private final TenantManagement tenants;
  private final VerbundObjects objects;

  TenantUnits(TenantManagement tenants, VerbundObjects objects) {
    this.tenants = tenants;
    this.objects = objects;
  }

  @Override
  public void run(ApplicationArguments args) {
    Set<String> keep = new HashSet<>();
    for (Tenant tenant : tenants.all()) {
      keep.add(sync(tenant).id());
    }
    for (String id : objects.ids(Kind.ORGANISATIONSEINHEIT, SOURCE)) {
      if (!keep.contains(id)) {
        objects.delete(Kind.ORGANISATIONSEINHEIT, id);
      }
    }
  }

  /** Saves the tenant's office record from its profile and returns it. */
  public Organisationseinheit sync(Tenant tenant) {
    TenantProfile p = tenant.profile();
    Organisationseinheit unit =
        new Organisationseinheit(
            id(tenant.authorityArs()),
            SOURCE,
            p.displayName(),
            tenant.authorityArs(),
            p.street(),
            p.postcode(),
            p.city(),
            p.phone(),
            p.email(),
            p.website() == null || !VerbundObjects.isWebAddress(p.website()) ? null : p.website(),
            p.openingHours());
    objects.save(unit);
    return unit;
  }

  static String id(String authorityArs) {
    return SOURCE + ":" + authorityArs;
  }
}
