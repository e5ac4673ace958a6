package de.amtsweg.account;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person's Servicekonto.
 *
 * @param id public id (also the name of the login in the session store)
 * @param email the login address, lower case
 * @param emailConfirmedAt when the owner proved they receive mail there; null until then
 * @param passwordChangedAt when the password was last changed
 * @param createdAt when the account was registered
 */
public record Account(
    UUID id,
    String email,
    @Nullable OffsetDateTime emailConfirmedAt,
    @Nullable OffsetDateTime passwordChangedAt,
    OffsetDateTime createdAt) {

  public boolean emailConfirmed() {
    return emailConfirmedAt != null;
  }
}
