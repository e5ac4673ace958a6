package de.amtsweg.support;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every integration test: the whole app on a random port against the embedded PostgreSQL,
 * with the demo data. All subclasses share one application context.
 *
 * <p>The limits on anonymous use ({@code amtsweg.limits.*}) stay at their defaults; each test
 * starts with no use counted, as if it came after the windows were over, because most tests submit
 * from 127.0.0.1 and the whole suite submits far more than ten Anträge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class AmtswegIT {

  /** The demo password of the test profile. */
  protected static final String DEMO_PASSWORD = "Test-Passwort-2026";

  @LocalServerPort protected int port;

  @Autowired private JdbcClient limitsJdbc;

  @BeforeEach
  void noUseCountedYet() {
    limitsJdbc.sql("delete from rate_limit_slot").update();
  }

  /**
   * Today as the app sees it (German time, the demo's {@code amtsweg.time-zone}): between midnight
   * in Germany and midnight UTC, {@code LocalDate.now()} of a UTC machine is still yesterday.
   */
  protected static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Berlin"));
  }

  /** A fresh visitor: own cookies, German browser. */
  protected Browser browser() {
    return new Browser(URI.create("http://localhost:" + port));
  }
}
