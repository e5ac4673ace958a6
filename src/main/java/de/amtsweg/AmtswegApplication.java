package de.amtsweg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Amtsweg: the service portal and online application system of a German Land.
 *
 * <p>{@code platform} is the shared module: every module may use its API without declaring it in
 * {@code allowedDependencies}, and module tests always start it (database, security, layout).
 */
@SpringBootApplication
@Modulithic(sharedModules = "platform")
@ConfigurationPropertiesScan
public class AmtswegApplication {

  public static void main(String[] args) {
    // Command-line tools that need neither web server nor database.
    if (de.amtsweg.einvoice.EinvoiceCli.wanted(args)) {
      System.exit(de.amtsweg.einvoice.EinvoiceCli.run(args, System.out, System.err));
    }
    SpringApplication.run(AmtswegApplication.class, args);
  }
}
