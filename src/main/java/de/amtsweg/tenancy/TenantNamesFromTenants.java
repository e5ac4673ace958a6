package de.amtsweg.tenancy;

import de.amtsweg.platform.TenantNames;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import org.springframework.stereotype.Component;

/** The platform's view of the tenants: slug and name, nothing else. */
@Component
class TenantNamesFromTenants implements TenantNames {

  private final TenantManagement tenants;

  TenantNamesFromTenants(TenantManagement tenants) {
    this.tenants = tenants;
  }

  @Override
  public SequencedMap<String, String> all() {
    SequencedMap<String, String> names = new LinkedHashMap<>();
    tenants.all().forEach(tenant -> names.put(tenant.slug(), tenant.displayName()));
    return names;
  }
}
