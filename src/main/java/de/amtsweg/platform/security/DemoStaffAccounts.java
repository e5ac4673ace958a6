package de.amtsweg.platform.security;

import de.amtsweg.platform.PlatformProperties;
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
  private static final Logger log = LoggerFactory.getLogger(DemoStaffAccounts.class);

  private final StaffAccounts accounts;
  private final PlatformProperties properties;

  DemoStaffAccounts(StaffAccounts accounts, PlatformProperties properties) {
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    accounts.createOrUpdate(
        OPERATOR, "Plattformbetrieb (Demo)", properties.demo().password(), StaffRole.PLATFORM_OPERATOR);
    log.warn(
        "DEMO PROFILE ACTIVE: Amtsweg runs with demo data and demo accounts whose password is the"
            + " setting amtsweg.demo.password (see README). For trying Amtsweg only, never for"
            + " production: start with --spring.profiles.active=prod there.");
  }
}
