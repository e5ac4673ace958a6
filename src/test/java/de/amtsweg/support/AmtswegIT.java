package de.amtsweg.support;

import java.net.URI;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of every integration test: the whole app on a random port against the embedded PostgreSQL,
 * with the demo data. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class AmtswegIT {

  /** The demo password of the test profile. */
  protected static final String DEMO_PASSWORD = "Test-Passwort-2026";

  @LocalServerPort protected int port;

  /** A fresh visitor: own cookies, German browser. */
  protected Browser browser() {
    return new Browser(URI.create("http://localhost:" + port));
  }
}
