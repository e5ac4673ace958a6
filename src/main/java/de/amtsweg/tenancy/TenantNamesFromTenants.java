package de.amtsweg.tenancy;

import de.amtsweg.platform.TenantNames;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The platform's view of the tenants: slug and name, nothing else. */
@Component
class TenantNamesFromTenants implements TenantNames {

  private final TenantManagement tenants;

  TenantNamesFromTenants(TenantManagement tenants) {
    this.tenants = tenants;
  }

  @Override
  public SortedMap<String, String> all() {
    SortedMap<String, String> names = new TreeMap<>();
    tenants.all().forEach(tenant -> names.put(tenant.slug(), tenant.displayName()));
    return names;
  }
}
