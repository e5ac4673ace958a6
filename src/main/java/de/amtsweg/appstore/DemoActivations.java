package de.amtsweg.appstore;

import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Switches the shipped apps on in the demo tenants that are responsible for them: the Land for its
 * funding programme, the Städte and Gemeinden for the rest. Runs once per app and tenant, so that
 * what a demo admin changed stays changed.
 */
@Component
@Profile("demo")
@Order(41)
class DemoActivations implements ApplicationRunner {

  private static final String LAND = "160000000000";
  private static final List<String> MUNICIPALITIES =
      List.of("160510000000", "160530000000", "160670029029", "160675050053");
  private static final Map<String, List<String>> ACTIVATIONS = Map.of(
      "hundesteuer", MUNICIPALITIES,
      "meldebescheinigung", MUNICIPALITIES,
      "gewerbe-anmeldung", MUNICIPALITIES,
      "kita-anmeldung", MUNICIPALITIES,
      "foerderung-egovernment", List.of(LAND));

  private final AppStore store;

  DemoActivations(AppStore store) {
    this.store = store;
  }

  @Override
  public void run(ApplicationArguments args) {
    ACTIVATIONS.forEach((appId, tenants) -> {
      if (store.latest(appId).isEmpty()) {
        return;
      }
      for (String tenant : tenants) {
        if (store.activation(tenant, appId).isEmpty()) {
          store.activate(tenant, appId, Map.of(), "Demo");
        }
      }
    });
  }
}
