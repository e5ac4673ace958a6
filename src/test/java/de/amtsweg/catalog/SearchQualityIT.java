package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search understands how people ask: each query of search-expectations.csv finds its Leistung
 * among the first three results. The first 50 were written before the search was tuned; compounds
 * ("Krippenplatz"), everyday phrases ("kita platz") and English queries ("dog registration") came
 * with issue #16. The test prints the share found, the number the issue's goal is about.
 */
class SearchQualityIT extends AmtswegIT {

  @Autowired ServiceSearch search;

  @Test
  void everyExpectedLeistungIsInTheTopThree() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of("src/test/resources/catalog/search-expectations.csv"), StandardCharsets.UTF_8);
    List<String> misses = new ArrayList<>();
    int queries = 0;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#") || line.equals("query;expected")) {
        continue;
      }
      queries++;
      String[] parts = line.split(";");
      String query = parts[0];
      String expected = parts[1];
      List<ServiceHit> top = search.search(query, null, 3);
      if (top.stream().noneMatch(hit -> matches(hit, expected))) {
        misses.add(
            query
                + " → expected "
                + expected
                + ", got "
                + top.stream().map(h -> h.name() + " [" + h.ozgId() + "]").toList());
      }
    }
    double found = (queries - misses.size()) * 100.0 / queries;
    System.out.printf(
        Locale.ROOT,
        "SearchQualityIT: %d of %d queries (%.1f %%) have the expected Leistung in the top three%n",
        queries - misses.size(),
        queries,
        found);
    assertThat(queries).isGreaterThanOrEqualTo(100);
    assertThat(misses).isEmpty();
  }

  @Test
  void weakMatchesAreCut() {
    // "Hundesteuer" is one Leistung with a handful of kinds; not 20 hits of anything with "Steuer".
    assertThat(search.search("Hundesteuer", null, 20))
        .extracting(ServiceHit::name)
        .isNotEmpty()
        .allSatisfy(name -> assertThat(name).containsIgnoringCase("Hund"));
    assertThat(search.search("meldebescheinigung", null, 20)).hasSizeLessThan(20);
  }

  @Test
  void registerInAnEnglishQueryDoesNotLeadToTheEmasRegister() {
    for (String query : List.of("register business", "register a business", "register my dog")) {
      assertThat(search.search(query, null, 5))
          .as(query)
          .extracting(ServiceHit::name)
          .noneMatch(name -> name.contains("EMAS"));
    }
  }

  private static boolean matches(ServiceHit hit, String expected) {
    return expected.startsWith("ozg:")
        ? expected.substring(4).equals(hit.ozgId())
        : expected.substring(6).equals(hit.leikaKey());
  }
}
