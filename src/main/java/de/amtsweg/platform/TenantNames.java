package de.amtsweg.platform;

import java.util.SortedMap;

/**
 * The tenants that exist, by slug, with their names, for platform code that must offer, check or
 * name one without depending on {@code tenancy} (which implements this): staff management offers
 * them to operators, staff sign-in with an identity provider refuses mappings to unknown tenants.
 */
public interface TenantNames {

  /** Slug → display name of every tenant, by slug. */
  SortedMap<String, String> all();
}
