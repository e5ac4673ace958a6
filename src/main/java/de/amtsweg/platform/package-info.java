/**
 * Cross-cutting infrastructure: embedded database, security, web layout, i18n, error contract.
 *
 * <p>The root package is the API other modules may use ({@link
 * de.amtsweg.platform.ProblemException}, {@link de.amtsweg.platform.PlatformProperties}, {@link
 * de.amtsweg.platform.GermanFolding}, {@link de.amtsweg.platform.ReferenceDataVersions});
 * everything in sub-packages is internal.
 */
@ApplicationModule(
    displayName = "Platform",
    allowedDependencies = {})
@NullMarked
package de.amtsweg.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
