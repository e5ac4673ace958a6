package de.amtsweg.tenancy.web;

import de.amtsweg.tenancy.Authority;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Proposes a tenant's short name (slug) from its authority's name. */
final class Slugs {

  static final int MAX_LENGTH = 40;

  private Slugs() {}

  /**
   * The place name for towns and Gemeinden ({@code ohrdruf}), the full name for Kreise and
   * Verwaltungsgemeinschaften ({@code landkreis-gotha}), which would otherwise share it with their
   * seat; numbered when taken ({@code ohrdruf-2}).
   */
  static String propose(Authority authority, Predicate<String> taken) {
    String base =
        slug(authority.type().isMunicipality() ? authority.name() : authority.displayName());
    if (base.length() < 2) {
      base = "mandant-" + authority.ars();
    }
    String candidate = base;
    for (int n = 2; taken.test(candidate); n++) {
      String suffix = "-" + n;
      candidate = cut(base, MAX_LENGTH - suffix.length()) + suffix;
    }
    return candidate;
  }

  /** Lower case ASCII letters, digits and single hyphens: "Bad Tabarz" → "bad-tabarz". */
  static String slug(String name) {
    String german =
        name.toLowerCase(Locale.GERMAN)
            .replace("ä", "ae")
            .replace("ö", "oe")
            .replace("ü", "ue")
            .replace("ß", "ss");
    String ascii = Normalizer.normalize(german, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String hyphenated = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return cut(hyphenated, MAX_LENGTH);
  }

  /** At most {@code max} characters, never ending in a hyphen. */
  private static String cut(String slug, int max) {
    String cut = slug.length() <= max ? slug : slug.substring(0, max);
    return cut.replaceAll("-+$", "");
  }
}
