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
 * what a demo admin changed stays changed. Fees paid online in the demo: the Meldebescheinigung in
 * Erfurt (5,00 €) and Gotha (8,00 €) before submission, the Hundesteuer in Ohrdruf after the
 * Bescheid.
 */
@Component
@Profile("demo")
@Order(41)
class DemoActivations implements ApplicationRunner {

  private static final String LAND = "160000000000";
  private static final List<String> MUNICIPALITIES =
      List.of("160510000000", "160530000000", "160670029029", "160675050053");
  private static final Map<String, List<String>> ACTIVATIONS =
      Map.of(
          "hundesteuer", MUNICIPALITIES,
          "meldebescheinigung", MUNICIPALITIES,
          "gewerbe-anmeldung", MUNICIPALITIES,
          "kita-anmeldung", MUNICIPALITIES,
          "foerderung-egovernment", List.of(LAND));

  private static final String ERFURT = "160510000000";
  private static final String GOTHA = "160670029029";
  private static final String OHRDRUF = "160675050053";

  private final AppStore store;

  DemoActivations(AppStore store) {
    this.store = store;
  }

  private static Map<String, String> parameters(String tenant, String appId) {
    return ERFURT.equals(tenant) && "meldebescheinigung".equals(appId)
        ? Map.of("gebuehrEinfach", "5.00")
        : Map.of();
  }

  private static PaymentTerms terms(String tenant, String appId) {
    return switch (appId + "@" + tenant) {
      case "meldebescheinigung@" + ERFURT ->
          new PaymentTerms(PaymentPolicy.BEFORE_SUBMISSION, "1.1.2.01.431100", "MELD");
      case "meldebescheinigung@" + GOTHA ->
          new PaymentTerms(PaymentPolicy.BEFORE_SUBMISSION, "12200.43110", null);
      case "hundesteuer@" + OHRDRUF ->
          new PaymentTerms(PaymentPolicy.AFTER_BESCHEID, "0.0.0.00.003200", "HUND");
      default -> PaymentTerms.NONE;
    };
  }

  @Override
  public void run(ApplicationArguments args) {
    ACTIVATIONS.forEach(
        (appId, tenants) -> {
          if (store.latest(appId).isEmpty()) {
            return;
          }
          for (String tenant : tenants) {
            if (store.activation(tenant, appId).isEmpty()) {
              store.activate(tenant, appId, parameters(tenant, appId), "Demo");
              PaymentTerms terms = terms(tenant, appId);
              if (terms.online()) {
                store.setPaymentTerms(tenant, appId, terms, "Demo");
              }
            }
          }
        });
  }
}
