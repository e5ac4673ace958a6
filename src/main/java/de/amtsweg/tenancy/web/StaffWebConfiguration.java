package de.amtsweg.tenancy.web;

import de.amtsweg.platform.StaffDirectory;
import de.amtsweg.tenancy.TenantManagement;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets every module's controllers take the signed-in staff member and their tenant as parameters.
 */
@Configuration(proxyBeanMethods = false)
class StaffWebConfiguration implements WebMvcConfigurer {

  private final TenantManagement tenants;
  private final StaffDirectory staff;

  StaffWebConfiguration(TenantManagement tenants, StaffDirectory staff) {
    this.tenants = tenants;
    this.staff = staff;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new StaffArgumentResolver(
            tenants::bySlug,
            username -> staff.byUsername(username).map(StaffDirectory.StaffMember::displayName)));
  }
}
