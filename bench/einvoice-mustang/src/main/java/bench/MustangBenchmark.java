package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mustangproject.validator.ZUGFeRDValidator;

/**
 * Mustang's ZUGFeRDValidator over manifest.tsv: agreement with the reference verdict and invoices
 * per second on one thread. Args: folder of the shared data, number of passes.
 */
public final class MustangBenchmark {

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/xrechnung");
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("manifest.tsv")).subList(1, Files.readAllLines(folder.resolve("manifest.tsv")).size())) {
      if (!line.isBlank()) {
        rows.add(line.split("\t", -1));
      }
    }
    List<byte[]> contents = new ArrayList<>();
    for (String[] row : rows) {
      contents.add(Files.readAllBytes(folder.resolve(row[0])));
    }
    // warm-up
    for (int i = 0; i < Math.min(50, rows.size()); i++) {
      verdict(contents.get(i), rows.get(i)[0]);
    }
    int agree = 0;
    int errors = 0;
    long start = System.nanoTime();
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < rows.size(); i++) {
        Boolean valid;
        try {
          valid = verdict(contents.get(i), rows.get(i)[0]);
        } catch (RuntimeException | Error e) {
          valid = null;
          errors++;
        }
        boolean expected = "valid".equals(rows.get(i)[3]);
        if (valid != null && valid == expected || valid == null && !expected) {
          agree++;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int total = rows.size() * passes;
    System.out.printf(Locale.ROOT, "mustang %s  agreement %d/%d = %.1f %%  %.1f invoices/s (1 thread)  exceptions %d%n",
        org.mustangproject.validator.ZUGFeRDValidator.class.getPackage().getImplementationVersion(),
        agree, total, 100.0 * agree / total, total / seconds, errors);
  }

  private static boolean verdict(byte[] content, String name) {
    ZUGFeRDValidator validator = new ZUGFeRDValidator();
    validator.disableNotices();
    validator.validate(content, name.substring(name.lastIndexOf('/') + 1));
    return validator.wasCompletelyValid();
  }
}
