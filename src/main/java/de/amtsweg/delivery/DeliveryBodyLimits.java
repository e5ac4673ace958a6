package de.amtsweg.delivery;

import de.amtsweg.account.Postfach;
import de.amtsweg.platform.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Status reports of Fachverfahren may carry a Bescheid: a PDF of up to {@link
 * Postfach#MAX_ATTACHMENT_BYTES} as base64 (a third larger) plus the message text.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryBodyLimits {

  @Bean
  BodyLimit deliveryReports() {
    return new BodyLimit(
        "/api/v1/delivery/**",
        DataSize.ofBytes(Postfach.MAX_ATTACHMENT_BYTES * 4L / 3 + 256 * 1024));
  }
}
