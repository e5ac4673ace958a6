package de.amtsweg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Amtsweg: the service portal and online application system of a German Land. */
@SpringBootApplication
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
