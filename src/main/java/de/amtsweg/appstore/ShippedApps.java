package de.amtsweg.appstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Publishes the apps that ship with Amtsweg ({@code classpath:apps/*.yaml}) at start. A file that
 * changed becomes the next version; an unchanged one publishes nothing. A broken file stops the
 * start with the list of its problems, so a broken app never reaches citizens.
 */
@Component
@Order(40)
class ShippedApps implements ApplicationRunner {

  static final String SYSTEM = "Amtsweg (mitgeliefert)";

  private final AppStore store;

  ShippedApps(AppStore store) {
    this.store = store;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver().getResources("classpath:apps/*.yaml");
      Arrays.sort(files, Comparator.comparing(Resource::getFilename));
      for (Resource file : files) {
        store.publish(file.getContentAsString(StandardCharsets.UTF_8), SYSTEM);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
