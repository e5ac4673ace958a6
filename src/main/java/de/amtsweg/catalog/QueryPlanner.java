package de.amtsweg.catalog;

import de.amtsweg.platform.GermanFolding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns what a person typed into a {@link QueryPlan}: folds umlauts and case, looks up synonyms
 * (multi-word ones first), corrects typos against the catalog's words and splits compounds.
 */
@Component
class QueryPlanner {

  /** Longer queries are cut: nobody types more than this many words into a search box. */
  static final int MAX_WORDS = 8;

  private final Synonyms synonyms;
  private final Vocabulary vocabulary;

  QueryPlanner(Synonyms synonyms, Vocabulary vocabulary) {
    this.synonyms = synonyms;
    this.vocabulary = vocabulary;
  }

  QueryPlan plan(String query) {
    String folded = GermanFolding.fold(query);
    List<String> words =
        Arrays.stream(folded.split(" ")).filter(w -> w.length() >= 2).limit(MAX_WORDS).toList();
    List<List<String>> groups = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int taken = 1;
      Set<String> alternatives = new LinkedHashSet<>();
      // The longest multi-word synonym key starting here wins: "auto anmelden".
      for (int n = Math.min(synonyms.longestKey(), words.size() - i); n >= 2; n--) {
        Set<String> found = synonyms.of(words.subList(i, i + n));
        if (!found.isEmpty()) {
          alternatives.add(String.join(" ", words.subList(i, i + n)));
          alternatives.addAll(found);
          taken = n;
          break;
        }
      }
      if (taken == 1) {
        String word = words.get(i);
        alternatives.add(word);
        alternatives.addAll(synonyms.of(List.of(word)));
        if (!vocabulary.knowsPrefix(word)) {
          String stem = vocabulary.knownStem(word);
          if (stem != null) {
            // An inflection of a known word ("abmelden", "Personalausweiss"): match its stem.
            alternatives.add(stem);
          } else {
            String compound = vocabulary.splitCompound(word);
            if (compound != null) {
              alternatives.add(compound);
            }
            alternatives.addAll(vocabulary.corrections(word));
          }
        }
      }
      groups.add(List.copyOf(alternatives));
      i += taken;
    }
    return new QueryPlan(folded, groups);
  }
}
