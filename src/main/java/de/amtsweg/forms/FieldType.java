package de.amtsweg.forms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The field types of the definition language, by their name in definitions. */
public enum FieldType {
  TEXT("text"),
  LONGTEXT("longtext"),
  NUMBER("number"),
  MONEY("money"),
  DATE("date"),
  YESNO("yesno"),
  CHOICE("choice"),
  MULTICHOICE("multichoice"),
  EMAIL("email"),
  PHONE("phone"),
  ADDRESS("address"),
  IBAN("iban"),
  FILE("file"),
  GROUP("group");

  private final String key;

  FieldType(String key) {
    this.key = key;
  }

  /** The name used in definitions. */
  @JsonValue
  public String key() {
    return key;
  }

  public boolean hasOptions() {
    return this == CHOICE || this == MULTICHOICE;
  }

  @JsonCreator
  static FieldType fromKey(String key) {
    return byKey(key).orElseThrow(() -> new IllegalArgumentException("unknown field type " + key));
  }

  public static Optional<FieldType> byKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }
}
