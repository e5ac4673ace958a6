/**
 * The Leistungskatalog: LeiKa-Leistungen, OZG-Leistungen, Themenfelder and Lebenslagen; a search
 * that understands how people ask; who is responsible for a Leistung where (Zuständigkeit); and the
 * OZG maturity (Reifegrad) of each authority's online offer.
 *
 * <p>API: {@link de.amtsweg.catalog.Catalog}, {@link de.amtsweg.catalog.ServiceSearch}, {@link
 * de.amtsweg.catalog.Zustaendigkeiten}, {@link de.amtsweg.catalog.Reifegrade}.
 */
@ApplicationModule(
    displayName = "Catalog",
    allowedDependencies = {"tenancy"})
@NullMarked
package de.amtsweg.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
