/**
 * Authorities of the Land (Land, Kreise, Gemeindeverbände, Gemeinden) with their official keys, and
 * the tenants (Mandanten): authorities that run services in Amtsweg with their own branding.
 *
 * <p>API: {@link de.amtsweg.tenancy.Authorities}, {@link de.amtsweg.tenancy.TenantManagement},
 * {@link de.amtsweg.tenancy.PlaceSelection}.
 */
@ApplicationModule(
    displayName = "Tenancy",
    allowedDependencies = {})
@NullMarked
package de.amtsweg.tenancy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
