package de.amtsweg.catalog;

import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo profile's Reifegrad assessments, recorded once: Stadt Erfurt's Hundesteuer assessed
 * under both models (to show that history keeps its model), online offers in Jena and the Landkreis
 * Gotha, and an offline one in Gotha. Made-up values for trying Amtsweg.
 */
@Component
@Profile("demo")
@Order(40)
class DemoReifegrade implements ApplicationRunner {

  private final Reifegrade reifegrade;
  private final JdbcClient jdbc;

  DemoReifegrade(Reifegrade reifegrade, JdbcClient jdbc) {
    this.reifegrade = reifegrade;
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (jdbc.sql("select count(*) from reifegrad_bewertung").query(Integer.class).single() > 0) {
      return;
    }
    String erfurt = "160510000000";
    reifegrade.record(
        erfurt, "99102013000000", ReifegradModell.V1_1, 2, LocalDate.of(2023, 3, 1), "Demo");
    reifegrade.record(
        erfurt, "99102013000000", ReifegradModell.V2_0, 3, LocalDate.of(2025, 10, 15), "Demo");
    reifegrade.record(
        "160530000000",
        "99107023000000",
        ReifegradModell.V2_0,
        3,
        LocalDate.of(2025, 9, 1),
        "Demo");
    reifegrade.record(
        "160670000000",
        "99036008007000",
        ReifegradModell.V1_1,
        3,
        LocalDate.of(2024, 6, 1),
        "Demo");
    reifegrade.record(
        "160670029029",
        "99050012104000",
        ReifegradModell.V1_1,
        1,
        LocalDate.of(2024, 2, 1),
        "Demo");
  }
}
