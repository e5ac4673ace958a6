package de.amtsweg.platform;

/**
 * Invites staff by e-mail: creates the account (its login name is the e-mail address) and mails a
 * single-use link with which the person sets a password and registers a second factor. Used by the
 * operator's and tenant admins' pages and by the onboarding of a municipality.
 */
public interface StaffInvitations {

  /**
   * Invites an administrator of a tenant.
   *
   * @param tenantSlug the tenant; must exist ({@link TenantNames})
   * @param email the person's e-mail address, also their login name and (until they are renamed)
   *     their display name
   * @param invitedBy the user name of the operator who invites, for the audit log
   * @return the login name of the new account
   * @throws ProblemException {@code staff-email-taken} (409) if a staff account has the address,
   *     {@code staff-invalid} (400) if the address is not one or the tenant does not exist
   */
  String inviteTenantAdmin(String tenantSlug, String email, String invitedBy);
}
