package de.amtsweg.account;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a Servicekonto knows about its owner, each value with its provenance.
 *
 * @param accountId the account
 * @param email the login address; its provenance is the confirmation, if it was confirmed
 * @param values the profile fields that have a value
 */
public record Profile(
    UUID accountId, @Nullable ProfileValue email, Map<ProfileField, ProfileValue> values) {

  public Optional<ProfileValue> get(ProfileField field) {
    return Optional.ofNullable(values.get(field));
  }

  /** The value of a field, or null. */
  public @Nullable String value(ProfileField field) {
    ProfileValue value = values.get(field);
    return value == null ? null : value.value();
  }

  public boolean has(ProfileField.Section section) {
    return section.fields().stream().anyMatch(values::containsKey);
  }
}
