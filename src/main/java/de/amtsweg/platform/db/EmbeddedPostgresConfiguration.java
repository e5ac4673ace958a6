package de.amtsweg.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import de.amtsweg.platform.PlatformProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts a real PostgreSQL (binaries from Maven Central) under {@code amtsweg.data-dir} when no
 * {@code spring.datasource.url} is configured, so that a fresh clone runs with one command. The
 * data survives restarts; the server listens on 127.0.0.1 only.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
  static final String DATABASE = "amtsweg";

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(PlatformProperties properties) {
    Path dataDirectory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
    try {
      Files.createDirectories(dataDirectory.getParent());
      long started = System.nanoTime();
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(properties.embeddedDatabase().ephemeral())
              .setPort(properties.embeddedDatabase().port())
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "50")
              .setLocaleConfig("encoding", "UTF8")
              .setPGStartupWait(Duration.ofSeconds(60))
              .start();
      createDatabaseIfMissing(postgres);
      log.info(
          "Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)",
          postgres.getPort(),
          dataDirectory,
          (System.nanoTime() - started) / 1_000_000);
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL in "
              + dataDirectory
              + ". Is another Amtsweg using this data directory? Set amtsweg.data-dir to another folder"
              + " or spring.datasource.url to an external PostgreSQL.",
          e);
    }
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
    dataSource.setUsername("postgres");
    dataSource.setPoolName("amtsweg-embedded");
    dataSource.setMaximumPoolSize(10);
    return dataSource;
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
    JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
    Boolean exists =
        admin.queryForObject(
            "select exists(select 1 from pg_database where datname = ?)", Boolean.class, DATABASE);
    if (!Boolean.TRUE.equals(exists)) {
      admin.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
    }
  }
}
