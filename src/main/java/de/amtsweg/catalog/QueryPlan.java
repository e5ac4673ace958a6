package de.amtsweg.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A query as the search understands it: one group per thing the person asked for, each with its
 * alternatives (the word itself, synonyms, corrections, compound parts), each alternative one or
 * more words. Rendered as PostgreSQL tsquery text for the {@code german} configuration; every word
 * is matched as a prefix, so that suggestions work while typing and "Hund" finds "Hundesteuer".
 *
 * @param folded the whole query, folded
 * @param groups alternatives per group; words contain only {@code [a-z0-9]}
 */
record QueryPlan(String folded, List<List<String>> groups) {

  boolean isEmpty() {
    return groups.isEmpty();
  }

  /** Every group must match. */
  String allTerms() {
    return groups.stream().map(QueryPlan::group).collect(Collectors.joining(" & "));
  }

  /** Any group may match. */
  String anyTerm() {
    return groups.stream().map(QueryPlan::group).collect(Collectors.joining(" | "));
  }

  /** Any group may match, whole words only: ranks "Führerschein" above "Führerscheinhersteller". */
  String anyWholeWord() {
    return anyTerm().replace(":*", "");
  }

  private static String group(List<String> alternatives) {
    return alternatives.stream()
        .map(QueryPlan::alternative)
        .collect(Collectors.joining(" | ", "(", ")"));
  }

  private static String alternative(String words) {
    return Arrays.stream(words.split(" "))
        .map(word -> word + ":*")
        .collect(Collectors.joining(" & ", "(", ")"));
  }
}
