package de.amtsweg.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar validates files without starting a server or a database. */
class EinvoiceCliJarIT extends AmtswegIT {

  @Test
  void theJarValidatesFilesWithoutServerOrDatabase() throws IOException, InterruptedException {
    Path jar = Path.of("target", "amtsweg.jar");
    assertThat(jar).exists();
    Path folder = XRechnungManifest.defaultFolder();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-jar",
                    jar.toString(),
                    "einvoice",
                    "validate",
                    folder
                        .resolve("testsuite/business-cases/standard/01.01a-INVOICE_ubl.xml")
                        .toString(),
                    folder.resolve("mustang-samples/invalidXRV30_BR-DEC-23.xml").toString()))
            .redirectErrorStream(false)
            .start();
    boolean done = process.waitFor(3, TimeUnit.MINUTES);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(done).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .contains(
            "\"valid\":true", "\"syntax\":\"UBL-Invoice\"", "\"leitwegId\":\"04011000-12345-03\"");
    assertThat(lines.get(1)).contains("\"valid\":false", "\"rule\":\"BR-DEC-23\"");
    assertThat(out).doesNotContain("Tomcat", "HikariPool", "Started AmtswegApplication");
    assertThat(Files.size(jar)).isPositive();
  }
}
