package de.amtsweg.platform.security;

import de.amtsweg.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first platform operator of a production installation from {@code
 * amtsweg.bootstrap-operator.*}, once: an existing account is never changed.
 */
@Component
@Order(90)
class BootstrapOperatorAccount implements ApplicationRunner {

  static final int MINIMUM_PASSWORD_LENGTH = 12;
  private static final Logger log = LoggerFactory.getLogger(BootstrapOperatorAccount.class);

  private final StaffAccounts accounts;
  private final PlatformProperties.BootstrapOperator operator;

  BootstrapOperatorAccount(StaffAccounts accounts, PlatformProperties properties) {
    this.accounts = accounts;
    this.operator = properties.bootstrapOperator();
  }

  @Override
  public void run(ApplicationArguments args) {
    String username = operator.username();
    String password = operator.password();
    if (!StringUtils.hasText(username) || password == null) {
      return;
    }
    if (password.length() < MINIMUM_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          "amtsweg.bootstrap-operator.password must have at least "
              + MINIMUM_PASSWORD_LENGTH
              + " characters");
    }
    if (accounts.createIfAbsent(
        username.strip(), "Plattformbetrieb", password, StaffRole.PLATFORM_OPERATOR)) {
      log.info("Created the bootstrap platform operator account");
    }
  }
}
