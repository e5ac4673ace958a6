package de.amtsweg.platform.security;

import de.amtsweg.platform.Roles;

/** Roles of back-office staff. All but the operator are scoped to one tenant. */
enum StaffRole {
  /** The Land's operators: tenants, reference data, monitoring. */
  PLATFORM_OPERATOR,
  /** Caseworker (Sachbearbeitung) of one tenant. */
  CASEWORKER,
  /** Administrator of one tenant (Kommunal-Admin). */
  TENANT_ADMIN,
  /** App editor (App-Redaktion) of the Land tenant: writes and publishes Antrags-Apps. */
  APP_EDITOR;

  static {
    if (!CASEWORKER.name().equals(Roles.CASEWORKER)
        || !TENANT_ADMIN.name().equals(Roles.TENANT_ADMIN)
        || !APP_EDITOR.name().equals(Roles.APP_EDITOR)) {
      throw new IllegalStateException("StaffRole and Roles disagree");
    }
  }

  boolean tenantScoped() {
    return this != PLATFORM_OPERATOR;
  }
}
