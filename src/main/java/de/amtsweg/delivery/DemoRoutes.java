package de.amtsweg.delivery;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In the demo, Stadt Erfurt and Stadt Jena receive Hundesteuer-Anträge in their Fachverfahren (demo
 * clients {@code fachverfahren-erfurt}, {@code fachverfahren-jena}) through the pull API; every
 * other tenant and app uses the case inbox. A route an admin changed stays changed.
 */
@Component
@Profile("demo")
@Order(42)
class DemoRoutes implements ApplicationRunner {

  static final String ERFURT = "160510000000";
  static final String JENA = "160530000000";

  private final DeliveryRoutes routes;

  DemoRoutes(DeliveryRoutes routes) {
    this.routes = routes;
  }

  @Override
  public void run(ApplicationArguments args) {
    routes.setIfAbsent(ERFURT, "hundesteuer", DeliveryChannel.PULL_API);
    routes.setIfAbsent(JENA, "hundesteuer", DeliveryChannel.PULL_API);
  }
}
