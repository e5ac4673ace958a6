/**
 * The Portalverbund: Amtsweg linked with the portals of Bund, Länder and Kommunen. It imports
 * Organisationseinheiten, Onlinedienste, Zuständigkeiten and Leistung texts from XZuFi sources in
 * the shape of the PVOG Bereitstelldienst, exports Amtsweg's own online services in the same shape,
 * answers the routing question for machines in the shape of the FIT-Connect Routing API, forwards
 * people to other providers' online services and asks peer portals in a federated search.
 */
@ApplicationModule(
    displayName = "Federation",
    allowedDependencies = {"catalog", "appstore", "forms", "tenancy"})
@NullMarked
package de.amtsweg.federation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
