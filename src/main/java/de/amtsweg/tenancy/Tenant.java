package de.amtsweg.tenancy;

import java.util.UUID;

/**
 * An authority that runs services in Amtsweg (Mandant), with its branding and contact.
 *
 * @param id public id
 * @param slug short name in URLs, e.g. {@code erfurt}
 * @param authorityArs the authority this tenant is
 * @param hasLogo whether a logo was uploaded ({@code /mandanten/{slug}/logo})
 * @param version for optimistic locking when operators edit concurrently
 */
public record Tenant(
    UUID id,
    String slug,
    String authorityArs,
    TenantProfile profile,
    boolean hasLogo,
    int version) {

  public String displayName() {
    return profile.displayName();
  }
}
