package de.amtsweg.platform;

import java.util.SortedMap;

/**
 * The tenants staff can belong to, by slug, with their names: staff management offers them to
 * operators. Implemented by the module that keeps the tenants ({@code tenancy}).
 */
public interface TenantNames {

  /** Slug → display name of every tenant, by slug. */
  SortedMap<String, String> all();
}
