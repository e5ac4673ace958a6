package de.amtsweg.einvoice;

import de.amtsweg.platform.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** An e-invoice may be as large as {@code amtsweg.einvoice.max-size}, plus a form's envelope. */
@Configuration(proxyBeanMethods = false)
class EinvoiceBodyLimits {

  @Bean
  BodyLimit einvoiceIntake(EinvoiceProperties properties) {
    return new BodyLimit(
        "/api/v1/einvoices",
        DataSize.ofBytes(properties.maxSize().toBytes() + DataSize.ofMegabytes(1).toBytes()));
  }
}
