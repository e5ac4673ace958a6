package de.amtsweg.einvoice;

import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo Leitweg-IDs: the ones used by the KoSIT XRechnung test suite, spread over the demo tenants,
 * so that the test suite's invoices can be uploaded to the demo and are routed.
 */
@Component
@Profile("demo")
@Order(40)
class DemoLeitwegIds implements ApplicationRunner {

  /** Leitweg-ID → tenant slug. */
  static final Map<String, String> IDS =
      Map.ofEntries(
          Map.entry("04011000-12345-03", "erfurt"),
          Map.entry("04011000-12349-88", "erfurt"),
          Map.entry("04011000-12346-97", "jena"),
          Map.entry("04011000-12350-85", "jena"),
          Map.entry("04011000-12347-94", "landkreis-gotha"),
          Map.entry("04011000-12352-79", "landkreis-gotha"),
          Map.entry("04011000-12348-91", "gotha"),
          Map.entry("04011000-12354-73", "gotha"),
          Map.entry("11002002-98765-14", "ohrdruf"),
          Map.entry("99000000-18188-18", "ohrdruf"),
          Map.entry("90000000-03083-72", "thueringen"),
          Map.entry("12345678-12345-83", "thueringen"),
          Map.entry("992-90009-96", "thueringen"));

  private final LeitwegRegistry registry;

  DemoLeitwegIds(LeitwegRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void run(ApplicationArguments args) {
    IDS.forEach(
        (id, tenant) ->
            registry.registerIfAbsent(tenant, id, "Rechnungseingang (Demo, XRechnung-Testsuite)"));
  }
}
