package de.amtsweg.catalog;

import de.amtsweg.platform.GermanFolding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Colloquial words and synonyms ("Perso" → Personalausweis), from {@code catalog/synonyms.txt} and
 * an operator's own file. Keys and alternatives are folded like queries; a key may have several
 * words ("auto anmelden").
 */
@Component
class Synonyms {

  static final String RESOURCE = "catalog/synonyms.txt";

  private final Map<String, Set<String>> alternatives;
  private final int longestKey;

  Synonyms(CatalogProperties settings) {
    Map<String, Set<String>> map = new HashMap<>();
    try (Reader reader =
        new InputStreamReader(
            new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
      parse(reader, RESOURCE, map);
      Path own = settings.synonymsFile();
      if (own != null) {
        try (Reader ownReader = Files.newBufferedReader(own, StandardCharsets.UTF_8)) {
          parse(ownReader, own.toString(), map);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the synonym list", e);
    }
    this.alternatives = Map.copyOf(map);
    this.longestKey = map.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
  }

  /** Alternatives for these folded words taken together, or an empty set. */
  Set<String> of(List<String> words) {
    return alternatives.getOrDefault(String.join(" ", words), Set.of());
  }

  /** The most words a key has: how far ahead the planner looks for a multi-word key. */
  int longestKey() {
    return longestKey;
  }

  static void parse(Reader source, String name, Map<String, Set<String>> into) throws IOException {
    BufferedReader lines = new BufferedReader(source);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String content = line.strip();
      if (content.isEmpty() || content.startsWith("#")) {
        continue;
      }
      int equals = content.indexOf('=');
      if (equals <= 0) {
        throw new IllegalStateException(
            name + ", line " + number + ": expected 'word = alternative | …'");
      }
      String key = GermanFolding.fold(content.substring(0, equals));
      List<String> values = new ArrayList<>();
      for (String value : Arrays.asList(content.substring(equals + 1).split("\\|"))) {
        String folded = GermanFolding.fold(value);
        if (!folded.isEmpty()) {
          values.add(folded);
        }
      }
      if (key.isEmpty() || values.isEmpty()) {
        throw new IllegalStateException(name + ", line " + number + ": empty word or alternatives");
      }
      into.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(values);
    }
  }
}
