package de.amtsweg.payment.web;

import de.amtsweg.platform.Roles;
import de.amtsweg.tenancy.Tenant;
import de.amtsweg.tenancy.TenantManagement;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The tenant of the signed-in staff member; every query of the payment pages is scoped to it. */
@Component
class StaffTenant {

  private final TenantManagement tenants;

  StaffTenant(TenantManagement tenants) {
    this.tenants = tenants;
  }

  Tenant of(Authentication authentication) {
    return Roles.tenantOf(authentication)
        .flatMap(tenants::bySlug)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
  }
}
