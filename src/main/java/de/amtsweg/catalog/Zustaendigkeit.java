package de.amtsweg.catalog;

import de.amtsweg.tenancy.Authority;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who is responsible for a Leistung at a place, and how sure Amtsweg is of it.
 *
 * @param basis where the answer comes from; only {@link Basis#DATA} and {@link Basis#OVERRIDE} are
 *     facts, {@link Basis#RULE} is shown as "vermutlich zuständig – bitte prüfen"
 * @param ebene the level that carries out the Leistung (from the catalog's rules)
 * @param reason why: the source of the data, the operator's reason, or the rule
 * @param authority the responsible authority of the Land's register; null when the responsible
 *     office is none of them (a federal office, a chamber) or nobody is known
 * @param organisationseinheit the responsible office with its contact data, when one is known
 */
public record Zustaendigkeit(
    Basis basis,
    Verwaltungsebene ebene,
    String reason,
    @Nullable Authority authority,
    VerbundObjects.@Nullable Organisationseinheit organisationseinheit) {

  /** Where people are sent when Amtsweg does not know who is responsible. */
  public static final List<Onward> ONWARD =
      List.of(
          new Onward("Thüringer Zuständigkeitsfinder", "https://www.verwaltung.thueringen.de/"),
          new Onward("Behördennummer 115", "https://www.115.de/"));

  /** Whether an operator's override decided. */
  public boolean overridden() {
    return basis == Basis.OVERRIDE;
  }

  /** Whether the answer is a fact (data or the operator's decision), not a guess. */
  public boolean certain() {
    return basis == Basis.DATA || basis == Basis.OVERRIDE;
  }

  /** Whether anybody is named: false only for {@link Basis#UNKNOWN}. */
  public boolean known() {
    return basis != Basis.UNKNOWN;
  }

  /** The name to show: the office's, else the authority's; null when nobody is known. */
  public @Nullable String name() {
    if (organisationseinheit != null) {
      return organisationseinheit.name();
    }
    return authority == null ? null : authority.displayName();
  }

  /** Where an answer comes from ({@code responsible.basis} in the API). */
  public enum Basis {
    /** A Zuständigkeit stored as data (seeded, imported from the Portalverbund, or edited). */
    DATA,
    /** An operator's override for the place or a region above it. */
    OVERRIDE,
    /** A rule of the catalog that a person wrote down: probably right, to be checked. */
    RULE,
    /** Neither data nor a reliable rule: Amtsweg names nobody and points onward. */
    UNKNOWN
  }

  /**
   * A place to ask onward.
   *
   * @param name its name (German, as the service calls itself)
   * @param url its address
   */
  public record Onward(String name, String url) {}
}
