/**
 * The Servicekonto: person accounts that register with e-mail and password, confirm their address,
 * log in (throttled), reset and change their password and address, and end their sessions.
 *
 * <p>API: {@link de.amtsweg.account.AccountManagement}, {@link de.amtsweg.account.CitizenLogin},
 * {@link de.amtsweg.account.AccountSessions}, {@link de.amtsweg.account.PasswordPolicy}.
 */
@ApplicationModule(
    displayName = "Account",
    allowedDependencies = {"tenancy"})
@NullMarked
package de.amtsweg.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
