package de.amtsweg.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of the main code has a {@code package-info.java} that marks it {@code @NullMarked}.
 * NullAway checks only {@code @NullMarked} code, so a package without it would silently go
 * unchecked.
 */
class PackageInfoTest {

  private static final Path MAIN = Path.of("src", "main", "java");

  @Test
  void everyPackageHasANullMarkedPackageInfo() throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> directories = Files.walk(MAIN)) {
      for (Path directory : directories.filter(Files::isDirectory).toList()) {
        if (!hasJavaSource(directory)) {
          continue;
        }
        Path packageInfo = directory.resolve("package-info.java");
        String name = MAIN.relativize(directory).toString().replace('\\', '/');
        if (!Files.exists(packageInfo)) {
          offences.add(name + " has no package-info.java");
        } else if (!Files.readString(packageInfo).contains("@NullMarked")) {
          offences.add(name + "/package-info.java is not @NullMarked");
        }
      }
    }
    assertThat(offences).as("packages without a @NullMarked package-info.java").isEmpty();
  }

  private static boolean hasJavaSource(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    }
  }
}
