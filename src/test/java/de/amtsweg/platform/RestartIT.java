package de.amtsweg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.AmtswegApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Started as a user starts it (no profile: the demo profile is the default), what is stored in the
 * embedded PostgreSQL under amtsweg.data-dir survives a restart.
 */
class RestartIT {

  private final Path dataDir = Path.of("target", "it-data", "restart-" + System.nanoTime());

  @Test
  void dataSurvivesARestart() throws Exception {
    try (ConfigurableApplicationContext first = start()) {
      assertThat(startPage(first)).contains("Demo-System");
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      jdbc.sql("update tenant set opening_hours = 'Nach Vereinbarung' where slug = 'gotha'").update();
    }

    try (ConfigurableApplicationContext second = start()) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("select opening_hours from tenant where slug = 'gotha'").query(String.class).single())
          .isEqualTo("Nach Vereinbarung");
      assertThat(jdbc.sql("select count(*) from authority").query(Integer.class).single()).isEqualTo(731);
    }
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
