package de.amtsweg.payment;

import de.amtsweg.platform.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where this module keeps sealed secrets, for their re-sealing after a key rotation. */
@Configuration(proxyBeanMethods = false)
class PaymentSealedColumns {

  /** Payment services' client secrets, sealed for their tenant ({@link PaymentConfigs}). */
  @Bean
  SealedColumn paymentClientSecrets() {
    return new SealedColumn("payment_config", "client_secret", "tenant_ars");
  }

  /** Payment services' notification secrets, sealed for their tenant. */
  @Bean
  SealedColumn paymentNotificationSecrets() {
    return new SealedColumn("payment_config", "notification_secret", "tenant_ars");
  }
}
