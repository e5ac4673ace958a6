package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import de.amtsweg.AmtswegApplication;
import de.amtsweg.support.Browser;
import java.net.URI;
import java.util.Map;
import javax.sql.DataSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one PostgreSQL, as behind a load balancer: a visitor's session (chosen place, staff
 * login) started on one node is served by the other, and starting the second node does not import
 * the reference data again. A node that would run the demo by default against such a database
 * refuses to start.
 */
class TwoNodesIT {

  @Test
  void aSessionStartedOnOneNodeContinuesOnTheOther() {
    try (ConfigurableApplicationContext first =
        new SpringApplicationBuilder(AmtswegApplication.class)
            .run(
                "--server.port=0",
                "--amtsweg.data-dir=target/it-data/two-nodes-" + System.nanoTime(),
                "--amtsweg.embedded-database.ephemeral=true",
                "--amtsweg.demo.password=Zwei-Knoten-2026")) {
      String jdbcUrl = ((HikariDataSource) first.getBean(DataSource.class)).getJdbcUrl();
      try (ConfigurableApplicationContext second =
          new SpringApplicationBuilder(AmtswegApplication.class)
              .run(
                  "--server.port=0",
                  "--spring.profiles.active=demo",
                  "--spring.datasource.url=" + jdbcUrl,
                  "--spring.datasource.username=postgres",
                  "--amtsweg.demo.password=Zwei-Knoten-2026")) {
        Browser onFirst = new Browser(URI.create("http://localhost:" + port(first)));
        Document places = Browser.page(onFirst.get("/ort?q=Jena"));
        onFirst.submit("/ort", Browser.csrf(places), Map.of("ars", "160530000000"));
        onFirst.signIn("betrieb", "Zwei-Knoten-2026");

        Browser onSecond = onFirst.at(URI.create("http://localhost:" + port(second)));

        assertThat(Browser.page(onSecond.get("/")).select(".chosen-place").text())
            .contains("Stadt Jena");
        assertThat(onSecond.get("/admin/mandanten").statusCode()).isEqualTo(200);
      }
      assertThatThrownBy(
              () ->
                  new SpringApplicationBuilder(AmtswegApplication.class)
                      .run(
                          "--server.port=0",
                          "--spring.datasource.url=" + jdbcUrl,
                          "--spring.datasource.username=postgres"))
          .as("demo by default on a production-like database")
          .hasRootCauseMessage(
              "No profile is set, so Amtsweg would run with demo accounts and demo data, but it is configured"
                  + " with an external database. Set SPRING_PROFILES_ACTIVE=prod for production, or"
                  + " SPRING_PROFILES_ACTIVE=demo to run the demo on purpose.");
    }
  }

  private static String port(ConfigurableApplicationContext context) {
    return context.getEnvironment().getProperty("local.server.port");
  }
}
