package de.amtsweg.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI description at {@code /api/openapi} says about Amtsweg's JSON APIs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI amtswegOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Amtsweg API")
                .version("v1")
                .description(
                    "Public APIs of the Amtsweg service portal: authorities of the Land and the"
                        + " Leistungskatalog. Errors are RFC 9457 problem details"
                        + " (application/problem+json) with type urn:amtsweg:problem:<slug>.")
                .license(
                    new License()
                        .name("EUPL-1.2")
                        .url(
                            "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12")));
  }
}
