package de.amtsweg.platform.security;

/** Roles of back-office staff. */
enum StaffRole {
  /** The Land's operators: tenants, reference data, monitoring. */
  PLATFORM_OPERATOR
}
