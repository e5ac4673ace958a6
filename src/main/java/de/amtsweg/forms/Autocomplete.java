package de.amtsweg.forms;

import de.amtsweg.forms.AppDefinition.Field;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The HTML {@code autocomplete} token of a question that asks for the applicant's own data (WCAG
 * 2.1 SC 1.3.5 "Identify Input Purpose", required by BITV 2.0), so browsers and assistive tools can
 * fill it in and mark its purpose.
 *
 * <p>Where the token comes from, first match wins: the field's own {@code autocomplete} in the
 * definition ({@code none} when a question that looks like the applicant's data is about someone
 * else, e.g. the child's address prefilled from the parent's); else, for a question at the top
 * level, its prefill source ({@link PrefillSource#autocomplete()}) or its FIM Datenfeld. Questions
 * inside a repeatable group are about other people or things (dogs, children, partners) and get a
 * token only when the definition names one.
 */
public final class Autocomplete {

  /** The applicant's postal address: its parts get their own tokens. */
  public static final String ADDRESS = "street-address";

  /** Written in a definition: this question is not about the applicant, no token. */
  public static final String NONE = "none";

  /** The autofill field names of the HTML standard a definition may use. */
  static final Set<String> FIELD_NAMES =
      Set.of(
          "name",
          "honorific-prefix",
          "given-name",
          "additional-name",
          "family-name",
          "honorific-suffix",
          "nickname",
          "organization-title",
          "organization",
          "street-address",
          "address-line1",
          "address-line2",
          "address-line3",
          "address-level1",
          "address-level2",
          "address-level3",
          "country",
          "country-name",
          "postal-code",
          "bday",
          "sex",
          "url",
          "tel",
          "tel-national",
          "email");

  /** Contact tokens may name what the contact is for: {@code work tel}, {@code mobile tel}. */
  private static final Set<String> CONTACT_HINTS = Set.of("home", "work", "mobile");

  private static final Set<String> CONTACT_FIELDS = Set.of("tel", "tel-national", "email");

  /**
   * FIM Datenfelder (XDatenfelder, Baukasten "Natürliche Person" and "Anschrift Inland") that ask
   * for a person's own data, with their tokens. Other FIM fields have none.
   */
  private static final Map<String, String> FIM =
      Map.of(
          "F00000013", "family-name",
          "F00000154", "given-name",
          "F00000014", "",
          "G00000234", "bday",
          "F00000067", "",
          "F00000069", "tel",
          "F00000071", "email",
          "G00000119", ADDRESS);

  private Autocomplete() {}

  /**
   * The token of a question, or null when it has none.
   *
   * @param inGroup whether the question belongs to an item of a repeatable group
   */
  public static @Nullable String of(Field field, boolean inGroup) {
    String explicit = field.autocomplete();
    if (explicit != null) {
      return NONE.equals(explicit) ? null : explicit;
    }
    if (inGroup) {
      return null;
    }
    String token = null;
    if (field.prefill() != null) {
      token = PrefillSource.byKey(field.prefill()).map(PrefillSource::autocomplete).orElse(null);
    } else if (field.fim() != null) {
      token = FIM.get(field.fim());
    }
    return token == null || token.isEmpty() || !fits(token, field.type()) ? null : token;
  }

  /**
   * The token of one part of an address question whose token is {@link #ADDRESS}. The house number
   * has none: HTML knows only whole address lines, and a street line with its number would put the
   * number twice. It gets no {@code autocomplete="off"} either, so browsers still offer what they
   * know.
   */
  public static @Nullable String addressPart(@Nullable String token, String part) {
    if (!ADDRESS.equals(token)) {
      return null;
    }
    return switch (part) {
      case "street" -> "address-line1";
      case "postcode" -> "postal-code";
      case "city" -> "address-level2";
      default -> null;
    };
  }

  /** Whether a definition may write this value for a question of this type. */
  static boolean valid(String value, FieldType type) {
    if (NONE.equals(value)) {
      return true;
    }
    String[] parts = value.strip().split("\\s+");
    if (parts.length == 2) {
      return CONTACT_HINTS.contains(parts[0])
          && CONTACT_FIELDS.contains(parts[1])
          && fits(parts[1], type);
    }
    return parts.length == 1 && FIELD_NAMES.contains(value) && fits(value, type);
  }

  private static boolean fits(String token, FieldType type) {
    String name = token.contains(" ") ? token.substring(token.lastIndexOf(' ') + 1) : token;
    return switch (type) {
      case ADDRESS -> ADDRESS.equals(name);
      case DATE -> "bday".equals(name);
      case EMAIL -> "email".equals(name);
      case PHONE -> "tel".equals(name) || "tel-national".equals(name);
      case TEXT, CHOICE -> !ADDRESS.equals(name) && !"bday".equals(name);
      default -> false;
    };
  }
}
