package de.amtsweg.platform.security;

import java.util.UUID;

/**
 * A kind of second factor a staff account can register (TOTP, passkey), declared as a bean by the
 * code that implements it. A staff account "has a second factor" when any of them is registered;
 * staff management lists them and resets them all.
 */
public interface StaffFactor {

  /** Stable id of the kind, e.g. {@code totp}, {@code passkey}. */
  String id();

  /** The message key of its name for people ("Authenticator-App", "Passkey"). */
  String nameKey();

  /** Whether the staff account has at least one factor of this kind. */
  boolean registered(UUID staffAccountId);

  /** Removes every factor of this kind of the account (a reset by someone entitled to it). */
  void reset(UUID staffAccountId);
}
