package de.amtsweg.einvoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared XRechnung test data (copied byte for byte from {@code ../shared/data/xrechnung} into
 * {@code src/test/resources/xrechnung}, see its SOURCE.md): every file with the verdict of the
 * KoSIT reference validator. Another folder can be given with {@code
 * -Damtsweg.einvoice.testdata=…}.
 */
public record XRechnungManifest(Path folder, List<Entry> entries) {

  /** One line of manifest.tsv. */
  public record Entry(
      String file,
      String syntax,
      String spec,
      boolean valid,
      List<String> expectedRules,
      String bt10,
      String bt10Check,
      List<String> referenceErrors,
      String category) {
    public byte[] content(Path folder) {
      try {
        return Files.readAllBytes(folder.resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static Path defaultFolder() {
    return Path.of(System.getProperty("amtsweg.einvoice.testdata", "src/test/resources/xrechnung"));
  }

  public static XRechnungManifest load() {
    return load(defaultFolder());
  }

  public static XRechnungManifest load(Path folder) {
    Path manifest = folder.resolve("manifest.tsv");
    if (!Files.isReadable(manifest)) {
      throw new IllegalStateException(
          "XRechnung test data not found at "
              + manifest.toAbsolutePath()
              + " (or set -Damtsweg.einvoice.testdata)");
    }
    try {
      List<Entry> entries = new ArrayList<>();
      List<String> lines = Files.readAllLines(manifest);
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] c = line.split("\t", -1);
        entries.add(
            new Entry(
                c[0],
                c[1],
                c[2],
                "valid".equals(c[3]),
                words(c[4]),
                c[5],
                c[6],
                words(c[8]),
                c[9]));
      }
      return new XRechnungManifest(folder, List.copyOf(entries));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> words(String s) {
    return s.isBlank() ? List.of() : Arrays.stream(s.trim().split("\\s+")).distinct().toList();
  }
}
