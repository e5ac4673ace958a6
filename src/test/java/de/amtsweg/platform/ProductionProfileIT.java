package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.AmtswegApplication;
import de.amtsweg.support.Browser;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Outside the demo profile there are no demo accounts or tenants; the first operator is bootstrapped. */
class ProductionProfileIT {

  @Test
  void productionStartHasNoDemoDataButTheBootstrapOperator() {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AmtswegApplication.class)
            .profiles("prod")
            .run(
                // Command-line arguments, as a user starts it: they override application.properties.
                "--server.port=0",
                "--amtsweg.data-dir=target/it-data/prod-" + System.nanoTime(),
                "--amtsweg.embedded-database.ephemeral=true",
                "--amtsweg.bootstrap-operator.username=Landesbetrieb",
                "--amtsweg.bootstrap-operator.password=Ein-langes-Startpasswort")) {
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      Browser visitor =
          new Browser(URI.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port")));

      assertThat(jdbc.sql("select count(*) from tenant").query(Integer.class).single()).isZero();
      assertThat(jdbc.sql("select username from staff_account").query(String.class).list())
          .containsExactly("landesbetrieb");
      assertThat(Browser.page(visitor.get("/")).select(".demo-banner")).isEmpty();
      assertThat(visitor.signIn("betrieb", "Amtsweg-Demo-2026").headers().firstValue("Location").orElseThrow())
          .contains("fehler");
      assertThat(visitor.signIn("landesbetrieb", "Ein-langes-Startpasswort").headers().firstValue("Location").orElseThrow())
          .doesNotContain("fehler");
      assertThat(visitor.get("/admin/mandanten").statusCode()).isEqualTo(200);
      assertThat(Browser.page(visitor.get("/impressum")).text()).contains("noch nicht hinterlegt");
    }
  }
}
