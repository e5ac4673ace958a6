package de.amtsweg.catalog;

import de.danielnaber.jwordsplitter.GermanWordSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Splits German compounds into their words with jWordSplitter and its German dictionary
 * ("Krippenplatz" → krippen, platz; "Elterngeldantrag" → eltern, geld, antrag). Strict mode: a word
 * is split only if every part is a dictionary word, so names and typos stay whole.
 */
@Component
class Compounds {

  /** Words longer than this are not split: nobody types them, and splitting is quadratic. */
  private static final int MAX_LENGTH = 40;

  private final GermanWordSplitter splitter;

  Compounds() {
    try {
      splitter = new GermanWordSplitter(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load the compound dictionary", e);
    }
    splitter.setStrictMode(true);
  }

  /**
   * The parts of a compound, lower case and not folded (umlauts as typed), or an empty list if the
   * word is no compound.
   *
   * @param word one word as typed, with its umlauts: the dictionary knows "führerschein", not
   *     "fuhrerschein"
   */
  List<String> split(String word) {
    String lower = word.toLowerCase(Locale.GERMAN);
    if (lower.length() > MAX_LENGTH) {
      return List.of();
    }
    List<String> parts = splitter.splitWord(lower);
    return parts.size() < 2 ? List.of() : List.copyOf(parts);
  }
}
