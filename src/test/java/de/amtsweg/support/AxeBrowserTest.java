package de.amtsweg.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Without Chromium the accessibility tests fail and say what to install; they are never skipped.
 */
class AxeBrowserTest {

  @AfterEach
  void restore() {
    System.clearProperty("amtsweg.test.chromium");
    System.clearProperty("amtsweg.test.chromedriver");
  }

  @Test
  void aMissingChromiumFailsWithWhatToInstall() {
    System.setProperty("amtsweg.test.chromium", "/nicht/da/chromium");

    assertThatThrownBy(() -> AxeBrowser.start(URI.create("http://localhost:1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nicht/da/chromium is missing")
        .hasMessageContaining("apt-get install -y chromium chromium-driver")
        .hasMessageContaining("-Damtsweg.test.chromium=");
  }

  @Test
  void aMissingDriverFailsToo() {
    System.setProperty("amtsweg.test.chromium", "/bin/sh");
    System.setProperty("amtsweg.test.chromedriver", "/nicht/da/chromedriver");

    assertThatThrownBy(() -> AxeBrowser.startWithoutJavaScript(URI.create("http://localhost:1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nicht/da/chromedriver is missing")
        .hasMessageContaining("'chromium-driver'");
  }
}
