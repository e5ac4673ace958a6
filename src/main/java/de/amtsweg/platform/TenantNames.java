package de.amtsweg.platform;

import java.util.SequencedMap;

/**
 * The tenants that exist, by slug, for platform code that must name or check one without depending
 * on {@code tenancy} (which implements this). Staff sign-in with an identity provider uses it to
 * refuse mappings to unknown tenants and to name tenants on its pages.
 */
public interface TenantNames {

  /** Every tenant's display name by its slug, in the order people should see them. */
  SequencedMap<String, String> all();
}
