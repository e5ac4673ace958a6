package de.amtsweg.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A query as the search understands it: one group per thing the person asked for, each with its
 * alternatives (the word itself, synonyms, corrections, the parts of a compound). An alternative is
 * a list of parts that must all match, each part a list of options of which one must match (a
 * compound's part with its synonyms); an option is one or more words. Rendered as PostgreSQL
 * tsquery text for the {@code german} configuration; every word is matched as a prefix, so that
 * suggestions work while typing and "Hund" finds "Hundesteuer".
 *
 * @param folded the whole query, folded
 * @param groups the groups in the order typed; words contain only {@code [a-z0-9]}
 */
record QueryPlan(String folded, List<Group> groups) {

  /**
   * One thing asked for.
   *
   * @param optional a word that only says how ("beantragen", "online"): it ranks, but a Leistung
   *     need not contain it to match every part of the query
   */
  record Group(List<Alternative> alternatives, boolean optional) {

    /** A group whose alternatives are each one option of one or more words. */
    static Group of(List<String> options, boolean optional) {
      return new Group(options.stream().map(Alternative::of).toList(), optional);
    }
  }

  /** Parts that must all match; each part matches if one of its options does. */
  record Alternative(List<List<String>> parts) {

    static Alternative of(String option) {
      return new Alternative(List.of(List.of(option)));
    }
  }

  boolean isEmpty() {
    return groups.isEmpty();
  }

  /** Every group must match, except optional ones (unless all are optional). */
  String allTerms() {
    return required().stream().map(QueryPlan::group).collect(Collectors.joining(" & "));
  }

  /** Any required group may match: an optional word alone ("antrag") finds nothing. */
  String anyTerm() {
    return required().stream().map(QueryPlan::group).collect(Collectors.joining(" | "));
  }

  /** Any group may match, whole words only: ranks "Führerschein" above "Führerscheinhersteller". */
  String anyWholeWord() {
    return groups.stream()
        .map(QueryPlan::group)
        .collect(Collectors.joining(" | "))
        .replace(":*", "");
  }

  private List<Group> required() {
    List<Group> required = groups.stream().filter(g -> !g.optional()).toList();
    return required.isEmpty() ? groups : required;
  }

  private static String group(Group group) {
    return group.alternatives().stream()
        .map(QueryPlan::alternative)
        .collect(Collectors.joining(" | ", "(", ")"));
  }

  private static String alternative(Alternative alternative) {
    return alternative.parts().stream()
        .map(
            options ->
                options.stream()
                    .map(QueryPlan::option)
                    .collect(Collectors.joining(" | ", "(", ")")))
        .collect(Collectors.joining(" & ", "(", ")"));
  }

  private static String option(String words) {
    return Arrays.stream(words.split(" "))
        .map(word -> word + ":*")
        .collect(Collectors.joining(" & ", "(", ")"));
  }
}
