package de.amtsweg.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The demo profile is the default so that a fresh clone starts with one command. It must never be
 * on by accident in production: when it was not chosen explicitly, Amtsweg refuses to start with an
 * external database or on an address other than loopback.
 */
@Component
@Profile("demo")
class DemoProfileGuard {

  DemoProfileGuard(Environment environment) {
    boolean chosen = Arrays.asList(environment.getActiveProfiles()).contains("demo");
    if (chosen) {
      return;
    }
    boolean externalDatabase =
        StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    boolean publicAddress = !isLoopback(environment.getProperty("server.address", "127.0.0.1"));
    if (externalDatabase || publicAddress) {
      throw new IllegalStateException(
          "No profile is set, so Amtsweg would run with demo accounts and demo data, but it is"
              + (externalDatabase
                  ? " configured with an external database"
                  : " listening on a public address")
              + ". Set SPRING_PROFILES_ACTIVE=prod for production, or SPRING_PROFILES_ACTIVE=demo to"
              + " run the demo on purpose.");
    }
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
