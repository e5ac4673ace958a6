/**
 * Passkeys (WebAuthn) of staff accounts: Spring Security's WebAuthn endpoints over the tables
 * {@code user_entities} and {@code user_credentials}, a complete sign-in without a password, and
 * the passkey kind of {@link de.amtsweg.platform.security.StaffFactor} (ADR 0024).
 */
@NullMarked
package de.amtsweg.platform.passkey;

import org.jspecify.annotations.NullMarked;
