package de.amtsweg.forms;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a field can be prefilled from: a value of the applicant's Servicekonto. The names are the
 * ones definitions use ({@code prefill: familyName}).
 */
public enum PrefillSource {
  DOCTORAL_DEGREE("doctoralDegree", EnumSet.of(FieldType.TEXT)),
  GIVEN_NAMES("givenNames", EnumSet.of(FieldType.TEXT)),
  FAMILY_NAME("familyName", EnumSet.of(FieldType.TEXT)),
  BIRTH_NAME("birthName", EnumSet.of(FieldType.TEXT)),
  BIRTH_DATE("birthDate", EnumSet.of(FieldType.DATE)),
  BIRTH_PLACE("birthPlace", EnumSet.of(FieldType.TEXT)),
  NATIONALITY("nationality", EnumSet.of(FieldType.TEXT, FieldType.CHOICE)),
  ADDRESS("address", EnumSet.of(FieldType.ADDRESS)),
  PHONE("phone", EnumSet.of(FieldType.PHONE, FieldType.TEXT)),
  EMAIL("email", EnumSet.of(FieldType.EMAIL)),
  ACCOUNT_HOLDER("accountHolder", EnumSet.of(FieldType.TEXT)),
  IBAN("iban", EnumSet.of(FieldType.IBAN)),
  ORGANISATION_NAME("organisationName", EnumSet.of(FieldType.TEXT)),
  ORGANISATION_ADDRESS("organisationAddress", EnumSet.of(FieldType.ADDRESS));

  private final String key;
  private final Set<FieldType> types;

  PrefillSource(String key, Set<FieldType> types) {
    this.key = key;
    this.types = types;
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
