/**
 * Staff management and the staff's second factor: invitations by mail, the lists and actions of
 * operators ({@code /admin/mitarbeitende}) and tenant admins ({@code /verwaltung/mitarbeitende}),
 * the audit log of every change, the TOTP factor with recovery codes, and the second step of the
 * staff login ({@code /anmelden/code}, {@code /anmelden/zweiter-faktor}). Internal to the module;
 * other modules invite through {@link de.amtsweg.platform.StaffInvitations}. See ADR 0023.
 */
@NullMarked
package de.amtsweg.platform.staff;

import org.jspecify.annotations.NullMarked;
