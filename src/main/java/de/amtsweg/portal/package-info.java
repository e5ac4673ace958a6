/**
 * The citizen-facing shell of the Land portal: start page, legal pages, and the places later
 * modules fill (Servicekonto).
 */
@ApplicationModule(
    displayName = "Portal",
    allowedDependencies = {"tenancy"})
@NullMarked
package de.amtsweg.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
