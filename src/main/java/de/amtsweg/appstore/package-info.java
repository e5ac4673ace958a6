/**
 * The App-Store ("Einer für Alle"): published, immutable versions of Antrags-Apps; the editors'
 * drafts; and each tenant's activation of an app with its own parameters (fees, contact, notes).
 *
 * <p>API: {@link de.amtsweg.appstore.AppStore}.
 */
@ApplicationModule(
    displayName = "App-Store",
    allowedDependencies = {"catalog", "forms", "tenancy"})
@NullMarked
package de.amtsweg.appstore;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
