package de.amtsweg.account;

import de.amtsweg.platform.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where this module keeps sealed secrets, for their re-sealing after a key rotation. */
@Configuration(proxyBeanMethods = false)
class AccountSealedColumns {

  /** TOTP secrets, sealed for their account ({@link SecondFactor}). */
  @Bean
  SealedColumn totpSecrets() {
    return new SealedColumn("account_totp", "secret", "account_id::text");
  }
}
