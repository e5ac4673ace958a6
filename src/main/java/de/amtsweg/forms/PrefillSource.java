package de.amtsweg.forms;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a field can be prefilled from: a value of the applicant's Servicekonto. The names are the
 * ones definitions use ({@code prefill: familyName}).
 */
public enum PrefillSource {
  DOCTORAL_DEGREE("doctoralDegree", EnumSet.of(FieldType.TEXT), "honorific-prefix"),
  GIVEN_NAMES("givenNames", EnumSet.of(FieldType.TEXT), "given-name"),
  FAMILY_NAME("familyName", EnumSet.of(FieldType.TEXT), "family-name"),
  // No token for a birth name or a birth place: HTML's autofill field names have none, and
  // "additional-name" is a middle name, not a former family name.
  BIRTH_NAME("birthName", EnumSet.of(FieldType.TEXT), null),
  BIRTH_DATE("birthDate", EnumSet.of(FieldType.DATE), "bday"),
  BIRTH_PLACE("birthPlace", EnumSet.of(FieldType.TEXT), null),
  NATIONALITY("nationality", EnumSet.of(FieldType.TEXT, FieldType.CHOICE), null),
  ADDRESS("address", EnumSet.of(FieldType.ADDRESS), Autocomplete.ADDRESS),
  PHONE("phone", EnumSet.of(FieldType.PHONE, FieldType.TEXT), "tel"),
  EMAIL("email", EnumSet.of(FieldType.EMAIL), "email"),
  ACCOUNT_HOLDER("accountHolder", EnumSet.of(FieldType.TEXT), null),
  IBAN("iban", EnumSet.of(FieldType.IBAN), null),
  ORGANISATION_NAME("organisationName", EnumSet.of(FieldType.TEXT), "organization"),
  ORGANISATION_ADDRESS("organisationAddress", EnumSet.of(FieldType.ADDRESS), Autocomplete.ADDRESS);

  private final String key;
  private final Set<FieldType> types;
  private final @Nullable String autocomplete;

  PrefillSource(String key, Set<FieldType> types, @Nullable String autocomplete) {
    this.key = key;
    this.types = types;
    this.autocomplete = autocomplete;
  }

  /**
   * The HTML autocomplete token of the value's purpose ({@code given-name}, {@code bday}, …), or
   * null when HTML defines none (birth name, birth place).
   */
  public @Nullable String autocomplete() {
    return autocomplete;
  }

  public String key() {
    return key;
  }

  public boolean fits(FieldType type) {
    return types.contains(type);
  }

  public static Optional<PrefillSource> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
