package de.amtsweg.platform.security;

import de.amtsweg.platform.PlatformProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo profile's staff accounts, all with the password {@code amtsweg.demo.password}. The demo
 * profile is for trying Amtsweg; it says so loudly at every start.
 */
@Component
@Profile("demo")
@Order(100)
class DemoStaffAccounts implements ApplicationRunner {

  static final String OPERATOR = "betrieb";
  /**
   * Slugs of the demo tenants (created by {@code tenancy.DemoTenants}). Each gets a caseworker
   * {@code sachbearbeitung-<slug>} and a tenant admin {@code verwaltung-<slug>}.
   */
  static final List<String> DEMO_TENANTS =
      List.of("thueringen", "erfurt", "jena", "landkreis-gotha", "gotha", "ohrdruf");
  private static final Logger log = LoggerFactory.getLogger(DemoStaffAccounts.class);

  private final StaffAccounts accounts;
  private final PlatformProperties properties;
  private final PasswordEncoder passwordEncoder;

  DemoStaffAccounts(StaffAccounts accounts, PlatformProperties properties, PasswordEncoder passwordEncoder) {
    this.accounts = accounts;
    this.properties = properties;
    this.passwordEncoder = passwordEncoder;
  }

  @Override
  public void run(ApplicationArguments args) {
    // One Argon2id hash for all demo staff: hashing is slow on purpose, and they share the password.
    String hash = passwordEncoder.encode(properties.demo().password());
    accounts.createOrUpdate(OPERATOR, "Plattformbetrieb (Demo)", hash, StaffRole.PLATFORM_OPERATOR, null);
    for (String tenant : DEMO_TENANTS) {
      accounts.createOrUpdate("sachbearbeitung-" + tenant, "Sachbearbeitung " + tenant + " (Demo)",
          hash, StaffRole.CASEWORKER, tenant);
      accounts.createOrUpdate("verwaltung-" + tenant, "Verwaltung " + tenant + " (Demo)",
          hash, StaffRole.TENANT_ADMIN, tenant);
    }
    accounts.createOrUpdate("redaktion-thueringen", "App-Redaktion Thüringen (Demo)", hash, StaffRole.APP_EDITOR,
        "thueringen");
    log.warn(
        "DEMO PROFILE ACTIVE: Amtsweg runs with demo data and demo accounts whose password is the"
            + " setting amtsweg.demo.password (see README). For trying Amtsweg only, never for"
            + " production: start with --spring.profiles.active=prod there.");
  }
}
