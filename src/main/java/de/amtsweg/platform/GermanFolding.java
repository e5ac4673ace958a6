package de.amtsweg.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds German names and queries to one spelling, so that {@code Gößnitz}, {@code Goessnitz} and
 * {@code gossnitz} meet: lower case, umlauts and their ae/oe/ue spellings to the base vowel, ß to
 * ss, other accents removed, punctuation to single spaces. Applied to both sides of a comparison.
 */
public final class GermanFolding {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

  private GermanFolding() {}

  /** The folded form of a name or query. */
  public static String fold(String text) {
    String lower = text.toLowerCase(Locale.GERMAN).replace("ß", "ss");
    String withoutUmlauts =
        lower
            .replace("ä", "a")
            .replace("ö", "o")
            .replace("ü", "u")
            .replace("ae", "a")
            .replace("oe", "o")
            .replace("ue", "u");
    String withoutAccents =
        MARKS.matcher(Normalizer.normalize(withoutUmlauts, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALPHANUMERIC.matcher(withoutAccents).replaceAll(" ").trim();
  }
}
