package de.amtsweg.catalog;

import de.amtsweg.platform.ReferenceDataVersions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The words of the catalog, in memory: to tell a known word from a typo, to correct typos
 * ("furerschein" → "fuhrerschein"). Reloaded after an import on this node, and noticed within a
 * minute when another node imported.
 */
@Component
class Vocabulary {

  private static final Duration RECHECK = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private final ReferenceDataVersions versions;
  private volatile Snapshot snapshot = new Snapshot("", new TreeSet<>(), Instant.EPOCH);

  Vocabulary(JdbcClient jdbc, ReferenceDataVersions versions) {
    this.jdbc = jdbc;
    this.versions = versions;
  }

  private record Snapshot(String checksum, NavigableSet<String> words, Instant checkedAt) {}

  // Synchronous, in the importing thread: this node's memory is current before the next search, and
  // there is nothing to keep in the event publication registry for a restart.
  @EventListener
  void onImport(CatalogImport.CatalogImported event) {
    load();
  }

  /** Reads the words again: the Antrags-Apps' words changed. */
  void reload() {
    load();
  }

  /** True if some catalog word starts with this (folded) token. */
  boolean knowsPrefix(String token) {
    String next = current().words().ceiling(token);
    return next != null && next.startsWith(token);
  }

  /**
   * The token without its last one or two letters, if that starts a catalog word: "abmelden" →
   * "abmeld" (as in "abmeldung"), "personalausweiss" → "personalausweis". Only for tokens of six
   * letters or more, so that short words do not match everything.
   */
  @Nullable String knownStem(String token) {
    for (int cut = 1; cut <= 2 && token.length() - cut >= 5; cut++) {
      String stem = token.substring(0, token.length() - cut);
      if (knowsPrefix(stem)) {
        return stem;
      }
    }
    return null;
  }

  /**
   * Catalog words at the smallest edit distance (1, or 2 for longer tokens), best first. Only words
   * with the same first letter are compared: people rarely mistype the first letter, and it keeps
   * the search fast.
   */
  List<String> corrections(String token) {
    if (token.length() < 4) {
      return List.of();
    }
    int threshold = token.length() >= 7 ? 2 : 1;
    LevenshteinDistance distance = new LevenshteinDistance(threshold);
    List<String> best = new ArrayList<>();
    int bestDistance = threshold + 1;
    String first = token.substring(0, 1);
    for (String word : current().words().subSet(first, true, first + Character.MAX_VALUE, true)) {
      if (Math.abs(word.length() - token.length()) > threshold) {
        continue;
      }
      int d = distance.apply(token, word);
      if (d < 0) {
        continue;
      }
      if (d < bestDistance) {
        best.clear();
        bestDistance = d;
      }
      if (d == bestDistance && best.size() < 3) {
        best.add(word);
      }
    }
    return best;
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    if (current.checkedAt().plus(RECHECK).isBefore(Instant.now())) {
      if (!loadedChecksum().equals(current.checksum())) {
        return load();
      }
      snapshot = new Snapshot(current.checksum(), current.words(), Instant.now());
    }
    return snapshot;
  }

  private String loadedChecksum() {
    return versions
        .loaded(CatalogImport.NAME)
        .map(ReferenceDataVersions.Version::checksum)
        .orElse("");
  }

  private synchronized Snapshot load() {
    String checksum = loadedChecksum();
    TreeSet<String> words =
        new TreeSet<>(jdbc.sql("select word from catalog_word").query(String.class).list());
    snapshot = new Snapshot(checksum, words, Instant.now());
    return snapshot;
  }
}
