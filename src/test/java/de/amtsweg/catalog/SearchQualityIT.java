package de.amtsweg.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsweg.support.AmtswegIT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The search understands how people ask: each query of search-expectations.csv (written before the
 * search was tuned) finds its Leistung among the first three results.
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
      boolean found =
          top.stream()
              .anyMatch(
                  hit ->
                      expected.startsWith("ozg:")
                          ? expected.substring(4).equals(hit.ozgId())
                          : expected.substring(6).equals(hit.leikaKey()));
      if (!found) {
        misses.add(
            query
                + " → expected "
                + expected
                + ", got "
                + top.stream().map(h -> h.name() + " [" + h.ozgId() + "]").toList());
      }
    }
    assertThat(queries).isGreaterThanOrEqualTo(40);
    assertThat(misses).isEmpty();
  }
}
