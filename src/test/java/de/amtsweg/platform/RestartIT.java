package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.AmtswegApplication;
import de.amtsweg.support.Browser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Started as a user starts it (no profile: the demo profile is the default), what is stored in the
 * embedded PostgreSQL under amtsweg.data-dir survives a restart.
 */
class RestartIT {

  private final Path dataDir = Path.of("target", "it-data", "restart-" + System.nanoTime());

  @Test
  void dataSurvivesARestart() throws Exception {
    List<String> demoHashes;
    try (ConfigurableApplicationContext first = start()) {
      assertThat(startPage(first)).contains("Demo-System");
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      jdbc.sql("update tenant set opening_hours = 'Nach Vereinbarung' where slug = 'gotha'")
          .update();
      demoHashes = demoHashes(jdbc);
      assertThat(demoHashes)
          .as("staff, Servicekonten and API clients share one hash")
          .hasSize(1 + 12 + 1 + 2 + 3)
          .containsOnly(demoHashes.getFirst());
      // Someone changed the operator's password in the demo.
      jdbc.sql("update staff_account set password_hash = ? where username = 'betrieb'")
          .param(first.getBean(PasswordEncoder.class).encode("Ein-anderes-Passwort"))
          .update();
    }

    try (ConfigurableApplicationContext second = start()) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("select opening_hours from tenant where slug = 'gotha'")
                  .query(String.class)
                  .single())
          .isEqualTo("Nach Vereinbarung");
      assertThat(jdbc.sql("select count(*) from authority").query(Integer.class).single())
          .isEqualTo(731);
      // Hashes that verify the demo password are kept (no Argon2id hashing per account at start);
      // the changed one is the demo password again.
      List<String> again = demoHashes(jdbc);
      assertThat(again.subList(1, again.size())).containsOnly(demoHashes.getFirst());
      assertThat(again.getFirst()).isNotEqualTo(demoHashes.getFirst());
      Browser operator =
          new Browser(
              URI.create(
                  "http://localhost:" + second.getEnvironment().getProperty("local.server.port")));
      assertThat(
              operator
                  .signIn("betrieb", "Restart-Test-2026")
                  .headers()
                  .firstValue("Location")
                  .orElseThrow())
          .endsWith("/admin");
      Browser caseworker =
          new Browser(
              URI.create(
                  "http://localhost:" + second.getEnvironment().getProperty("local.server.port")));
      assertThat(
              caseworker
                  .signIn("sachbearbeitung-jena", "Restart-Test-2026")
                  .headers()
                  .firstValue("Location")
                  .orElseThrow())
          .endsWith("/verwaltung");
    }
  }

  /**
   * The operator's hash first, then every other demo staff account, Servicekonto and API client.
   */
  private static List<String> demoHashes(JdbcClient jdbc) {
    List<String> hashes = new ArrayList<>();
    hashes.add(
        jdbc.sql("select password_hash from staff_account where username = 'betrieb'")
            .query(String.class)
            .single());
    hashes.addAll(
        jdbc.sql(
                "select password_hash from staff_account where username <> 'betrieb' order by username")
            .query(String.class)
            .list());
    hashes.addAll(
        jdbc.sql("select password_hash from account where email in (?, ?) order by email")
            .params("erika.mustermann@example.org", "rechnungen@lieferdienst-thueringen.example")
            .query(String.class)
            .list());
    hashes.addAll(
        jdbc.sql("select secret_hash from api_client order by client_id")
            .query(String.class)
            .list());
    return hashes;
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(AmtswegApplication.class)
        .run(
            // Command-line arguments, as a user starts it: they override application.properties.
            "--server.port=0",
            "--amtsweg.data-dir=" + dataDir.toAbsolutePath(),
            "--amtsweg.demo.password=Restart-Test-2026");
  }

  private static String startPage(ConfigurableApplicationContext context) throws Exception {
    String port = context.getEnvironment().getProperty("local.server.port");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body();
  }

  @AfterEach
  void deleteData() throws IOException {
    if (Files.exists(dataDir)) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
