package de.amtsweg.platform.security;

import de.amtsweg.platform.DemoPassword;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
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
  private final DemoPassword demoPassword;

  DemoStaffAccounts(StaffAccounts accounts, DemoPassword demoPassword) {
    this.accounts = accounts;
    this.demoPassword = demoPassword;
  }

  @Override
  public void run(ApplicationArguments args) {
    // Argon2id is slow on purpose: a stored hash of the demo password is kept, else all share one.
    save(OPERATOR, "Plattformbetrieb (Demo)", StaffRole.PLATFORM_OPERATOR, null);
    for (String tenant : DEMO_TENANTS) {
      save(
          "sachbearbeitung-" + tenant,
          "Sachbearbeitung " + tenant + " (Demo)",
          StaffRole.CASEWORKER,
          tenant);
      save(
          "verwaltung-" + tenant,
          "Verwaltung " + tenant + " (Demo)",
          StaffRole.TENANT_ADMIN,
          tenant);
    }
    save(
        "redaktion-thueringen",
        "App-Redaktion Thüringen (Demo)",
        StaffRole.APP_EDITOR,
        "thueringen");
    log.warn(
        "DEMO PROFILE ACTIVE: Amtsweg runs with demo data and demo accounts whose password is the"
            + " setting amtsweg.demo.password (see README). For trying Amtsweg only, never for"
            + " production: start with --spring.profiles.active=prod there.");
  }

  private void save(String username, String displayName, StaffRole role, @Nullable String tenant) {
    accounts.createOrUpdate(
        username, displayName, demoPassword.hashFor(accounts.passwordHash(username)), role, tenant);
  }
}
