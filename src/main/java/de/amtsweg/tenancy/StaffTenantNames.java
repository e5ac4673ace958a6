package de.amtsweg.tenancy;

import de.amtsweg.platform.TenantNames;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Tells staff management (platform) which tenants there are. */
@Component
class StaffTenantNames implements TenantNames {

  private final TenantManagement tenants;

  StaffTenantNames(TenantManagement tenants) {
    this.tenants = tenants;
  }

  @Override
  public SortedMap<String, String> all() {
    SortedMap<String, String> names = new TreeMap<>();
    tenants.all().forEach(tenant -> names.put(tenant.slug(), tenant.displayName()));
    return names;
  }
}
