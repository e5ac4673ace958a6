package de.amtsweg.catalog;

import de.amtsweg.platform.GermanFolding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns what a person typed into a {@link QueryPlan}: folds umlauts and case, drops filler words
 * ("how to", "mein"), looks up synonyms (multi-word ones first, English among them), corrects typos
 * against the catalog's words and splits compounds with {@link Compounds}.
 */
@Component
class QueryPlanner {

  /** Longer queries are cut: nobody types more than this many words into a search box. */
  static final int MAX_WORDS = 8;

  private static final Pattern TOKENS = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Words that carry nothing a Leistung could match (folded). German stop words are removed by
   * PostgreSQL's {@code german} configuration, but only unfolded ("für", not "fur"), and English
   * ones not at all.
   */
  private static final Set<String> FILLERS =
      Set.of(
          "fur", "ich", "mein", "meine", "meinen", "meiner", "wie", "wo", "was", "kann", "muss",
          "will", "mochte", "bei", "beim", "zum", "zur", "der", "die", "das", "den", "dem", "des",
          "ein", "eine", "einen", "einer", "und", "oder", "mit", "von", "vom", "im", "in", "am",
          "neu", "neuen", "neue", "the", "to", "for", "my", "of", "how", "do", "can", "where",
          "get", "an", "and", "or", "with", "new", "at", "on", "want", "need", "apply", "is");

  /**
   * Words that say how, not what ("Elterngeld beantragen", "Kita Antrag online"): they rank, but a
   * Leistung need not contain them.
   */
  private static final Set<String> HOW =
      Set.of(
          "antrag",
          "antrage",
          "beantragen",
          "beantragung",
          "online",
          "formular",
          "formulare",
          "application",
          "form",
          "request",
          "stellen");

  private final Synonyms synonyms;
  private final Vocabulary vocabulary;
  private final Compounds compounds;

  QueryPlanner(Synonyms synonyms, Vocabulary vocabulary, Compounds compounds) {
    this.synonyms = synonyms;
    this.vocabulary = vocabulary;
    this.compounds = compounds;
  }

  /** A word of the query: folded, and as typed (for the compound dictionary, which has umlauts). */
  private record Word(String folded, String typed) {}

  QueryPlan plan(String query) {
    List<Word> words = words(query);
    List<String> folded = words.stream().map(Word::folded).toList();
    List<QueryPlan.Group> groups = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      int taken = 1;
      QueryPlan.Group group = null;
      // The longest multi-word synonym key starting here wins: "auto anmelden".
      for (int n = Math.min(synonyms.longestKey(), words.size() - i); n >= 2; n--) {
        Set<String> found = synonyms.of(folded.subList(i, i + n));
        if (!found.isEmpty()) {
          Set<String> options = new LinkedHashSet<>();
          options.add(String.join(" ", folded.subList(i, i + n)));
          options.addAll(found);
          group = QueryPlan.Group.of(List.copyOf(options), false);
          taken = n;
          break;
        }
      }
      if (group == null) {
        group = single(words.get(i));
      }
      groups.add(group);
      i += taken;
    }
    return new QueryPlan(String.join(" ", folded), groups);
  }

  private List<Word> words(String query) {
    List<Word> words = new ArrayList<>();
    for (String typed : TOKENS.split(query.strip())) {
      for (String folded : GermanFolding.fold(typed).split(" ")) {
        if (folded.length() >= 2) {
          words.add(new Word(folded, folded.equals(GermanFolding.fold(typed)) ? typed : folded));
        }
      }
    }
    List<Word> meaningful = words.stream().filter(w -> !FILLERS.contains(w.folded())).toList();
    return (meaningful.isEmpty() ? words : meaningful).stream().limit(MAX_WORDS).toList();
  }

  private QueryPlan.Group single(Word word) {
    String folded = word.folded();
    List<QueryPlan.Alternative> alternatives = new ArrayList<>();
    Set<String> options = new LinkedHashSet<>();
    options.add(folded);
    options.addAll(synonyms.of(List.of(folded)));
    if (!vocabulary.knowsPrefix(folded)) {
      String stem = vocabulary.knownStem(folded);
      if (stem != null) {
        // An inflection of a known word ("abmelden", "Personalausweiss"): match its stem.
        options.add(stem);
      } else {
        options.addAll(vocabulary.corrections(folded));
      }
    }
    options.forEach(option -> alternatives.add(QueryPlan.Alternative.of(option)));
    if (!vocabulary.knowsPrefix(folded)) {
      alternatives.addAll(compound(word.typed()));
    }
    return new QueryPlan.Group(List.copyOf(alternatives), HOW.contains(folded));
  }

  /**
   * A compound's readings, one per place where its head may end: "Elterngeldantrag" → eltern &
   * geld, elterngeld (the head as one word, so that it matches the catalog's "Elterngeld"). Parts
   * that only say how ("antrag") are left out; each part also matches its synonyms ("kita" →
   * Kindertages…).
   */
  private List<QueryPlan.Alternative> compound(String typed) {
    List<String> parts = compounds.split(typed).stream().map(GermanFolding::fold).toList();
    List<QueryPlan.Alternative> readings = new ArrayList<>();
    for (int k = 1; k < parts.size(); k++) {
      List<List<String>> reading = new ArrayList<>();
      reading.add(optionsOf(String.join("", parts.subList(0, k))));
      for (String tail : parts.subList(k, parts.size())) {
        if (!HOW.contains(tail)) {
          reading.add(optionsOf(tail));
        }
      }
      readings.add(new QueryPlan.Alternative(List.copyOf(reading)));
    }
    return readings;
  }

  /** A word with its synonyms, also those of its singular ("krippen" → krippe → Kindertages…). */
  private List<String> optionsOf(String part) {
    Set<String> options = new LinkedHashSet<>();
    options.add(part);
    options.addAll(synonyms.of(List.of(part)));
    for (String suffix : List.of("n", "s", "e", "en")) {
      if (part.length() > suffix.length() + 3 && part.endsWith(suffix)) {
        options.addAll(synonyms.of(List.of(part.substring(0, part.length() - suffix.length()))));
      }
    }
    return List.copyOf(options);
  }
}
